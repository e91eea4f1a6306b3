package kz.opendata.hub.sftp;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.remote.RemoteFilePollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.springframework.stereotype.Component;

/**
 * Poll strategy of the SFTP intake routes: a failed poll is explained (host key, algorithms,
 * permissions, login) and recorded as the agency's SFTP state; a successful poll marks it ok.
 * Camel's remote file strategy then disconnects, so the next poll starts a fresh session.
 */
@Component("sftpPollFailures")
class SftpPollFailures extends RemoteFilePollingConsumerPollStrategy {

    private final SftpRegistry registry;
    private final SftpConnectionStatus status;
    private final SftpProperties properties;

    SftpPollFailures(SftpRegistry registry, SftpConnectionStatus status, SftpProperties properties) {
        this.registry = registry;
        this.status = status;
        this.properties = properties;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        agencyOf(consumer).ifPresent(status::ok);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception e) throws Exception {
        agencyOf(consumer)
                .flatMap(registry::find)
                .ifPresent(settings -> status.failing(settings.agencyCode(), SftpProblems.classify(settings, e, (int)
                        properties.connectTimeoutMs())));
        return super.rollback(consumer, endpoint, retryCounter, e);
    }

    private static java.util.Optional<String> agencyOf(Consumer consumer) {
        String routeId = consumer instanceof RouteIdAware aware ? aware.getRouteId() : null;
        if (routeId == null || !routeId.startsWith(SftpRouteInstaller.INTAKE_ROUTE_PREFIX)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(routeId.substring(SftpRouteInstaller.INTAKE_ROUTE_PREFIX.length()));
    }
}
