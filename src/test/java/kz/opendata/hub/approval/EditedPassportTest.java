package kz.opendata.hub.approval;

import static kz.opendata.hub.approval.ApprovalInboxTest.decodedSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kz.opendata.hub.passport.PassportJson;
import kz.opendata.hub.store.ApprovalMessageRepository.Entry;
import kz.opendata.hub.store.PassportRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** Edited passports that agencies attach to their replies, as JSON, the XLSX form, or Word. */
class EditedPassportTest extends HubMailTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Test
    void cyrillicJsonAttachmentBecomesNextVersion() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/hospices.csv", "edited-json");
        ObjectNode edited = (ObjectNode) PassportJson.mapper().readTree(attachment(sent.request(), ".json"));
        String oldTitle = textOrNull(edited.at("/general/fullName/ru"));
        String oldName = edited.at("/attributes/0/name/ru").asText();
        String oldType = edited.at("/attributes/1/type").asText();
        String newType = oldType.equals("integer") ? "string" : "integer";
        ((ObjectNode) edited.at("/general/fullName")).put("ru", "Хосписы города Москвы");
        ((ObjectNode) edited.at("/attributes/0/name")).put("ru", "Номер строки реестра");
        ((ObjectNode) edited.at("/attributes/1")).put("type", newType);
        String fileName = "Паспорт набора данных «Хосписы» — исправления агентства.json";
        ClientMail reply = ClientMail.from(HEALTH_CONTACT)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Прошу изменить: исправленный паспорт во вложении.")
                .attachment(
                        List.of(
                                "Content-Type: application/json;" + rfc2231("name", fileName),
                                "Content-Disposition: attachment;" + rfc2231("filename", fileName)),
                        PassportJson.mapper().writeValueAsBytes(edited));

        deliver(reply.bytes());

        PassportRecord next = awaitVersion(sent.passport(), 2);
        JsonNode document = PassportJson.mapper().readTree(next.passportJson());
        assertThat(next.datasetName()).isEqualTo(sent.passport().datasetName());
        assertThat(next.status()).isEqualTo(PassportRecord.DRAFT);
        assertThat(document.at("/general/fullName/ru").asText()).isEqualTo("Хосписы города Москвы");
        assertThat(document.at("/attributes/1/type").asText()).isEqualTo(oldType);
        assertThat(document.path("version").asInt()).isEqualTo(2);
        assertThat(passports.find(sent.passport().id()).orElseThrow().status())
                .isEqualTo(PassportRecord.CHANGES_REQUESTED);
        JsonNode changes = rest.getForObject("/api/passports/" + next.id() + "/diff", JsonNode.class);
        assertThat(changes.path("revision").path("fileName").asText()).isEqualTo(fileName);
        assertThat(changes.path("revision").path("messageId").asText()).isEqualTo(reply.messageId());
        assertThat(changes.path("previousPassportId").asLong())
                .isEqualTo(sent.passport().id());
        assertThat(change(changes, "general.fullName.ru"))
                .hasValueSatisfying(
                        c -> assertThat(textOrNull(c.path("before"))).isEqualTo(oldTitle))
                .hasValueSatisfying(
                        c -> assertThat(c.path("applied").asBoolean()).isTrue());
        assertThat(change(changes, "attributes[0].name.ru"))
                .hasValueSatisfying(c -> assertThat(c.path("before").asText()).isEqualTo(oldName))
                .hasValueSatisfying(c -> assertThat(c.path("after").asText()).isEqualTo("Номер строки реестра"));
        assertThat(change(changes, "attributes[1].type"))
                .hasValueSatisfying(c -> assertThat(c.path("after").asText()).isEqualTo(newType))
                .hasValueSatisfying(
                        c -> assertThat(c.path("applied").asBoolean()).isFalse());
        assertThat(awaitReceived(reply.messageId()).note()).contains("Version 2 was drafted from " + fileName);
    }

    @Test
    void approvalOfOlderVersionChangesNothing() throws Exception {
        Sent sent = sendForApproval(STAT, "stat-kz/population-by-region.csv", "older-version");
        byte[] form = editedForm(attachment(sent.request(), ".xlsx"), "Облыстар бойынша халық саны", null, null);
        ClientMail edit = ClientMail.from(STAT_CONTACT)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Өзгерту қажет: нысан қоса берілді.")
                .attachment(xlsxHeaders("form.xlsx"), form);
        ClientMail lateApproval = ClientMail.from(STAT_CONTACT)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Келісілді.");

        deliver(edit.bytes());
        PassportRecord next = awaitVersion(sent.passport(), 2);
        deliver(lateApproval.bytes());
        Entry late = awaitReceived(lateApproval.messageId());

        assertThat(late.decision()).isEqualTo("approved");
        assertThat(late.note()).contains("Version 2 (passport " + next.id() + ") exists");
        assertThat(passports.find(sent.passport().id()).orElseThrow().status())
                .isEqualTo(PassportRecord.CHANGES_REQUESTED);
        assertThat(passports.find(next.id()).orElseThrow().status()).isEqualTo(PassportRecord.DRAFT);
    }

    @Test
    void editedXlsxFormBecomesNextVersion() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/magistrate-courts.csv", "edited-xlsx");
        JsonNode original = PassportJson.mapper().readTree(sent.passport().passportJson());
        String technicalName = original.at("/attributes/0/technicalName").asText();
        boolean required = original.at("/attributes/0/required").asBoolean();
        byte[] form = editedForm(
                attachment(sent.request(), ".xlsx"), "Мировые судебные участки", technicalName, "Номер участка");
        ClientMail reply = ClientMail.from(HEALTH_DEPUTY)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Согласовано.")
                .attachment(xlsxHeaders(fileNameOf(sent.request(), ".xlsx")), form);

        deliver(reply.bytes());

        PassportRecord next = awaitVersion(sent.passport(), 2);
        JsonNode document = PassportJson.mapper().readTree(next.passportJson());
        assertThat(document.at("/general/fullName/ru").asText()).isEqualTo("Мировые судебные участки");
        assertThat(document.at("/attributes/0/name/ru").asText()).isEqualTo("Номер участка");
        assertThat(document.at("/attributes/0/required").asBoolean()).isEqualTo(required);
        assertThat(passports.find(sent.passport().id()).orElseThrow().status())
                .isEqualTo(PassportRecord.CHANGES_REQUESTED);
        assertThat(awaitReceived(reply.messageId()).note()).contains("makes the reply a change request");
    }

    @Test
    void editedWordTableBecomesNextVersion() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/kindergartens.csv", "edited-docx");
        JsonNode original = PassportJson.mapper().readTree(sent.passport().passportJson());
        byte[] docx = convertedDocument(original, "Детские сады Москвы", "Адрес детского сада");
        ClientMail reply = ClientMail.from(HEALTH_CONTACT)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Прошу изменить наименования, см. документ.")
                .attachment(
                        List.of(
                                "Content-Type: " + DOCX + "; name=\"passport.docx\"",
                                "Content-Disposition: attachment; filename=\"passport.docx\""),
                        docx);

        deliver(reply.bytes());

        PassportRecord next = awaitVersion(sent.passport(), 2);
        JsonNode document = PassportJson.mapper().readTree(next.passportJson());
        assertThat(document.at("/general/fullName/ru").asText()).isEqualTo("Детские сады Москвы");
        assertThat(document.at("/attributes/1/name/ru").asText()).isEqualTo("Адрес детского сада");
        JsonNode changes = rest.getForObject("/api/passports/" + next.id() + "/diff", JsonNode.class);
        JsonNode alias = rest.getForObject("/api/passports/" + next.id() + "/changes", JsonNode.class);
        assertThat(changes.path("revision").path("format").asText()).isEqualTo("docx");
        assertThat(changes.path("changes")).hasSize(2);
        assertThat(alias).isEqualTo(changes);
    }

    @Test
    void attachmentAddingAttributeIsReportedNotDrafted() throws Exception {
        Sent sent = sendForApproval(STAT, "stat-kz/water-regulations.csv", "unusable-edit");
        ObjectNode edited = (ObjectNode) PassportJson.mapper().readTree(attachment(sent.request(), ".json"));
        ((ArrayNode) edited.path("attributes"))
                .add(edited.path("attributes").get(0).deepCopy());
        ClientMail reply = ClientMail.from(STAT_CONTACT)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Өзгерту қажет: бағанды қосыңыз.")
                .attachment(
                        List.of(
                                "Content-Type: application/json; name=\"passport.json\"",
                                "Content-Disposition: attachment; filename=\"passport.json\""),
                        PassportJson.mapper().writeValueAsBytes(edited));

        deliver(reply.bytes());
        Entry recorded = awaitReceived(reply.messageId());

        assertThat(recorded.note()).contains("passport.json adds, removes or reorders attributes");
        assertThat(passports.findByUnload(sent.passport().unloadId())).hasSize(1);
        assertThat(passports.find(sent.passport().id()).orElseThrow().status())
                .isEqualTo(PassportRecord.CHANGES_REQUESTED);
        assertThat(audit.forSubject("passport", sent.passport().id()))
                .anyMatch(e -> e.action().equals("edited-passport-not-used"));
    }

    private PassportRecord awaitVersion(PassportRecord sent, int version) {
        await().atMost(PATIENCE)
                .until(() -> passports.findByUnload(sent.unloadId()).stream().anyMatch(p -> p.version() == version));
        return passports.findByUnload(sent.unloadId()).stream()
                .filter(p -> p.version() == version)
                .findFirst()
                .orElseThrow();
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Optional<JsonNode> change(JsonNode revision, String path) {
        for (JsonNode change : revision.path("changes")) {
            if (change.path("path").asText().equals(path)) {
                return Optional.of(change);
            }
        }
        return Optional.empty();
    }

    /** Writes a parameter as RFC 2231 segments of about a third of the name each, as Outlook does. */
    private static String rfc2231(String parameter, String value) {
        int third = value.length() / 3;
        List<String> parts =
                List.of(value.substring(0, third), value.substring(third, 2 * third), value.substring(2 * third));
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String encoded =
                    URLEncoder.encode(parts.get(i), StandardCharsets.UTF_8).replace("+", "%20");
            header.append("\r\n ")
                    .append(parameter)
                    .append('*')
                    .append(i)
                    .append("*=")
                    .append(i == 0 ? "UTF-8''" : "")
                    .append(encoded)
                    .append(i < parts.size() - 1 ? ";" : "");
        }
        return header.toString();
    }

    private static List<String> xlsxHeaders(String fileName) {
        return List.of(
                "Content-Type: " + XLSX + "; name=\"" + fileName + "\"",
                "Content-Disposition: attachment; filename=\"" + fileName + "\"");
    }

    /** The attached XLSX form with the full name and, when given, one attribute's name changed. */
    private static byte[] editedForm(byte[] form, String fullName, String technicalName, String attributeName)
            throws Exception {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(form));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet general = workbook.getSheetAt(0);
            String language = fullName.matches(".*[әғқңөұүһі].*") ? "kk" : "ru";
            for (Row row : general) {
                if (row.getCell(0) != null
                        && row.getCell(0).getStringCellValue().equals("general.fullName." + language)) {
                    row.getCell(2).setCellValue(fullName);
                }
            }
            if (technicalName != null) {
                for (Row row : workbook.getSheetAt(1)) {
                    if (row.getCell(1) != null && row.getCell(1).toString().equals(technicalName)) {
                        row.getCell(3).setCellValue(attributeName);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A Word document as an agency gets from converting the passport PDF: the labelled full name
     * with its value in the next paragraph, and the attribute table with Russian headings.
     */
    private static byte[] convertedDocument(JsonNode passport, String fullName, String secondAttributeName)
            throws Exception {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("1 ОБЩАЯ ЧАСТЬ");
            document.createParagraph().createRun().setText("1.1.1 Полное наименование:");
            document.createParagraph().createRun().setText(fullName);
            document.createParagraph().createRun().setText("2.1 Перечень атрибутов и их основные свойства");
            JsonNode attributes = passport.path("attributes");
            XWPFTable table = document.createTable(attributes.size() + 1, 6);
            List<String> headers = List.of(
                    "№ п/п",
                    "Технологическое наименование атрибута",
                    "Наименование",
                    "Групповой атрибут",
                    "Тип",
                    "Обязательность");
            for (int c = 0; c < headers.size(); c++) {
                table.getRow(0).getCell(c).setText(headers.get(c));
            }
            for (int r = 0; r < attributes.size(); r++) {
                JsonNode attribute = attributes.get(r);
                String name =
                        r == 1 ? secondAttributeName : attribute.at("/name/ru").asText("—");
                table.getRow(r + 1).getCell(0).setText((r + 1) + ".");
                table.getRow(r + 1)
                        .getCell(1)
                        .setText(attribute.path("technicalName").asText());
                table.getRow(r + 1).getCell(2).setText(name);
                table.getRow(r + 1).getCell(3).setText(attribute.path("group").asBoolean() ? "Да" : "Нет");
                table.getRow(r + 1).getCell(4).setText("");
                table.getRow(r + 1)
                        .getCell(5)
                        .setText(attribute.path("required").asBoolean() ? "Обязательный" : "Необязательный");
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] attachment(MimeMessage message, String extension) throws Exception {
        return part(message, extension).getInputStream().readAllBytes();
    }

    private static String fileNameOf(MimeMessage message, String extension) throws Exception {
        return MimeUtility.decodeText(part(message, extension).getFileName());
    }

    private static Part part(MimeMessage message, String extension) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (part.getFileName() != null
                    && MimeUtility.decodeText(part.getFileName()).endsWith(extension)) {
                return part;
            }
        }
        throw new AssertionError("the request has no " + extension + " attachment");
    }
}
