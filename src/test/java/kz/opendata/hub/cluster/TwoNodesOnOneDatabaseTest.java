package kz.opendata.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kz.opendata.hub.production.Databases;
import kz.opendata.hub.production.HubProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two hub processes on one PostgreSQL database and one shared data folder, as two machines of a
 * production cluster would run: every dropped file is taken by one node, and each Quartz tick
 * fires on one node.
 */
class TwoNodesOnOneDatabaseTest {

    private static final Path ROOT = Path.of("target", "two-nodes").toAbsolutePath();
    private static final Path DATA = ROOT.resolve("data");
    private static final String AGENCY = "stat-bureau";
    private static final int FILES = 200;
    private static final String MAIL_USER = "hub@opendata-hub.example.kz";
    private static final String MAIL_PASSWORD = "two-node-test-only";

    private static final List<HubProcess> nodes = new ArrayList<>();
    private static GreenMail mail;
    private static JdbcClient jdbc;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        deleteTree(ROOT);
        Files.createDirectories(DATA.resolve("drop").resolve(AGENCY));
        String url = Databases.newPostgresUrl();
        jdbc = JdbcClient.create(new DriverManagerDataSource(url, "postgres", "postgres"));
        int smtpPort = HubProcess.freePort();
        int imapPort = HubProcess.freePort();
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", "smtp"), new ServerSetup(imapPort, "127.0.0.1", "imap")
        });
        mail.setUser(MAIL_USER, MAIL_USER, MAIL_PASSWORD);
        mail.start();
        Path tickRoute = writeTickRoute();
        Map<String, String> environment = Map.of(
                "SPRING_DATASOURCE_URL",
                url,
                "SPRING_DATASOURCE_USERNAME",
                "postgres",
                "SPRING_DATASOURCE_PASSWORD",
                "postgres",
                "HUB_MAIL_PASSWORD",
                MAIL_PASSWORD);
        // Both nodes at once on the new database, so both can find the Quartz trigger of a poll
        // missing and both store it.
        for (String node : List.of("a", "b")) {
            nodes.add(HubProcess.start(
                    ROOT.resolve("node-" + node + ".log"),
                    "384m",
                    environment,
                    arguments(node, smtpPort, imapPort, tickRoute)));
        }
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .failFast(TwoNodesOnOneDatabaseTest::assertNodesAlive)
                .until(() -> nodes.stream().allMatch(started -> started.hasStarted() && started.answersHealth()));
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        for (HubProcess node : nodes) {
            node.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void eachDroppedFileIsAnalysedOnceAcrossNodes() throws IOException {
        for (int i = 0; i < FILES; i++) {
            drop("region-" + i + ".csv", csv(i));
        }

        Path archive = DATA.resolve("archive").resolve(AGENCY);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .failFast(TwoNodesOnOneDatabaseTest::assertNodesAlive)
                .until(() ->
                        count(archive) == FILES && count(DATA.resolve("drop").resolve(AGENCY)) == 0);
        assertThat(single("SELECT COUNT(*) FROM unload")).isEqualTo(FILES);
        assertThat(single("SELECT COUNT(DISTINCT file_name) FROM unload")).isEqualTo(FILES);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> single("SELECT COUNT(*) FROM audit_event WHERE action = 'unload-analysed'") == FILES);
        assertThat(single("SELECT COUNT(*) FROM audit_event WHERE action = 'unload-received'"))
                .isEqualTo(FILES);
        assertThat(single("SELECT COUNT(*) FROM audit_event WHERE action = 'unload-repeated'"))
                .isZero();
        assertThat(count(DATA.resolve("quarantine"))).isZero();
    }

    @Test
    void eachQuartzTickFiresOnOneNode() throws IOException {
        long start = System.currentTimeMillis();

        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> ticksSince(start) >= 15);

        // Counts only the ticks of this test's own minute. The other test's 200 files can starve a
        // node long enough for the other node to take it for dead. Quartz then fires the dead
        // node's acquired tick again, which is its recovery working as designed.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM test_only.cluster_tick WHERE fired_for > ?")
                        .param(start)
                        .query(Long.class)
                        .single())
                .as("ticks fired twice; cluster recoveries in the node logs: %s", recoveries())
                .isEqualTo(ticksSince(start));
        assertThat(single("SELECT COUNT(DISTINCT node) FROM test_only.cluster_tick"))
                .isBetween(1L, 2L);
    }

    /** Returns the log lines where a node took another for dead and recovered its triggers. */
    private static List<String> recoveries() throws IOException {
        List<String> found = new ArrayList<>();
        for (HubProcess node : nodes) {
            for (String line : Files.readAllLines(node.log(), StandardCharsets.UTF_8)) {
                if (line.contains("failed or restarted instances") || line.contains("ClusterManager")) {
                    found.add(node.log().getFileName() + ": " + line);
                }
            }
        }
        return found;
    }

    /** Fails with the exit code and last log lines of every node that stopped. */
    private static void assertNodesAlive() {
        for (HubProcess node : nodes) {
            assertThat(node.isAlive()).as(node::describe).isTrue();
        }
    }

    private static List<String> arguments(String node, int smtpPort, int imapPort, Path tickRoute) {
        return List.of(
                "--spring.profiles.active=postgres",
                "--hub.data-dir=" + DATA,
                "--hub.mail.smtp.port=" + smtpPort,
                "--hub.mail.imap.port=" + imapPort,
                "--hub.mail.imap.poll-delay-ms=1000",
                "--hub.intake.poll-delay-ms=200",
                "--hub.intake.stable-for-ms=300",
                "--hub.intake.read-lock-timeout-ms=3000",
                // The default check-in interval: with a shorter one, a node that a loaded machine
                // starves for a few seconds is taken for dead, and the other node fires its tick too.
                // Rendering and sending an approval e-mail per file takes seconds on a loaded
                // machine; this test is about intake, so drafts wait for an analyst.
                "--hub.approval.send-drafts-automatically=false",
                "--camel.main.routes-include-pattern=file:routes/*.camel.yaml,file:" + tickRoute,
                "--tick.node=" + node);
    }

    /** A test-only Quartz route that records each tick it fires, with the node that fired it. */
    private static Path writeTickRoute() throws IOException {
        jdbc.sql("CREATE SCHEMA test_only").update();
        // Outside the public schema, which Flyway expects to find empty.
        jdbc.sql("CREATE TABLE test_only.cluster_tick (fired_for BIGINT NOT NULL, node VARCHAR(8) NOT NULL)")
                .update();
        String route = """
                - route:
                    id: cluster-test-tick
                    from:
                      uri: quartz
                      parameters:
                        groupName: cluster-test
                        triggerName: tick
                        cron: "0/1 * * * * ?"
                      steps:
                        - to:
                            uri: "sql:INSERT INTO test_only.cluster_tick (fired_for, node) VALUES (:#${header.scheduledFireTime.time}, '{{tick.node}}')"
                """;
        Path file = ROOT.resolve("tick.camel.yaml");
        Files.writeString(file, route, StandardCharsets.UTF_8);
        return file;
    }

    private static long ticksSince(long start) {
        return jdbc.sql("SELECT COUNT(DISTINCT fired_for) FROM test_only.cluster_tick WHERE fired_for > ?")
                .param(start)
                .query(Long.class)
                .single();
    }

    private static long single(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** A small table whose values differ per file, so every file has its own SHA-256. */
    private static String csv(int index) {
        StringBuilder text = new StringBuilder("region_code,year,schools\n");
        for (int row = 0; row < 5; row++) {
            text.append(100 + row)
                    .append(',')
                    .append(2020 + row)
                    .append(',')
                    .append(index * 10 + row)
                    .append('\n');
        }
        return text.toString();
    }

    private static void drop(String name, String content) throws IOException {
        Path folder = DATA.resolve("drop").resolve(AGENCY);
        Path partial = folder.resolve(name + ".part");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static long count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
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
