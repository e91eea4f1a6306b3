package kz.opendata.hub.health;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Checks a line-based server (SMTP, IMAP) by connecting and reading its greeting, within a short
 * timeout so a hung server makes the health check slow by at most that long. Logs in nowhere, so
 * no credential is used or shown.
 *
 * @param tls whether the server speaks TLS from the first byte (smtps, imaps)
 * @param greetingPrefix how a healthy server's first line starts, such as "220" for SMTP
 */
record ServerGreetingProbe(String host, int port, boolean tls, String greetingPrefix, Duration timeout)
        implements HealthIndicator {

    @Override
    public Health health() {
        Health.Builder health = new Health.Builder().withDetail("host", host).withDetail("port", port);
        try (Socket socket = open()) {
            String greeting = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (greeting != null && greeting.startsWith(greetingPrefix)) {
                return health.up().build();
            }
            return health.outOfService()
                    .withDetail("error", "unexpected greeting; expected a line starting with " + greetingPrefix)
                    .build();
        } catch (IOException e) {
            return health.down()
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .build();
        }
    }

    private Socket open() throws IOException {
        Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket();
        socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        return socket;
    }
}
