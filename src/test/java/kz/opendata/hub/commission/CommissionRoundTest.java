package kz.opendata.hub.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.opendata.hub.approval.ClientMail;
import kz.opendata.hub.approval.HubMailTest;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.Entry;
import kz.opendata.hub.store.PassportRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The commission round end to end: the package, the recommendations and the agency's answers. */
class CommissionRoundTest extends HubMailTest {

    @Test
    void packageIsRenderedAndReadBackWithoutValues() throws Exception {
        Sent hospices = sendForApproval(HEALTH, "mos/hospices.csv", "package-hospices");
        Sent population = sendForApproval(STAT, "stat-kz/population-by-region.csv", "package-population");
        List<String> heads = column("mos/hospices.csv", 4);
        List<String> phones = column("mos/hospices.csv", 5);

        JsonNode pack = createPackage(
                "Заседание комиссии № 1",
                hospices.passport().id(),
                population.passport().id());

        MimeMessage letter = awaitMessage(pack.path("messageId").asText());
        assertThat(addresses(letter, Message.RecipientType.TO)).containsExactly(AUTHORIZED_BODY);
        assertThat(addresses(letter, Message.RecipientType.CC)).containsExactly(ACCESS_BODY);
        Map<String, byte[]> attachments = attachments(letter);
        long id = pack.path("id").asLong();
        byte[] pdf = attachments.get("commission-package-" + id + ".pdf");
        byte[] xlsx = attachments.get("commission-package-" + id + ".xlsx");
        assertThat(rest.getForObject("/api/commission/packages/" + id + "/package.pdf", byte[].class))
                .isEqualTo(pdf);
        assertThat(rest.getForObject("/api/commission/packages/" + id + "/package.xlsx", byte[].class))
                .isEqualTo(xlsx);

        String text = pdfText(pdf);
        assertThat(text)
                .contains("Заседание комиссии № 1")
                .contains(hospices.passport().datasetName())
                .contains(population.passport().datasetName())
                .contains("Городское управление здравоохранения")
                .contains("hospices.csv: Руководитель");
        assertThat(text).doesNotContain(heads).doesNotContain(phones);

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(5);
            Map<String, String> totals = twoColumns(workbook.getSheetAt(0));
            assertThat(totals).containsEntry("Выгрузки", "2").containsEntry("Проекты паспортов", "2");
            Map<String, String> rows = new LinkedHashMap<>();
            for (Row row : workbook.getSheetAt(2)) {
                rows.put(cell(row, 2), cell(row, 4));
            }
            assertThat(rows)
                    .containsEntry("hospices.csv", String.valueOf(dataLines("mos/hospices.csv")))
                    .containsEntry(
                            "population-by-region.csv", String.valueOf(dataLines("stat-kz/population-by-region.csv")));
            List<String> datasets = new ArrayList<>();
            workbook.getSheetAt(3).forEach(row -> datasets.add(cell(row, 2)));
            assertThat(datasets)
                    .containsExactly(
                            "Набор данных",
                            hospices.passport().datasetName(),
                            population.passport().datasetName());
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    row.forEach(c -> assertThat(heads).doesNotContain(new DataFormatter().formatCellValue(c)));
                }
            }
        }
    }

    @Test
    void answersForwardedThenApprovalOnClose() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/magistrate-courts.csv", "recommendation-round");
        long id = sent.passport().id();
        JsonNode pack = createPackage("Заседание комиссии № 2", id);
        ClientMail early = reply(HEALTH_CONTACT, sent.requestId(), "Согласовано.");
        deliver(early.bytes());
        assertThat(awaitReceived(early.messageId()).note()).contains("held until the commission round ends");
        String first = "Переименовать столбец «Судья» в «Мировой судья».";
        String second = "Добавить столбец с телефоном канцелярии.";

        ResponseEntity<JsonNode> recorded = rest.postForEntity(
                "/api/passports/" + id + "/recommendations",
                Map.of("body", "authorized", "author", "Член комиссии", "recommendations", List.of(first, second)),
                JsonNode.class);

        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        MimeMessage letter =
                awaitMessage(awaitOutgoing(id, "recommendations").get(0).messageId());
        assertThat(letter.getHeader("In-Reply-To", null)).isEqualTo(sent.requestId());
        assertThat(MimeUtility.decodeText(MimeUtility.unfold(letter.getHeader("Subject", null))))
                .startsWith("[ODH-" + sent.token() + "] ");
        assertThat(bodyText(letter)).contains("1. " + first).contains("2. Добавить столбец с телефоном");
        String reason1 = "так как наименование столбца взято из информационной системы.";
        String reason2 = "телефоны канцелярий публикуются на сайте судов.";
        ClientMail answers = reply(
                HEALTH_CONTACT,
                letter.getMessageID(),
                "1. Не принимается, " + reason1 + "\n2. Не принимается: " + reason2);
        deliver(answers.bytes());
        assertThat(awaitReceived(answers.messageId()).kind()).isEqualTo("recommendation-answers");

        JsonNode stored = rest.getForObject("/api/passports/" + id + "/recommendations", JsonNode.class);
        assertThat(stored.get(0).path("answer").asText()).isEqualTo("rejected");
        assertThat(stored.get(0).path("answerReason").asText()).isEqualTo(reason1);
        assertThat(stored.get(1).path("answerReason").asText()).isEqualTo(reason2);
        assertThat(stored.get(0).path("answerMessageId").asText()).isEqualTo(answers.messageId());
        MimeMessage forward =
                awaitMessage(awaitOutgoing(id, "recommendation-answers").get(0).messageId());
        assertThat(addresses(forward, Message.RecipientType.TO)).containsExactly(AUTHORIZED_BODY);
        assertThat(addresses(forward, Message.RecipientType.CC)).containsExactly(ACCESS_BODY);
        assertThat(forward.getHeader("In-Reply-To", null))
                .isEqualTo(pack.path("messageId").asText());
        assertThat(bodyText(forward).replaceAll("\\s+", " ")).contains(reason1).contains(reason2);
        assertThat(passports.find(id).orElseThrow().status()).isEqualTo(PassportRecord.SENT);

        rest.postForEntity("/api/commission/packages/" + pack.path("id").asLong() + "/close", null, JsonNode.class);

        assertThat(passports.find(id).orElseThrow().status()).isEqualTo(PassportRecord.APPROVED);
        assertThat(audit.forSubject("passport", id))
                .anyMatch(e ->
                        e.action().equals("passport-approved") && e.evidence().contains(early.messageId()));
    }

    @Test
    void bodyRecommendationAcceptedByAgencyRequestsChanges() throws Exception {
        Sent sent = sendForApproval(STAT, "stat-kz/water-regulations.csv", "body-recommendation");
        long id = sent.passport().id();
        JsonNode pack = createPackage("Заседание комиссии № 3", id);
        awaitMessage(pack.path("messageId").asText());
        String text = "Дополнить описание набора перечнем речных бассейнов.";
        ClientMail fromBody = reply(AUTHORIZED_BODY, pack.path("messageId").asText(), "Паспорт " + id + "\n1. " + text);

        deliver(fromBody.bytes());

        assertThat(awaitReceived(fromBody.messageId()).kind()).isEqualTo("recommendations");
        JsonNode stored = rest.getForObject("/api/passports/" + id + "/recommendations", JsonNode.class);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("text").asText()).isEqualTo(text);
        assertThat(stored.get(0).path("body").asText()).isEqualTo("authorized");
        assertThat(stored.get(0).path("sourceMessageId").asText()).isEqualTo(fromBody.messageId());
        MimeMessage letter =
                awaitMessage(awaitOutgoing(id, "recommendations").get(0).messageId());
        ClientMail accepted = reply(STAT_CONTACT, letter.getMessageID(), "1. Қабылданды: сипаттама толықтырылады.");
        deliver(accepted.bytes());

        awaitStatus(id, PassportRecord.CHANGES_REQUESTED);
        assertThat(audit.forSubject("passport", id)).anyMatch(e -> e.action().equals("passport-changes-requested"));
        awaitMessage(awaitOutgoing(id, "recommendation-answers").get(0).messageId());
    }

    @Test
    void rejectionWithoutReasonWaitsForReason() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/kindergartens.csv", "unreasoned-rejection");
        long id = sent.passport().id();
        ResponseEntity<JsonNode> recorded = rest.postForEntity(
                "/api/passports/" + id + "/recommendations",
                Map.of("body", "access", "recommendations", List.of("Убрать столбец с координатами.")),
                JsonNode.class);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        MimeMessage letter =
                awaitMessage(awaitOutgoing(id, "recommendations").get(0).messageId());

        ClientMail bare = reply(HEALTH_CONTACT, letter.getMessageID(), "1. Не принимается.");
        deliver(bare.bytes());
        assertThat(awaitReceived(bare.messageId()).note()).contains("rejected without a reason");
        assertThat(outgoing(id, "recommendation-answers")).isEmpty();
        ClientMail reasoned =
                reply(HEALTH_CONTACT, letter.getMessageID(), "1. Не принимается, так как координаты нужны для карты.");
        deliver(reasoned.bytes());

        awaitReceived(reasoned.messageId());
        assertThat(outgoing(id, "recommendation-answers")).hasSize(1);
        JsonNode stored = rest.getForObject("/api/passports/" + id + "/recommendations", JsonNode.class);
        assertThat(stored.get(0).path("answerReason").asText()).isEqualTo("так как координаты нужны для карты.");
    }

    @Test
    void packageByAgencyCoversItsRecentUnloads() throws Exception {
        OffsetDateTime from = OffsetDateTime.now().minusSeconds(1);
        Sent sent = sendForApproval(STAT, "stat-kz/employment-applicants.csv", "package-by-agency");

        ResponseEntity<JsonNode> created = rest.postForEntity(
                "/api/commission/packages",
                Map.of("agencyCodes", List.of(STAT), "receivedFrom", from.toString()),
                JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode summary = created.getBody().path("summary");
        assertThat(summary.path("totals").path("unloads").asInt()).isEqualTo(1);
        assertThat(summary.path("totals").path("passports").asInt()).isEqualTo(1);
        assertThat(summary.path("unloads").get(0).path("fileName").asText()).isEqualTo("employment-applicants.csv");
        assertThat(created.getBody().path("passportIds").get(0).asLong())
                .isEqualTo(sent.passport().id());
    }

    @Test
    void packageWithoutSelectionIsBadRequest() {
        ResponseEntity<String> response =
                rest.postForEntity("/api/commission/packages", Map.of("title", "Пустой пакет"), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("either passportIds or agencyCodes");
    }

    @Test
    void recommendationOnUnsentDraftIsRefused() throws Exception {
        PassportRecord draft = draft(STAT, "stat-kz/water-regulations.csv", "unsent-draft");

        ResponseEntity<String> response = rest.postForEntity(
                "/api/passports/" + draft.id() + "/recommendations",
                Map.of("body", "authorized", "recommendations", List.of("Уточнить наименование.")),
                String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).contains("was not sent to the agency yet");
    }

    @Test
    void approvalOfResentDraftAppliesOnClose() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/registry-offices.csv", "settled-by-resend");
        long id = sent.passport().id();
        JsonNode pack = createPackage("Заседание комиссии № 4", id);
        rest.postForEntity(
                "/api/passports/" + id + "/recommendations",
                Map.of("body", "access", "recommendations", List.of("Указать в описании часы приёма.")),
                JsonNode.class);
        MimeMessage letter =
                awaitMessage(awaitOutgoing(id, "recommendations").get(0).messageId());
        ClientMail accepted = reply(HEALTH_CONTACT, letter.getMessageID(), "Принимается, часы приёма будут указаны.");
        deliver(accepted.bytes());
        awaitStatus(id, PassportRecord.CHANGES_REQUESTED);

        rest.postForEntity("/api/passports/" + id + "/send", null, JsonNode.class);
        sendDraft(id);
        MimeMessage resent = awaitMessage(awaitOutgoing(id, "resend").get(0).messageId());
        ClientMail approval = reply(HEALTH_CONTACT, resent.getMessageID(), "Согласовано.");
        deliver(approval.bytes());
        assertThat(awaitReceived(approval.messageId()).note()).contains("held until the commission round ends");
        rest.postForEntity("/api/commission/packages/" + pack.path("id").asLong() + "/close", null, JsonNode.class);

        assertThat(passports.find(id).orElseThrow().status()).isEqualTo(PassportRecord.APPROVED);
        assertThat(audit.forSubject("passport", id))
                .anyMatch(e ->
                        e.action().equals("passport-approved") && e.evidence().contains(approval.messageId()));
    }

    private JsonNode createPackage(String title, Long... passportIds) {
        ResponseEntity<JsonNode> created = rest.postForEntity(
                "/api/commission/packages",
                Map.of("title", title, "passportIds", List.of(passportIds)),
                JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    private static ClientMail reply(String from, String inReplyTo, String text) {
        return ClientMail.from(from)
                .subject("RE: ответ", StandardCharsets.UTF_8)
                .replyTo(inReplyTo)
                .text(text);
    }

    /** Waits for an outgoing message of this kind about the passport, and returns all of them. */
    private List<Entry> awaitOutgoing(long passportId, String kind) {
        await().atMost(PATIENCE).until(() -> !outgoing(passportId, kind).isEmpty());
        return outgoing(passportId, kind);
    }

    private List<Entry> outgoing(long passportId, String kind) {
        return messages.entries(passportId).stream()
                .filter(e -> ApprovalMessageRepository.OUT.equals(e.direction()) && kind.equals(e.kind()))
                .toList();
    }

    private static List<String> addresses(MimeMessage message, Message.RecipientType type) throws Exception {
        List<String> addresses = new ArrayList<>();
        if (message.getRecipients(type) != null) {
            for (var address : message.getRecipients(type)) {
                addresses.add(((InternetAddress) address).getAddress());
            }
        }
        return addresses;
    }

    private static Map<String, byte[]> attachments(MimeMessage message) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (part.getFileName() != null) {
                files.put(
                        MimeUtility.decodeText(part.getFileName()),
                        part.getInputStream().readAllBytes());
            }
        }
        return files;
    }

    private static String bodyText(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        return (String) multipart.getBodyPart(0).getContent();
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static Map<String, String> twoColumns(Sheet sheet) {
        Map<String, String> values = new LinkedHashMap<>();
        sheet.forEach(row -> values.put(cell(row, 0), cell(row, 1)));
        return values;
    }

    private static String cell(Row row, int column) {
        return row.getCell(column) == null ? "" : new DataFormatter().formatCellValue(row.getCell(column));
    }

    /** Values of one tab-separated column of a corpus file, header row skipped. */
    private static List<String> column(String corpusFile, int index) throws Exception {
        return Files.readAllLines(CORPUS.resolve(corpusFile), StandardCharsets.UTF_8).stream()
                .skip(1)
                .map(line -> line.split("\t", -1)[index].trim())
                .filter(value -> !value.isEmpty())
                .toList();
    }

    /** Lines after the header that hold data, counted without the hub's reader. */
    private static long dataLines(String corpusFile) throws Exception {
        return Files.readAllLines(CORPUS.resolve(corpusFile), StandardCharsets.UTF_8).stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .count();
    }
}
