package kz.opendata.hub.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.PublicationRepository;
import kz.opendata.hub.store.PublicationRepository.Attempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds published sets whose agency missed the update frequency of the passport.
 *
 * <p>A set is overdue once its due date (last publication plus the frequency's period) and the
 * grace time {@code hub.publication.overdue-grace} have passed without a later unload from the
 * agency: none scheduled, held, released for approval, refused or sent to the dead letter since
 * the last publication. Each missed period counts once: the {@code publication-overdue} route
 * records an audit event per set and due date, and a set two periods late has two.
 */
@Service
public class OverdueMonitor {

    /** Statuses of a later unload that show the agency did deliver. */
    private static final List<String> DELIVERED = List.of(
            DatasetUpdate.SCHEDULED,
            DatasetUpdate.HELD,
            DatasetUpdate.RELEASED,
            DatasetUpdate.REFUSED,
            DatasetUpdate.DEAD_LETTER);

    private static final Logger LOG = LoggerFactory.getLogger(OverdueMonitor.class);

    private final PublicationRepository publications;
    private final PassportRepository passports;
    private final DatasetUpdateRepository updates;
    private final UpdateSchedule schedule;
    private final Duration grace;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OverdueMonitor(
            PublicationRepository publications,
            PassportRepository passports,
            DatasetUpdateRepository updates,
            UpdateSchedule schedule,
            PublicationProperties settings,
            AuditLog audit,
            JdbcClient jdbc,
            ObjectMapper json) {
        this.publications = publications;
        this.passports = passports;
        this.updates = updates;
        this.schedule = schedule;
        this.grace = settings.overdueGrace();
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A published set whose agency missed its update.
     *
     * @param passportId the passport the set was last published under
     * @param dueDates every missed due date, oldest first
     * @param missedPeriods how many update periods the agency missed
     */
    public record OverdueSet(
            String datasetName,
            String agencyCode,
            long passportId,
            String frequency,
            OffsetDateTime lastPublishedAt,
            List<OffsetDateTime> dueDates,
            int missedPeriods) {

        public OverdueSet {
            dueDates = List.copyOf(dueDates);
        }
    }

    /** Returns the overdue sets at the clock's current time, by data set name. */
    public List<OverdueSet> overdue() {
        OffsetDateTime now = schedule.now();
        List<OverdueSet> overdue = new ArrayList<>();
        for (Attempt last : publications.latestPerDatasetIn(PublicationLedger.SUCCESSES)) {
            check(last, now).ifPresent(overdue::add);
        }
        return overdue;
    }

    /**
     * Records each missed period of each overdue set once in the audit log.
     *
     * @return how many missed periods were recorded for the first time
     */
    @Transactional
    public int recordOverdue() {
        int recorded = 0;
        for (OverdueSet set : overdue()) {
            for (OffsetDateTime due : set.dueDates()) {
                if (recordOnce(set, due)) {
                    recorded++;
                }
            }
        }
        return recorded;
    }

    private Optional<OverdueSet> check(Attempt last, OffsetDateTime now) {
        PassportRecord passport = passports.find(last.passportId()).orElseThrow();
        String frequency = frequency(passport);
        Optional<Period> period = UpdateSchedule.period(frequency);
        if (period.isEmpty() || updates.existsSince(last.datasetName(), last.attemptedAt(), DELIVERED)) {
            return Optional.empty();
        }
        List<OffsetDateTime> missed = new ArrayList<>();
        for (int n = 1; ; n++) {
            OffsetDateTime due = schedule.dueDate(last.attemptedAt(), period.get(), n);
            if (now.isBefore(due.plus(grace))) {
                break;
            }
            missed.add(due);
        }
        if (missed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OverdueSet(
                last.datasetName(),
                passport.agencyCode(),
                passport.id(),
                frequency,
                last.attemptedAt(),
                missed,
                missed.size()));
    }

    private boolean recordOnce(OverdueSet set, OffsetDateTime due) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM publication_overdue WHERE dataset_name = ? AND due_at = ?")
                        .params(set.datasetName(), due)
                        .query(Long.class)
                        .single()
                > 0;
        if (known) {
            return false;
        }
        jdbc.sql("INSERT INTO publication_overdue (dataset_name, due_at, agency_code, passport_id, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(set.datasetName(), due, set.agencyCode(), set.passportId(), schedule.now())
                .update();
        audit.record(
                "publication",
                "publication-overdue",
                "passport",
                set.passportId(),
                "dataset=" + set.datasetName() + " agency=" + set.agencyCode() + " frequency=" + set.frequency()
                        + " lastPublishedAt=" + set.lastPublishedAt() + " dueAt=" + due);
        LOG.warn(
                "Agency {} missed the {} update of data set {} due {}",
                set.agencyCode(),
                set.frequency(),
                set.datasetName(),
                due);
        return true;
    }

    private String frequency(PassportRecord passport) {
        try {
            return PassportFields.frequency(json.readTree(passport.passportJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("passport " + passport.id() + " is not valid JSON; draft it again", e);
        }
    }
}
