package kz.opendata.hub.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import kz.opendata.hub.commission.CommissionRepository.Answer;
import kz.opendata.hub.commission.CommissionRepository.NewPackage;
import kz.opendata.hub.commission.CommissionRepository.NewRecommendation;
import kz.opendata.hub.commission.CommissionRepository.PackageRow;
import kz.opendata.hub.commission.CommissionRepository.Recommendation;
import kz.opendata.hub.production.Databases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Commission packages and recommendations with their answers, on both databases. */
class CommissionRepositoryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 4, 6, 15, 0, 0, 0, ZoneOffset.ofHours(5));

    // A PDF header followed by bytes that are not valid UTF-8, so a text column would change them.
    private static final byte[] PDF = {'%', 'P', 'D', 'F', 0, (byte) 0xE2, (byte) 0x82, (byte) 0xFF};
    private static final byte[] XLSX = {'P', 'K', 3, 4, (byte) 0x90, 0};

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void packageKeepsDocumentsAndPassports(String database) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, "commission"));
        List<Long> passports = passports(jdbc, 3);
        CommissionRepository commission = new CommissionRepository(jdbc);

        long id = commission.insertPackage(pack("<p1@hub>", List.of(passports.get(2), passports.get(0))));

        PackageRow row = commission.findPackage(id).orElseThrow();
        assertThat(row.title()).isEqualTo("Package <p1@hub>");
        assertThat(row.createdBy()).isEqualTo("analyst");
        assertThat(row.summaryJson()).isEqualTo("{\"passports\":2}");
        assertThat(row.createdAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(row.closedAt()).isNull();
        assertThat(commission.document(id, "pdf")).containsExactly(PDF);
        assertThat(commission.document(id, "xlsx")).containsExactly(XLSX);
        assertThatThrownBy(() -> commission.document(id, "title")).isInstanceOf(IllegalArgumentException.class);
        assertThat(commission.passportsOf(id)).containsExactly(passports.get(0), passports.get(2));
        assertThat(commission.findPackage(id + 1)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void packagesAreFoundByMessageIdAndListedNewestFirst(String database) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, "commission"));
        List<Long> passports = passports(jdbc, 1);
        CommissionRepository commission = new CommissionRepository(jdbc);
        long first = commission.insertPackage(pack("<p1@hub>", passports));
        long second = commission.insertPackage(pack("<p2@hub>", List.of()));
        long third = commission.insertPackage(pack("<p3@hub>", List.of()));

        assertThat(commission.findPackageByMessageId(List.of("<none@hub>", "<p2@hub>", "<p1@hub>")))
                .map(PackageRow::id)
                .contains(second);
        assertThat(commission.findPackageByMessageId(List.of("<none@hub>"))).isEmpty();
        assertThat(commission.packages(2)).extracting(PackageRow::id).containsExactly(third, second);
        assertThat(commission.packages(10)).extracting(PackageRow::id).containsExactly(third, second, first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void closedPackageNoLongerHoldsItsPassports(String database) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, "commission"));
        List<Long> passports = passports(jdbc, 3);
        CommissionRepository commission = new CommissionRepository(jdbc);
        long closing = commission.insertPackage(pack("<p1@hub>", List.of(passports.get(0), passports.get(1))));
        long open = commission.insertPackage(pack("<p2@hub>", List.of(passports.get(1))));

        boolean closed = commission.close(closing, "secretary", NOW.plusDays(3));
        boolean closedAgain = commission.close(closing, "other", NOW.plusDays(4));

        assertThat(closed).isTrue();
        assertThat(closedAgain).isFalse();
        PackageRow row = commission.findPackage(closing).orElseThrow();
        assertThat(row.closedBy()).isEqualTo("secretary");
        assertThat(row.closedAt().toInstant()).isEqualTo(NOW.plusDays(3).toInstant());
        assertThat(commission.passportsOfOpenPackages()).containsExactly(passports.get(1));
        assertThat(commission.openPackagesOf(passports.get(1))).containsExactly(open);
        assertThat(commission.openPackagesOf(passports.get(0))).isEmpty();
        assertThat(commission.packagedPassports()).containsExactlyInAnyOrder(passports.get(0), passports.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void recommendationsAreNumberedPerPassport(String database) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, "commission"));
        List<Long> passports = passports(jdbc, 2);
        CommissionRepository commission = new CommissionRepository(jdbc);
        long packageId = commission.insertPackage(pack("<p1@hub>", passports));

        int firstNumber = commission.nextNumber(passports.get(0));
        commission.insertRecommendation(recommendation(passports.get(0), packageId, firstNumber, "Drop column 3"));
        int secondNumber = commission.nextNumber(passports.get(0));
        commission.insertRecommendation(recommendation(passports.get(0), null, secondNumber, "Rename the set"));

        assertThat(firstNumber).isEqualTo(1);
        assertThat(secondNumber).isEqualTo(2);
        assertThat(commission.nextNumber(passports.get(1))).isEqualTo(1);
        List<Recommendation> stored = commission.recommendations(passports.get(0));
        assertThat(stored).extracting(Recommendation::text).containsExactly("Drop column 3", "Rename the set");
        assertThat(stored.get(0).packageId()).isEqualTo(packageId);
        assertThat(stored.get(1).packageId()).isNull();
        assertThat(stored.get(0).body()).isEqualTo(CommissionRepository.ACCESS);
        assertThat(stored.get(0).recordedAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(stored.get(0).isAnswered()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void answersAndForwardsAreRecordedPerRecommendation(String database) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, "commission"));
        long passportId = passports(jdbc, 1).get(0);
        CommissionRepository commission = new CommissionRepository(jdbc);
        long first = commission.insertRecommendation(recommendation(passportId, null, 1, "Drop column 3"));
        long second = commission.insertRecommendation(recommendation(passportId, null, 2, "Rename the set"));
        long third = commission.insertRecommendation(recommendation(passportId, null, 3, "Add a unit"));

        commission.markSent(List.of(first, second), "<letter@hub>");
        commission.answer(
                first,
                new Answer(
                        CommissionRepository.ACCEPTED,
                        null,
                        "Согласны.",
                        "<a@agency>",
                        "head@agency.example.kz",
                        NOW.plusDays(1)));
        commission.answer(
                second,
                new Answer(
                        CommissionRepository.REJECTED,
                        "The law requires it",
                        "Не согласны.",
                        "<a@agency>",
                        "head@agency.example.kz",
                        NOW.plusDays(1)));
        commission.markForwarded(List.of(second), "<forward@hub>");

        List<Recommendation> sent = commission.sentIn("<letter@hub>");
        assertThat(sent).extracting(Recommendation::id).containsExactly(first, second);
        assertThat(sent.get(0).isAnswered()).isTrue();
        assertThat(sent.get(0).answerSentence()).isEqualTo("Согласны.");
        assertThat(sent.get(0).answeredAt().toInstant())
                .isEqualTo(NOW.plusDays(1).toInstant());
        assertThat(sent.get(0).forwardedMessageId()).isNull();
        assertThat(sent.get(1).answerReason()).isEqualTo("The law requires it");
        assertThat(sent.get(1).answerSender()).isEqualTo("head@agency.example.kz");
        assertThat(sent.get(1).forwardedMessageId()).isEqualTo("<forward@hub>");
        Recommendation unsent = commission.recommendations(passportId).get(2);
        assertThat(unsent.id()).isEqualTo(third);
        assertThat(unsent.sentMessageId()).isNull();
        assertThat(commission.sentIn("<other@hub>")).isEmpty();
    }

    private static NewPackage pack(String messageId, List<Long> passportIds) {
        return new NewPackage(
                "Package " + messageId, NOW, "analyst", "{\"passports\":2}", PDF, XLSX, messageId, passportIds);
    }

    private static NewRecommendation recommendation(long passportId, Long packageId, int number, String text) {
        return new NewRecommendation(
                passportId,
                packageId,
                number,
                text,
                CommissionRepository.ACCESS,
                "member@gov.example.kz",
                "<r@gov>",
                NOW);
    }

    /** Inserts an agency, one unload and the given number of passport versions of it, and returns their ids. */
    private static List<Long> passports(JdbcClient jdbc, int count) {
        jdbc.sql("INSERT INTO agency (code, language, updated_at) VALUES ('agency-a', 'ru', CURRENT_TIMESTAMP)")
                .update();
        jdbc.sql("INSERT INTO unload (agency_code, file_name, sha256, size_bytes, status, received_at, stored_path)"
                        + " VALUES ('agency-a', 'list.csv', ?, 10, 'analysed', CURRENT_TIMESTAMP, 'archive/list.csv')")
                .param("a".repeat(64))
                .update();
        for (int version = 1; version <= count; version++) {
            jdbc.sql("INSERT INTO passport (unload_id, agency_code, dataset_name, version, status, passport_json,"
                            + " datapackage_json, created_at, updated_at) SELECT id, 'agency-a', 'set-one', ?, 'sent',"
                            + " '{}', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM unload")
                    .param(version)
                    .update();
        }
        return jdbc.sql("SELECT id FROM passport ORDER BY id").query(Long.class).list();
    }
}
