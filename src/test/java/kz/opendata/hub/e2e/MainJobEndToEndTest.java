package kz.opendata.hub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import kz.opendata.hub.mail.EmbeddedMailServer;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main job on real agency files: a drop becomes an analysed unload and a drafted passport
 * e-mailed for approval; the agency's reply decides; an approved set is published without its
 * restricted columns.
 */
class MainJobEndToEndTest extends EndToEndTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String HEALTH_CONTACT = "opendata@city-health.example.kz";
    private static final String STAT_CONTACT = "opendata@stat-bureau.example.kz";

    @Autowired
    UnloadRepository unloads;

    @Autowired
    PassportRepository passports;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    ObjectMapper json;

    @Test
    void approvedDirectoryIsPublishedWithoutPersonalData() throws Exception {
        // The heads of the hospices, column 5 of the file, read here without the hub's reader.
        List<String> headsOfHospices = column(SAMPLES.resolve("hospices.csv"), 4);

        drop("city-health", "hospices.csv", "hospices.csv");

        MimeMessage request = awaitMessageTo(HEALTH_CONTACT, "hospices");
        PassportRecord sent = passportOfUnloadNamed("hospices.csv");
        assertThat(sent.status()).isEqualTo(PassportRecord.SENT);
        assertThat(decodedSubject(request)).contains(sent.replyToken());
        List<String> attachments = attachmentNames(request);
        assertThat(attachments).anyMatch(name -> name.endsWith(".json"));
        assertThat(attachments).anyMatch(name -> name.endsWith(".pdf") || name.endsWith(".html"));
        assertThat(sent.passportJson()).doesNotContain(headsOfHospices);

        reply(request, HEALTH_CONTACT, "Согласовано.\r\n\r\nС уважением,\r\nОтдел открытых данных");

        PassportRecord published = awaitStatus(sent.id(), PassportRecord.PUBLISHED);
        Path folder = DATA.resolve("published").resolve(published.datasetName());
        String csv = Files.readString(folder.resolve("data.csv"), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(1 + 8);
        assertThat(csv).doesNotContain(headsOfHospices);
        for (JsonNode column :
                json.readTree(unloadNamed("hospices.csv").reportJson()).path("columns")) {
            if (!column.path("restricted").isNull()
                    && "restricted"
                            .equals(column.path("restricted").path("severity").asText())) {
                assertThat(lines.get(0).split(","))
                        .doesNotContain(column.path("technicalName").asText());
            }
        }
        JsonNode datapackage = json.readTree(folder.resolve("datapackage.json").toFile());
        assertThat(datapackage
                        .path("resources")
                        .get(0)
                        .path("schema")
                        .path("fields")
                        .size())
                .isEqualTo(lines.get(0).split(",").length);
        assertThat(folder.resolve("passport.json")).exists();
    }

    @Test
    void rejectionQuotingTheRequestIsRecordedAsRejection() throws Exception {
        drop("city-health", "magistrate-courts.csv", "magistrate-courts.csv");
        MimeMessage request = awaitMessageTo(HEALTH_CONTACT, "magistrate");
        PassportRecord sent = passportOfUnloadNamed("magistrate-courts.csv");

        // The quoted original below the reply tells how to approve; only the reply's own text counts.
        String quoted = request.getContent() instanceof Multipart multipart ? firstText(multipart) : "";
        String body = "Не согласовано, прошу убрать адреса судебных участков.\r\n\r\n"
                + "-----Original Message-----\r\n" + "> Согласовано\r\n> "
                + quoted.replace("\n", "\n> ");
        reply(request, HEALTH_CONTACT, body);

        PassportRecord rejected = awaitStatus(sent.id(), PassportRecord.REJECTED);
        assertThat(rejected.publishedAt()).isNull();
        assertThat(DATA.resolve("published").resolve(rejected.datasetName())).doesNotExist();
    }

    @Test
    void publishesFormulaCellsDefused() throws Exception {
        String unload = "region,link,note\n"
                + "1,\"=HYPERLINK(\"\"http://attacker.example/\"\",\"\"click\"\")\",ok\n"
                + "2,+cmd|' /C calc'!A0,ok\n"
                + "3,-2+3,ok\n"
                + "4,@SUM(1+1),ok\n"
                + "5,-12.5,ok\n";
        dropBytes("stat-bureau", "formula-cells.csv", unload.getBytes(StandardCharsets.UTF_8));

        MimeMessage request = awaitMessageTo(STAT_CONTACT, "formula");
        PassportRecord sent = passportOfUnloadNamed("formula-cells.csv");
        reply(request, STAT_CONTACT, "Келісілді.");

        PassportRecord published = awaitStatus(sent.id(), PassportRecord.PUBLISHED);
        Path folder = DATA.resolve("published").resolve(published.datasetName());
        List<String> lines = Files.readAllLines(folder.resolve("data.csv"), StandardCharsets.UTF_8);
        // A spreadsheet runs a cell that starts with =, +, - or @, so each gets an apostrophe.
        // A signed plain number is not a formula and stays as it is.
        assertThat(lines).hasSize(6);
        assertThat(lines.get(1)).isEqualTo("1,\"'=HYPERLINK(\"\"http://attacker.example/\"\",\"\"click\"\")\",ok");
        assertThat(lines.get(2)).isEqualTo("2,'+cmd|' /C calc'!A0,ok");
        assertThat(lines.get(3)).isEqualTo("3,'-2+3,ok");
        assertThat(lines.get(4)).isEqualTo("4,'@SUM(1+1),ok");
        assertThat(lines.get(5)).isEqualTo("5,-12.5,ok");
    }

    @Test
    void quarantinesBadFilesThenContinues() throws Exception {
        dropBytes("stat-bureau", "empty.csv", new byte[0]);
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31 + 7);
        }
        dropBytes("stat-bureau", "picture.csv", binary);
        dropBytes("stat-bureau", "no-table.xlsx", SpreadsheetSamples.workbookWithOnlyATitle());
        drop("stat-bureau", "population-by-region.csv", "population-by-region.csv");

        await().atMost(PATIENCE)
                .until(() -> unloadNamed("population-by-region.csv") != null
                        && UnloadRecord.ANALYSED.equals(
                                unloadNamed("population-by-region.csv").status()));
        Path quarantine = DATA.resolve("quarantine").resolve("stat-bureau");
        await().atMost(PATIENCE).until(() -> reasonFiles(quarantine).size() == 3);
        for (Path reason : reasonFiles(quarantine)) {
            String text = Files.readString(reason, StandardCharsets.UTF_8);
            Path quarantined =
                    quarantine.resolve(reason.getFileName().toString().replace(".reason.txt", ""));
            // The reason is written before the file is moved, when intake of the file ends.
            await().atMost(PATIENCE).until(() -> Files.exists(quarantined));
            assertThat(text)
                    .as("reason for %s names the file", quarantined.getFileName())
                    .containsAnyOf("empty.csv", "picture.csv", "no-table.xlsx");
        }
        // The last file leaves the drop folder when its intake ends, after its row is written.
        await().atMost(PATIENCE).until(() -> {
            try (var left = Files.list(DATA.resolve("drop").resolve("stat-bureau"))) {
                return left.findAny().isEmpty();
            }
        });
    }

    private List<Path> reasonFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".reason.txt")).toList();
        }
    }

    private UnloadRecord unloadNamed(String fileName) {
        return unloads.latest(500).stream()
                .filter(u -> u.fileName().equals(fileName))
                .findFirst()
                .orElse(null);
    }

    private PassportRecord passportOfUnloadNamed(String fileName) {
        await().atMost(PATIENCE).until(() -> {
            UnloadRecord unload = unloadNamed(fileName);
            return unload != null
                    && passports.findByUnload(unload.id()).stream()
                            .anyMatch(p -> PassportRecord.SENT.equals(p.status()));
        });
        return passports.findByUnload(unloadNamed(fileName).id()).get(0);
    }

    private PassportRecord awaitStatus(long passportId, String status) {
        await().atMost(PATIENCE)
                .until(() ->
                        status.equals(passports.find(passportId).orElseThrow().status()));
        return passports.find(passportId).orElseThrow();
    }

    private MimeMessage awaitMessageTo(String address, String subjectOrAttachmentHint) {
        List<MimeMessage> found = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            found.clear();
            for (MimeMessage message : mailServer.greenMail().getReceivedMessages()) {
                boolean toContact = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
                if (toContact && mentions(message, subjectOrAttachmentHint)) {
                    found.add(message);
                }
            }
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private static boolean mentions(MimeMessage message, String hint) throws Exception {
        return attachmentNames(message).stream().anyMatch(name -> name.contains(hint))
                || decodedSubject(message).toLowerCase().contains(hint);
    }

    private void reply(MimeMessage request, String from, String text) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(SMTP_PORT));
        MimeMessage reply = new MimeMessage(Session.getInstance(props));
        reply.setFrom(new InternetAddress(from));
        reply.setRecipients(Message.RecipientType.TO, request.getFrom());
        reply.setSubject("RE: " + decodedSubject(request), "UTF-8");
        reply.setHeader("In-Reply-To", request.getMessageID());
        reply.setHeader("References", request.getMessageID());
        reply.setText(text, "UTF-8");
        Transport.send(reply);
    }

    private static String decodedSubject(MimeMessage message) throws Exception {
        return MimeUtility.decodeText(message.getHeader("Subject", null));
    }

    private static List<String> attachmentNames(MimeMessage message) throws Exception {
        List<String> names = new ArrayList<>();
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Part part = multipart.getBodyPart(i);
                if (part.getFileName() != null) {
                    names.add(MimeUtility.decodeText(part.getFileName()));
                }
            }
        }
        return names;
    }

    private static String firstText(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
        }
        return "";
    }

    /** Values of one tab-separated column, header row skipped. */
    private static List<String> column(Path file, int index) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .skip(1)
                .map(line -> line.split("\t", -1)[index].trim())
                .toList();
    }
}
