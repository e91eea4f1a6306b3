package kz.opendata.hub.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import kz.opendata.hub.production.HubProcess;
import kz.opendata.hub.publication.PublicationProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The portal component of the health endpoint while a CKAN portal goes down and comes back. */
class PortalHealthIndicatorTest {

    private static final String STATUS_PATH = "/api/3/action/status_show";

    /** Timeout long enough for a freshly started server's first response on a loaded machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final int port = HubProcess.freePort();
    private final WireMockServer portal =
            new WireMockServer(options().bindAddress("127.0.0.1").port(port));

    @AfterEach
    void stopPortal() {
        portal.stop();
    }

    /**
     * Checks fifty outages in a row. While the client spoke HTTP/2, a stale connection made 10 of
     * 150 restarts look like an outage in one run, so a single round would rarely show it.
     */
    @Test
    void followsPortalDownAndBack() {
        PortalHealthIndicator indicator = new PortalHealthIndicator(ckanAt(port), PATIENCE);
        startPortal();
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

        for (int round = 1; round <= 50; round++) {
            portal.stop();
            Health down = indicator.health();
            assertThat(down.getStatus()).as("round %d, portal stopped", round).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().get("error").toString()).contains("ConnectException");

            startPortal();
            // The client's pooled connection to the stopped server is stale; the indicator must not
            // report that as an outage.
            Health back = indicator.health();
            assertThat(back.getStatus())
                    .as("round %d, portal back: %s", round, back.getDetails())
                    .isEqualTo(Status.UP);
        }
    }

    @Test
    void proxyErrorIsOutOfService() {
        PortalHealthIndicator indicator = new PortalHealthIndicator(ckanAt(port), PATIENCE);
        portal.start();
        portal.stubFor(get(STATUS_PATH).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(indicator.health().getDetails()).containsEntry("status", 502);
    }

    private void startPortal() {
        portal.start();
        portal.stubFor(get(STATUS_PATH).willReturn(okJson("{\"success\": true, \"result\": {}}")));
    }

    /** Settings with only the CKAN address filled in, the part the indicator reads. */
    private static PublicationProperties ckanAt(int port) {
        PublicationProperties.Ckan ckan = new PublicationProperties.Ckan(
                URI.create("http://127.0.0.1:" + port + "/"),
                "HUB_CKAN_API_TOKEN",
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                1,
                Duration.ZERO,
                PublicationProperties.CkanFieldStyle.CORE);
        return new PublicationProperties(
                PublicationProperties.PortalKind.CKAN, null, null, ckan, null, null, Duration.ofDays(1));
    }
}
