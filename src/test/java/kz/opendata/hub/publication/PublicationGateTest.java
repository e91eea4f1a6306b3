package kz.opendata.hub.publication;

import static kz.opendata.hub.publication.PublicationFixtures.IIN;
import static kz.opendata.hub.publication.PublicationFixtures.MAPPER;
import static kz.opendata.hub.publication.PublicationFixtures.PHONE;
import static kz.opendata.hub.publication.PublicationFixtures.PUBLISHED_FIELDS;
import static kz.opendata.hub.publication.PublicationFixtures.agencyNames;
import static kz.opendata.hub.publication.PublicationFixtures.datapackage;
import static kz.opendata.hub.publication.PublicationFixtures.passport;
import static kz.opendata.hub.publication.PublicationFixtures.report;
import static kz.opendata.hub.publication.PublicationFixtures.rows;
import static kz.opendata.hub.publication.PublicationFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's checks, run through the service so the test also shows no caller can skip them. */
class PublicationGateTest {

    @TempDir
    Path dir;

    private DryRunPortal portal;

    private PublicationService service() {
        portal = new DryRunPortal(dir.resolve("dry-run.jsonl"), MAPPER, request -> MAPPER.createObjectNode());
        return new PublicationService(new PublicationGate(), new OpenDataCsvWriter(), portal, dir.resolve("work"));
    }

    private static PublicationInput input(String status, ObjectNode datapackage, Set<Integer> resolved) {
        return new PublicationInput(
                "kindergartens",
                passport(status),
                datapackage,
                report(),
                table(rows()),
                resolved,
                Set.of(),
                "edu-almaty",
                agencyNames());
    }

    @Test
    void rejectsPassportNotApproved() {
        PublicationService service = service();

        assertThatThrownBy(() ->
                        service.publish(input("sent-for-approval", datapackage(PUBLISHED_FIELDS), Set.of(IIN, PHONE))))
                .isInstanceOf(PublicationRefusedException.class)
                .hasMessageContaining("status 'sent-for-approval'");
        assertThat(portal.records()).isEmpty();
    }

    @Test
    void publishesRestrictedColumnLeftOutWithoutResolution() {
        PublicationService service = service();

        service.publish(input("approved", datapackage(PUBLISHED_FIELDS), Set.of(PHONE)));

        assertThat(portal.records()).hasSize(1);
    }

    @Test
    void rejectsUnresolvedReviewFinding() {
        PublicationService service = service();

        assertThatThrownBy(() -> service.publish(input("approved", datapackage(PUBLISHED_FIELDS), Set.of(IIN))))
                .isInstanceOf(PublicationRefusedException.class)
                .hasMessageContaining("telefon (phone, review)");
        assertThat(portal.records()).isEmpty();
    }

    @Test
    void rejectsRestrictedColumnInSchema() {
        List<String> fields = new ArrayList<>(PUBLISHED_FIELDS);
        fields.add(1, "iin_zaveduyushchei");
        PublicationService service = service();

        assertThatThrownBy(() -> service.publish(input("approved", datapackage(fields), Set.of(IIN, PHONE))))
                .isInstanceOf(PublicationRefusedException.class)
                .hasMessageContaining("[iin_zaveduyushchei] are present in the data package schema");
        assertThat(portal.records()).isEmpty();
    }

    @Test
    void rejectsRestrictedColumnInHeader() {
        PublicationGate gate = new PublicationGate();

        assertThatThrownBy(() ->
                        gate.checkWrittenHeader("kindergartens", report(), List.of("nazvanie", "iin_zaveduyushchei")))
                .isInstanceOf(PublicationRefusedException.class)
                .hasMessageContaining("present in the CSV header");
    }

    @Test
    void rejectsSchemaFieldMissingFromUnload() {
        List<String> fields = new ArrayList<>(PUBLISHED_FIELDS);
        fields.add("adres");
        PublicationService service = service();

        assertThatThrownBy(() -> service.publish(input("approved", datapackage(fields), Set.of(IIN, PHONE))))
                .isInstanceOf(PublicationRefusedException.class)
                .hasMessageContaining("adres");
        assertThat(portal.records()).isEmpty();
    }

    @Test
    void publishesWhenEveryFindingResolved() {
        PublicationService service = service();

        service.publish(input("approved", datapackage(PUBLISHED_FIELDS), Set.of(IIN, PHONE)));

        assertThat(portal.records()).hasSize(1);
        assertThat(portal.records().get(0).path("datasetName").asText()).isEqualTo("kindergartens");
    }
}
