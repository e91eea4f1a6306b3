package kz.opendata.hub.health;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import kz.opendata.hub.publication.PublicationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Health of the CKAN portal, shown as component portal of /actuator/health when
 * hub.publication.portal is ckan. Calls the action API's status_show, which needs no token.
 */
@Component("portalHealthIndicator")
@ConditionalOnProperty(name = "hub.publication.portal", havingValue = "ckan")
class PortalHealthIndicator implements HealthIndicator {

    private final URI statusUrl;
    private final Duration timeout;
    private final HttpClient http;

    PortalHealthIndicator(PublicationProperties publication, @Value("${hub.health.timeout:2s}") Duration timeout) {
        String base = publication.ckan().url().toString().replaceAll("/+$", "");
        this.statusUrl = URI.create(base + "/api/3/action/status_show");
        this.timeout = timeout;
        // HTTP/1.1, as the publication client speaks to the portal. Over HTTP/2 the client keeps one
        // shared connection per server, and after a restart the retry could pick the same dead
        // connection again before the client noticed the server's GOAWAY.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public Health health() {
        Health.Builder health = new Health.Builder().withDetail("url", statusUrl.toString());
        try {
            int status = statusCode();
            if (status == 200) {
                return health.up().build();
            }
            return health.outOfService().withDetail("status", status).build();
        } catch (IOException e) {
            return health.down()
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return health.unknown().withDetail("error", "interrupted").build();
        }
    }

    /**
     * Requests status_show a second time when the first request fails after connecting, because a
     * restarted portal leaves a stale kept-alive connection in the client's pool. A refused
     * connection means the portal is down, so it is not retried.
     */
    private int statusCode() throws IOException, InterruptedException {
        try {
            return send();
        } catch (ConnectException e) {
            throw e;
        } catch (IOException e) {
            return send();
        }
    }

    private int send() throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(statusUrl).timeout(timeout).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
