package kz.opendata.hub.demand;

import kz.opendata.hub.store.AuditLog;
import org.apache.camel.ExchangeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Polls the requests endpoint {@code hub.demand.sync.url} for the {@code demand-sync} route and
 * imports what it returns. The bearer token, when one is needed, comes from the environment
 * variable named in {@code hub.demand.sync.token-env}.
 */
@Service
public class DemandSync {

    private static final Logger LOG = LoggerFactory.getLogger(DemandSync.class);

    private final DemandProperties.Sync settings;
    private final DemandService demand;
    private final DemandFeedClient client;
    private final AuditLog audit;

    DemandSync(DemandProperties settings, DemandService demand, AuditLog audit) {
        this.settings = settings.sync();
        this.demand = demand;
        this.audit = audit;
        this.client = this.settings.enabled()
                ? new DemandFeedClient(this.settings, System.getenv(this.settings.tokenEnv()))
                : null;
    }

    /**
     * Reads the endpoint and imports its requests.
     *
     * @return the import's result, or null when no endpoint is configured
     * @throws DemandImportException when the endpoint fails or returns something unreadable; the
     *     next poll tries again
     */
    public DemandService.ImportResult poll() {
        if (client == null) {
            LOG.debug("No demand endpoint configured (hub.demand.sync.url); nothing to poll");
            return null;
        }
        DemandFeedClient.Feed feed = client.fetch();
        return demand.importFeed(feed, settings.sourceName());
    }

    /** Records a failed poll in the audit log and the log; the stored requests stay as they were. */
    public void recordFailure(@ExchangeException Exception failure) {
        audit.record("demand-sync", "demand-sync-failed", "demand-source", settings.sourceName(), failure.getMessage());
        LOG.warn(
                "Polling demand endpoint {} failed, tried again on the next run: {}",
                settings.url(),
                failure.getMessage());
    }
}
