package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import kz.opendata.hub.approval.HeldApprovalRepository.HeldApproval;
import kz.opendata.hub.production.Databases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Approvals held during a commission round, on both databases. */
class HeldApprovalRepositoryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 20, 9, 0, 0, 0, ZoneOffset.ofHours(5));

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void secondApprovalIsNotHeldInSameTransaction(String database) {
        DataSource dataSource = Databases.migrated(database, "held-approvals");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long passportId = EscalationRepositoryTest.passport(jdbc, 'a', "sent");
        HeldApprovalRepository held = new HeldApprovalRepository(jdbc);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        boolean[] outcomes = transaction.execute(status -> new boolean[] {
            held.holdIfNone(approval(passportId, "<first@agency>")),
            held.holdIfNone(approval(passportId, "<second@agency>"))
        });

        assertThat(outcomes[0]).isTrue();
        assertThat(outcomes[1]).isFalse();
        HeldApproval stored = held.find(passportId).orElseThrow();
        assertThat(stored.messageId()).isEqualTo("<first@agency>");
        assertThat(stored.sender()).isEqualTo("head@agency.example.kz");
        assertThat(stored.decisiveSentence()).isEqualTo("Согласовано.");
        assertThat(stored.heldAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(stored.isOpen()).isTrue();
        assertThat(stored.outcome()).isNull();
        assertThat(held.find(passportId + 1)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void heldApprovalIsReleasedOnce(String database) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, "held-approvals"));
        long passportId = EscalationRepositoryTest.passport(jdbc, 'a', "sent");
        HeldApprovalRepository held = new HeldApprovalRepository(jdbc);
        held.holdIfNone(approval(passportId, "<first@agency>"));

        boolean released = held.release(passportId, HeldApprovalRepository.SUPERSEDED, NOW.plusDays(2));
        boolean releasedAgain = held.release(passportId, HeldApprovalRepository.APPLIED, NOW.plusDays(3));

        assertThat(released).isTrue();
        assertThat(releasedAgain).isFalse();
        HeldApproval stored = held.find(passportId).orElseThrow();
        assertThat(stored.isOpen()).isFalse();
        assertThat(stored.outcome()).isEqualTo(HeldApprovalRepository.SUPERSEDED);
        assertThat(stored.releasedAt().toInstant()).isEqualTo(NOW.plusDays(2).toInstant());
    }

    private static HeldApproval approval(long passportId, String messageId) {
        return new HeldApproval(passportId, messageId, "head@agency.example.kz", "Согласовано.", NOW, null, null);
    }
}
