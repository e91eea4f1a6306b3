package kz.opendata.hub.health;

import java.util.Iterator;
import java.util.Optional;
import kz.opendata.hub.sftp.SftpRegistry;
import kz.opendata.hub.sftp.SftpSettings;
import kz.opendata.hub.sftp.SftpStatusRepository;
import kz.opendata.hub.sftp.SftpStatusRepository.SftpStatus;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Component sftp of /actuator/health, with one component per agency that has an SFTP server in
 * the agency registry, named by the agency code. A server is up after a successful poll and
 * degraded when its last poll failed or its route could not start. Degraded is not down, so the
 * hub stays healthy for a load balancer while an agency's server is unreachable.
 */
@Component("sftpHealthContributor")
class SftpHealthContributor implements CompositeHealthContributor {

    /** Status of an agency's server that failed since its last success; ordered in application.yml. */
    static final Status DEGRADED = new Status("DEGRADED");

    private final SftpRegistry registry;
    private final SftpStatusRepository statuses;

    SftpHealthContributor(SftpRegistry registry, SftpStatusRepository statuses) {
        this.registry = registry;
        this.statuses = statuses;
    }

    @Override
    public HealthContributor getContributor(String agencyCode) {
        return registry.find(agencyCode).map(this::indicator).orElse(null);
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return registry.all().stream()
                .map(settings -> NamedContributor.of(settings.agencyCode(), (HealthContributor) indicator(settings)))
                .iterator();
    }

    private HealthIndicator indicator(SftpSettings settings) {
        return () -> health(settings, statuses.find(settings.agencyCode()));
    }

    static Health health(SftpSettings settings, Optional<SftpStatus> status) {
        Health.Builder health = new Health.Builder().withDetail("address", settings.address());
        if (status.isEmpty()) {
            return health.unknown().withDetail("state", "not polled yet").build();
        }
        SftpStatus known = status.get();
        health.withDetail("state", known.state()).withDetail("since", known.changedAt());
        if (SftpStatusRepository.OK.equals(known.state())) {
            return health.up().build();
        }
        return health.status(DEGRADED)
                .withDetail("problem", known.problem())
                .withDetail("message", known.message())
                .build();
    }
}
