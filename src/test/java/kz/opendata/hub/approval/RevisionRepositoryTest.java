package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import kz.opendata.hub.approval.RevisionRepository.Change;
import kz.opendata.hub.approval.RevisionRepository.Revision;
import kz.opendata.hub.production.Databases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Passport versions drafted from edited passports, on both databases. */
class RevisionRepositoryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 20, 9, 0, 0, 0, ZoneOffset.ofHours(5));

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void revisionKeepsChangedFieldsInOrder(String database) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, "revisions"));
        long previous = EscalationRepositoryTest.passport(jdbc, 'a', "changes-requested");
        long next = EscalationRepositoryTest.passport(jdbc, 'b', "draft");
        RevisionRepository revisions = new RevisionRepository(jdbc);
        Revision revision =
                new Revision(next, previous, "<edit@agency>", "head@agency.example.kz", "паспорт.xlsx", "xlsx", NOW);

        revisions.insert(
                revision,
                List.of(
                        new PassportMerge.RecordedChange("title.ru", "Школы", "Школы по районам", true),
                        new PassportMerge.RecordedChange("attributes[2].type", "integer", "string", false),
                        new PassportMerge.RecordedChange("keywords.kk", null, "мектеп", true)));

        Revision stored = revisions.find(next).orElseThrow();
        assertThat(stored.previousPassportId()).isEqualTo(previous);
        assertThat(stored.messageId()).isEqualTo("<edit@agency>");
        assertThat(stored.fileName()).isEqualTo("паспорт.xlsx");
        assertThat(stored.format()).isEqualTo("xlsx");
        assertThat(stored.recordedAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(revisions.changes(next))
                .containsExactly(
                        new Change("title.ru", "Школы", "Школы по районам", true),
                        new Change("attributes[2].type", "integer", "string", false),
                        new Change("keywords.kk", null, "мектеп", true));
        assertThat(revisions.find(previous)).isEmpty();
        assertThat(revisions.changes(previous)).isEmpty();
    }
}
