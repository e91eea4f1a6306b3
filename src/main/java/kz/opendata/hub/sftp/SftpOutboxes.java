package kz.opendata.hub.sftp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The agencies' outbox folders on their SFTP servers, and whether the hub could set up the
 * route that uploads into each. Also supplies the file name and content of an upload to the
 * {@code survey-dispatch-outbox} routes.
 */
@Component
public class SftpOutboxes {

    private final SftpRegistry registry;
    private final SftpProperties properties;
    private final Map<String, String> unavailable = new ConcurrentHashMap<>();
    private final Map<String, Boolean> installed = new ConcurrentHashMap<>();

    SftpOutboxes(SftpRegistry registry, SftpProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    /** Returns the outbox folder on the agency's SFTP server, empty when it has none. */
    public Optional<String> outboxDirectory(String agencyCode) {
        return registry.find(agencyCode).map(SftpSettings::outboxDirectory);
    }

    /**
     * Checks that the agency's outbox route is running.
     *
     * @throws IllegalStateException naming the reason the route was not set up
     */
    public void requireAvailable(String agencyCode) {
        if (!installed.containsKey(agencyCode)) {
            String reason = unavailable.getOrDefault(agencyCode, "its SFTP route has not been set up yet");
            throw new IllegalStateException("The SFTP outbox of agency " + agencyCode + " cannot be used: " + reason);
        }
    }

    /** Explains a failed upload to the agency's SFTP server, as for a failed poll. */
    public Optional<String> explain(String agencyCode, Throwable failure) {
        return registry.find(agencyCode)
                .map(settings -> SftpProblems.classify(settings, failure, (int) properties.connectTimeoutMs())
                        .message());
    }

    public String fileName(SftpUpload upload) {
        return upload.fileName();
    }

    public byte[] content(SftpUpload upload) {
        return upload.content();
    }

    void markInstalled(String agencyCode) {
        installed.put(agencyCode, true);
        unavailable.remove(agencyCode);
    }

    void markUnavailable(String agencyCode, String reason) {
        unavailable.put(agencyCode, reason);
    }
}
