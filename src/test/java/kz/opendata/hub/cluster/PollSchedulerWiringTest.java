package kz.opendata.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import kz.opendata.hub.HubApplication;
import org.apache.camel.CamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/** The hub's routes as loaded from routes/, polling with the cluster-safe Quartz scheduler. */
// The same configuration as the web API tests, so the test context cache can serve this class.
@SpringBootTest(classes = HubApplication.class)
@AutoConfigureMockMvc
class PollSchedulerWiringTest {

    @Autowired
    CamelContext camel;

    @Test
    void approvalInboxUsesClusterSafeScheduler() {
        ScheduledPollConsumer consumer =
                (ScheduledPollConsumer) camel.getRoute("approval-inbox").getConsumer();

        assertThat(consumer.getScheduler()).isInstanceOf(ClusterSafeQuartzScheduler.class);
    }
}
