package kz.opendata.hub.hostile;

import static kz.opendata.hub.hostile.HostileFiles.EMAIL;
import static kz.opendata.hub.hostile.HostileFiles.PERSON;
import static kz.opendata.hub.hostile.HostileFiles.PHONE;
import static kz.opendata.hub.hostile.HostileFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kz.opendata.hub.HubApplication;
import kz.opendata.hub.mail.EmbeddedMailServer;
import kz.opendata.hub.production.HubProcess;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Malformed and malicious files dropped through the real intake. Each must end where the table
 * puts it: in quarantine with a reason naming the file, in the archive after analysis, or left alone
 * in the drop folder. The hub must stay up, and no planted restricted value may reach a reason
 * file, the database's passports and reports, an e-mail or a log line.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTest {

    private static final Path DATA = Path.of("target", "hostile", "data").toAbsolutePath();
    private static final String AGENCY = "stat-bureau";
    private static final int SMTP_PORT = HubProcess.freePort();
    private static final int IMAP_PORT = HubProcess.freePort();

    enum Outcome {
        QUARANTINED,
        ARCHIVED,
        LEFT_IN_DROP
    }

    /**
     * One hostile file.
     *
     * @param reasonPart text the quarantine reason must contain besides the file's tag, such as the
     *     place worked out by hand from the content; null to check only the tag
     */
    record Case(String name, byte[] content, Outcome expected, String reasonPart) {

        Case(String name, byte[] content, Outcome expected) {
            this(name, content, expected, null);
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedMailServer mailServer;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) throws IOException {
        deleteTree(DATA.getParent());
        registry.add("hub.data-dir", DATA::toString);
        registry.add("hub.mail.smtp.port", () -> SMTP_PORT);
        registry.add("hub.mail.imap.port", () -> IMAP_PORT);
        registry.add("hub.intake.poll-delay-ms", () -> 200);
        registry.add("hub.intake.stable-for-ms", () -> 300);
        registry.add("hub.intake.read-lock-timeout-ms", () -> 3000);
    }

    /**
     * Every hostile case. A CSV named .xlsx is read by its content, so it is analysed; control
     * characters, undecodable bytes, documents that are not tables and files past the read limits
     * are quarantined. The expected places in the reasons are counted from the contents: h07's
     * second line starts after the 11 bytes of "name,notes\n", and h09's third line starts at
     * byte 27, after "region,name\n" (12 bytes) and "1,Алматы\n" (15 bytes in UTF-8), so its first
     * Windows-1251 byte is at offset 29.
     */
    static List<Case> cases() throws IOException {
        return List.of(
                new Case(
                        "h01-external-entity.xml",
                        HostileFiles.externalEntityXml(),
                        Outcome.QUARANTINED,
                        "(<!DOCTYPE>) on line 2"),
                new Case("h02-billion-laughs.xml", HostileFiles.billionLaughsXml(), Outcome.QUARANTINED),
                new Case(
                        "h03-zip-slip.zip",
                        HostileFiles.zip("../../../h03-escaped.csv", utf8("a,b\n1,2\n")),
                        Outcome.QUARANTINED),
                new Case("h04-zip-bomb.zip", HostileFiles.zipBomb(), Outcome.QUARANTINED),
                new Case("h05-gzip-bomb.csv.gz", HostileFiles.gzipBomb(), Outcome.QUARANTINED),
                new Case(
                        "h06-unclosed-quote.csv",
                        utf8(HostileFiles.personRows(3) + "District 9,\"never closed,x,y\nDistrict 10,a,b,c\n"),
                        Outcome.QUARANTINED),
                new Case(
                        "h07-huge-cell.csv",
                        HostileFiles.hugeCell(),
                        Outcome.QUARANTINED,
                        "line 2 (from byte offset 11) runs past 4194304 bytes"),
                new Case("h08-nul-bytes.csv", HostileFiles.nulBytes(), Outcome.QUARANTINED),
                new Case(
                        "h09-mixed-encodings.csv",
                        HostileFiles.mixedEncodings(),
                        Outcome.QUARANTINED,
                        "line 3 is not valid UTF-8 (first invalid byte at offset 29)"),
                new Case("h10-csv-named.xlsx", utf8("region,schools\n1,2\n3,4\n"), Outcome.ARCHIVED),
                new Case("h11-external-link.xlsx", HostileFiles.xlsxWithExternalLink(), Outcome.ARCHIVED),
                new Case("h12-formula-injection.csv", HostileFiles.formulaInjection(), Outcome.ARCHIVED),
                new Case("h13-..%2f..%2fescape.csv", utf8("region,schools\n1,2\n3,5\n"), Outcome.ARCHIVED),
                new Case("h14-new\nline.csv", utf8("region,schools\n1,2\n3,6\n"), Outcome.ARCHIVED),
                new Case("h15-empty.csv", new byte[0], Outcome.QUARANTINED),
                new Case(
                        "h16-header-only.csv",
                        utf8("region,schools\n"),
                        Outcome.QUARANTINED,
                        "the header on line 1 has 2 columns, but no data rows follow it"),
                new Case("h17-binary.csv", HostileFiles.pseudoRandom(8192), Outcome.QUARANTINED),
                new Case(
                        "h18-ragged.csv",
                        utf8("a,b,c\n1,2\n3,4,5,6,7\n8\n"),
                        Outcome.QUARANTINED,
                        "none of the 3 data rows has the header's 3 fields (first on line 2: 2 fields)"),
                new Case(
                        "h19-pdf-named.csv",
                        utf8("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"),
                        Outcome.QUARANTINED,
                        "this is a PDF document"),
                new Case("h20-deep.json", HostileFiles.deepJson(), Outcome.QUARANTINED, "line 1"),
                new Case(
                        "h21-html-named.xls",
                        utf8("<html><body><table><tr><td>1</td></tr></table></body></html>"),
                        Outcome.QUARANTINED,
                        "this is an HTML web page"),
                new Case("h22-garbage.xls", HostileFiles.pseudoRandom(4096), Outcome.QUARANTINED),
                new Case("h23-bom-only.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Outcome.QUARANTINED),
                new Case(
                        "h24-long-line.csv",
                        HostileFiles.longLineWithoutNewline(),
                        Outcome.QUARANTINED,
                        "the record starting on line 1 has more than 16384 fields"),
                new Case("h25-many-columns.csv", HostileFiles.manyColumns(), Outcome.ARCHIVED),
                new Case("h26-program.exe", HostileFiles.pseudoRandom(2048), Outcome.QUARANTINED),
                new Case("h27-persons.csv", utf8(HostileFiles.personRows(12)), Outcome.ARCHIVED),
                new Case(
                        "h28-terminal-escapes.csv",
                        utf8("name,count\n\u001b[31mred\u001b[0m,1\n\u001b]0;title\u0007,2\nplain,3\n"),
                        Outcome.QUARANTINED),
                new Case("h29-utf16.csv", utf16("region,schools\n1,2\n3,7\n4,8\n"), Outcome.ARCHIVED),
                new Case(".h30-hidden.csv", utf8("region,schools\n1,2\n"), Outcome.LEFT_IN_DROP),
                new Case("h31-copy-in-progress.csv.part", utf8("region,schools\n1,2\n"), Outcome.LEFT_IN_DROP));
    }

    @Test
    void hostileFilesEndWhereTheyMust(CapturedOutput output) throws Exception {
        dropAndCheck(cases(), output);
    }

    private void dropAndCheck(List<Case> cases, CapturedOutput output) throws Exception {
        Path drop = Files.createDirectories(DATA.resolve("drop").resolve(AGENCY));
        // The test JVM also keeps the other test classes' cached contexts, so only growth counts.
        long heapBefore = usedHeapAfterGc();

        for (Case hostile : cases) {
            dropFile(drop, hostile);
        }

        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> cases.stream()
                        .allMatch(c -> c.expected() == Outcome.LEFT_IN_DROP
                                || outcome(c).isPresent()));
        List<String> wrong = new ArrayList<>();
        for (Case hostile : cases) {
            Outcome actual = outcome(hostile).orElse(Outcome.LEFT_IN_DROP);
            if (actual != hostile.expected()) {
                wrong.add(tag(hostile) + " expected " + hostile.expected() + " but " + actual);
            }
        }
        assertThat(wrong).as("files that ended in the wrong place").isEmpty();
        for (Path reason : files(DATA.resolve("quarantine"), ".reason.txt")) {
            String text = Files.readString(reason, StandardCharsets.UTF_8);
            String tag = reason.getFileName().toString().replaceAll("^.*?(h\\d\\d).*$", "$1");
            assertThat(text)
                    .as("reason %s names its file", reason.getFileName())
                    .contains(tag);
        }
        for (Case hostile : cases) {
            if (hostile.reasonPart() != null) {
                assertThat(reasonOf(hostile)).as("reason for %s", tag(hostile)).contains(hostile.reasonPart());
            }
        }
        assertThat(files(Path.of("target"), "h03-escaped.csv"))
                .as("ZIP entry written outside its folder")
                .isEmpty();
        assertNothingLeaks(output);
        assertHubStillWorks(heapBefore);
    }

    private void assertNothingLeaks(CapturedOutput output) throws Exception {
        List<String> places = new ArrayList<>();
        for (Path reason : files(DATA.resolve("quarantine"), ".reason.txt")) {
            places.add(Files.readString(reason, StandardCharsets.UTF_8));
        }
        places.addAll(jdbc.sql("SELECT COALESCE(failure_reason, '') || COALESCE(report_json, '') FROM unload")
                .query(String.class)
                .list());
        places.addAll(jdbc.sql("SELECT passport_json || datapackage_json FROM passport")
                .query(String.class)
                .list());
        for (MimeMessage message : mailServer.greenMail().getReceivedMessages()) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            places.add(raw.toString(StandardCharsets.UTF_8));
        }
        places.add(output.getAll());
        for (String place : places) {
            assertThat(place).doesNotContain(PERSON).doesNotContain(PHONE).doesNotContain(EMAIL);
        }
    }

    private void assertHubStillWorks(long heapBefore) throws IOException {
        Path drop = DATA.resolve("drop").resolve(AGENCY);
        dropFile(drop, new Case("h99-after.csv", utf8("region,schools\n1,2\n3,99\n"), Outcome.ARCHIVED));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM unload WHERE file_name = 'h99-after.csv'"
                                        + " AND status = 'analysed'")
                                .query(Long.class)
                                .single()
                        == 1);
        // The bombs inflate to 200 MB each, so a hub that kept them in memory would grow past this.
        assertThat(usedHeapAfterGc() - heapBefore).isLessThan(400L << 20);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static Optional<Outcome> outcome(Case hostile) {
        String tag = tag(hostile);
        if (!files(DATA.resolve("quarantine"), tag).isEmpty()) {
            return Optional.of(Outcome.QUARANTINED);
        }
        if (!files(DATA.resolve("archive"), tag).isEmpty()) {
            return Optional.of(Outcome.ARCHIVED);
        }
        return Optional.empty();
    }

    private static String reasonOf(Case hostile) throws IOException {
        List<Path> reasons = files(DATA.resolve("quarantine"), tag(hostile)).stream()
                .filter(path -> path.getFileName().toString().endsWith(".reason.txt"))
                .toList();
        assertThat(reasons).as("reason files of %s", tag(hostile)).hasSize(1);
        return Files.readString(reasons.get(0), StandardCharsets.UTF_8);
    }

    private static String tag(Case hostile) {
        return hostile.name().replaceAll("^\\.?(h\\d\\d).*$", "$1");
    }

    private static List<Path> files(Path root, String nameContains) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().contains(nameContains))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropFile(Path folder, Case hostile) throws IOException {
        Path partial = folder.resolve("incoming-" + tag(hostile) + ".tmp");
        Files.write(partial, hostile.content());
        Files.move(partial, folder.resolve(hostile.name()), StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
