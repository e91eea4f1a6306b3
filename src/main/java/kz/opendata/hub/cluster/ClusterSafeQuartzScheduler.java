package kz.opendata.hub.cluster;

import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's Quartz poll scheduler (what {@code scheduler: quartz} creates), safe for nodes that start
 * at the same moment on one clustered job store. In camel-quartz 4.17 the scheduler reads the poll
 * trigger and, when it is missing, stores a new job and trigger. When another node stores the
 * trigger between those two steps, the store fails with {@link ObjectAlreadyExistsException} and
 * the route does not start. This scheduler then starts once more: it finds the stored trigger and
 * uses it, as Camel does on every start after the first.
 *
 * <p>An instance keeps the trigger and job of one consumer in its fields, so each endpoint needs its
 * own.
 */
class ClusterSafeQuartzScheduler extends QuartzScheduledPollConsumerScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSafeQuartzScheduler.class);

    @Override
    protected void doStart() throws Exception {
        try {
            super.doStart();
        } catch (ObjectAlreadyExistsException e) {
            // Without clustering, another route of this node uses the trigger key. That is a
            // configuration error, which a second start would not fix.
            if (!isClustered()) {
                throw e;
            }
            LOG.info(
                    "Another node stored poll trigger {}.{} while this node was starting, so this node uses it",
                    getTriggerGroup(),
                    getTriggerId());
            super.doStart();
        }
    }

    private boolean isClustered() throws SchedulerException {
        return getQuartzScheduler().getMetaData().isJobStoreClustered();
    }
}
