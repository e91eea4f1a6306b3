package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes sets to a CKAN portal through its action API.
 *
 * <p>Each publication reads the package with {@code package_show} first, then creates it
 * ({@code package_create}) or patches the fields that differ ({@code package_patch}), and uploads
 * the CSV ({@code resource_create} or {@code resource_patch}) only when the resource's stored
 * SHA-256 differs. So publishing the same set again changes nothing, and a run that crashed after
 * the portal created the package finds and updates it instead of creating a second one.
 *
 * <p>A POST is never repeated blindly. After a failure that may pass, the portal reads the package
 * with {@code package_show} to learn whether the POST took effect, and sends again only a POST that
 * did not. Writes to one set are
 * serialised within this JVM.
 */
public class CkanPortal implements PortalAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(CkanPortal.class);

    private final CkanActionClient client;
    private final CkanPackageMapper packageMapper;
    private final String siteUrl;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final DatasetLocks locks = new DatasetLocks();

    /**
     * @param settings the CKAN settings; {@code url} must be set
     * @param apiToken the API token read from the environment, or null to call anonymously
     */
    public CkanPortal(
            PublicationProperties.Ckan settings,
            String apiToken,
            CkanPackageMapper packageMapper,
            com.fasterxml.jackson.databind.ObjectMapper mapper) {
        if (settings.url() == null || settings.url().toString().isBlank()) {
            throw new IllegalArgumentException("hub.publication.ckan.url is missing; set it to the CKAN site's"
                    + " base URL or choose another hub.publication.portal");
        }
        String site = settings.url().toString();
        this.siteUrl = site.endsWith("/") ? site.substring(0, site.length() - 1) : site;
        this.client = new CkanActionClient(
                settings.url(),
                apiToken,
                "environment variable " + settings.apiTokenEnv(),
                settings.connectTimeout(),
                settings.requestTimeout(),
                mapper);
        this.packageMapper = packageMapper;
        this.maxAttempts = settings.maxAttempts();
        this.retryBackoff = settings.retryBackoff();
    }

    @Override
    public PublicationResult publish(PublicationRequest request) {
        return locks.withLock(request.datasetName(), () -> publishLocked(request));
    }

    private PublicationResult publishLocked(PublicationRequest request) {
        String name = request.datasetName();
        ObjectNode desired = packageMapper.toPackage(request);
        Optional<JsonNode> existing = show(name);
        boolean changed = existing.isEmpty() || !CkanPackageState.matches(existing.get(), desired);
        JsonNode dataset = changed ? writePackage(name, existing, desired) : existing.get();
        List<String> uploaded = new ArrayList<>();
        JsonNode resource = CkanPackageState.dataResource(dataset);
        if (resource == null || !CkanPackageState.hasHash(resource, request.dataSha256())) {
            resource = uploadData(request, dataset, resource);
            uploaded.add(CkanPackageMapper.uploadFileName(request));
        }
        String location = siteUrl + "/dataset/" + name;
        LOG.info(
                "CKAN data set {} at {}: metadata {}, data {}",
                name,
                location,
                changed ? "written" : "unchanged",
                uploaded.isEmpty() ? "unchanged" : "uploaded");
        return new PublicationResult(
                location,
                dataset.path("id").asText(name),
                changed || !uploaded.isEmpty(),
                uploaded,
                location,
                resource.path("url").asText(null),
                null);
    }

    private JsonNode writePackage(String name, Optional<JsonNode> existing, ObjectNode desired) {
        if (existing.isEmpty()) {
            return createPackage(name, desired);
        }
        return patchPackage(name, existing.get(), desired);
    }

    private JsonNode createPackage(String name, ObjectNode desired) {
        try {
            return postChecked(
                    "package_create", name, () -> client.post("package_create", name, desired), Function.identity());
        } catch (PermanentPortalException e) {
            // Another node may have created the package between our package_show and package_create,
            // which CKAN rejects with "That URL is already in use".
            Optional<JsonNode> created = show(name);
            if (created.isEmpty()) {
                throw e;
            }
            LOG.info("CKAN data set {} appeared during package_create; patching it instead", name);
            return patchPackage(name, created.get(), desired);
        }
    }

    private JsonNode patchPackage(String name, JsonNode current, ObjectNode desired) {
        ObjectNode patch = CkanPackageState.patchBody(current, desired);
        return postChecked(
                "package_patch",
                name,
                () -> client.post("package_patch", name, patch),
                dataset -> CkanPackageState.matches(dataset, desired) ? dataset : null);
    }

    /**
     * Uploads the CSV as a new data resource, or into {@code resource} when the package has one.
     *
     * @return the data resource as the portal stored it
     */
    private JsonNode uploadData(PublicationRequest request, JsonNode dataset, JsonNode resource) {
        Map<String, String> fields = resourceFields(request);
        String action;
        if (resource == null) {
            action = "resource_create";
            fields.put("package_id", dataset.path("id").asText());
        } else {
            action = "resource_patch";
            fields.put("id", resource.path("id").asText());
        }
        String name = request.datasetName();
        String fileName = CkanPackageMapper.uploadFileName(request);
        long size = request.dataSize();
        JsonNode stored = postChecked(
                action,
                name,
                () -> client.postFile(action, name, fields, request.dataFile(), fileName, size),
                shown -> {
                    JsonNode shownResource = CkanPackageState.dataResource(shown);
                    return shownResource != null && CkanPackageState.hasHash(shownResource, request.dataSha256())
                            ? shownResource
                            : null;
                });
        LOG.info("CKAN data set {}: uploaded {} bytes as {}", name, size, action);
        return stored;
    }

    private static Map<String, String> resourceFields(PublicationRequest request) {
        String fileName = CkanPackageMapper.uploadFileName(request);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", fileName.substring(0, fileName.length() - ".csv".length()));
        fields.put("format", "CSV");
        fields.put("mimetype", "text/csv");
        // CKAN up to 2.5 requires a url even with an upload; later versions replace it with the file's.
        fields.put("url", fileName);
        fields.put("hash", "sha256:" + request.dataSha256());
        fields.put(CkanPackageState.SHA256_FIELD, request.dataSha256());
        fields.put(CkanPackageState.RESOURCE_KEY_FIELD, CkanPackageState.RESOURCE_KEY);
        return fields;
    }

    /**
     * Sends a POST. After a failure that may pass, it checks with {@code package_show} whether the
     * POST took effect before sending it again.
     *
     * @param tookEffect returns the result read from the shown package, or null when the POST did
     *     not take effect
     */
    private JsonNode postChecked(
            String action, String name, Supplier<JsonNode> post, Function<JsonNode, JsonNode> tookEffect) {
        for (int attempt = 1; ; attempt++) {
            try {
                return post.get();
            } catch (TransientPortalException e) {
                LOG.warn(
                        "CKAN {} for data set {} failed on attempt {} of {}: {}; checking the portal before"
                                + " any retry",
                        action,
                        name,
                        attempt,
                        maxAttempts,
                        e.getMessage());
                JsonNode effect = show(name).map(tookEffect).orElse(null);
                if (effect != null) {
                    LOG.info("CKAN {} for data set {} had taken effect; not sending it again", action, name);
                    return effect;
                }
                if (attempt >= maxAttempts) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** Calls {@code package_show}, repeating it after failures that may pass because it only reads. */
    private Optional<JsonNode> show(String name) {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.packageShow(name);
            } catch (TransientPortalException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
                LOG.warn(
                        "CKAN package_show for data set {} failed on attempt {} of {}, retrying: {}",
                        name,
                        attempt,
                        maxAttempts,
                        e.getMessage());
                pause(attempt);
            }
        }
    }

    private void pause(int attempt) {
        long millis = retryBackoff.toMillis() << Math.min(attempt - 1, 10);
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientPortalException("publication interrupted while waiting to retry CKAN", e);
        }
    }
}
