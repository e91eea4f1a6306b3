package kz.opendata.hub.sftp;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import kz.opendata.hub.store.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps each agency's SFTP state: logged, stored and audited when it changes, so a server that
 * fails every five minutes produces one warning and not a flood.
 */
@Component
class SftpConnectionStatus {

    private static final Logger LOG = LoggerFactory.getLogger(SftpConnectionStatus.class);

    private final SftpStatusRepository repository;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, String> lastKnown = new ConcurrentHashMap<>();

    SftpConnectionStatus(SftpStatusRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    void failing(String agencyCode, SftpProblem problem) {
        change(agencyCode, SftpStatusRepository.FAILING, problem);
    }

    void notStarted(String agencyCode, SftpProblem problem) {
        change(agencyCode, SftpStatusRepository.NOT_STARTED, problem);
    }

    void ok(String agencyCode) {
        change(agencyCode, SftpStatusRepository.OK, null);
    }

    private void change(String agencyCode, String state, SftpProblem problem) {
        String key = state + "|" + (problem == null ? "" : problem.message());
        if (Objects.equals(lastKnown.put(agencyCode, key), key)) {
            LOG.debug("SFTP state of agency {} unchanged: {}", agencyCode, state);
            return;
        }
        repository.save(agencyCode, state, problem, OffsetDateTime.now(clock));
        if (problem == null) {
            LOG.info("SFTP connection of agency {} works", agencyCode);
            audit.record("sftp-intake", "sftp-connection-ok", "agency", agencyCode, "state=" + state);
            return;
        }
        LOG.warn("SFTP connection of agency {} {} ({}): {}", agencyCode, state, problem.code(), problem.message());
        audit.record(
                "sftp-intake",
                "sftp-connection-" + state,
                "agency",
                agencyCode,
                "problem=" + problem.code() + " " + problem.message());
    }
}
