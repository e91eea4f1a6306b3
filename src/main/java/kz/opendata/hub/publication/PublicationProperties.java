package kz.opendata.hub.publication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of publication ({@code hub.publication.*}).
 *
 * @param portal where sets go: {@code folder} (data packages under {@code hub.data-dir/published}),
 *     {@code ckan} or {@code dry-run}
 * @param publicBaseUrl URL under which the published folder is served, used in DCAT links of the
 *     folder portal; {@code hub.base-url} followed by {@code /published} when unset
 * @param dryRunLog JSON Lines file the dry-run portal appends to; {@code hub.data-dir/work/
 *     publication-dry-run.jsonl} when unset
 * @param retry schedule of further tries after a portal failure that may pass
 * @param overdueGrace time after a set's due date before a missing update counts as overdue
 */
@Validated
@ConfigurationProperties("hub.publication")
public record PublicationProperties(
        @NotNull @DefaultValue("folder") PortalKind portal,
        String publicBaseUrl,
        Path dryRunLog,
        @Valid @NotNull @DefaultValue Ckan ckan,
        @Valid @NotNull @DefaultValue Catalog catalog,
        @Valid @NotNull @DefaultValue Retry retry,
        @NotNull @DefaultValue("1d") Duration overdueGrace) {

    /** The portal implementations a deployment can choose from. */
    public enum PortalKind {
        FOLDER,
        CKAN,
        DRY_RUN
    }

    /** Mapping of passport fields onto CKAN package fields. */
    public enum CkanFieldStyle {
        /** CKAN core fields: {@code title}, {@code notes}, {@code tags} and {@code extras}. */
        CORE,
        /** ckanext-scheming and ckanext-fluent fields: translated maps such as {@code title_translated}. */
        SCHEMING
    }

    /**
     * Settings of the CKAN portal.
     *
     * @param url base URL of the CKAN site, such as {@code https://data.example.kz}; required when
     *     {@code portal} is {@code ckan}
     * @param apiTokenEnv name of the environment variable that contains the API token; the token
     *     itself is never stored in configuration
     * @param connectTimeout time allowed to open a connection
     * @param requestTimeout time allowed for one request, an upload included
     * @param maxAttempts attempts per call when the portal fails in a way that may pass
     * @param retryBackoff pause before the second attempt, doubled before each further attempt
     * @param fieldStyle {@code core} or {@code scheming}
     */
    public record Ckan(
            URI url,
            @NotBlank @DefaultValue("HUB_CKAN_API_TOKEN") String apiTokenEnv,
            @NotNull @DefaultValue("10s") Duration connectTimeout,
            @NotNull @DefaultValue("5m") Duration requestTimeout,
            @Min(1) @DefaultValue("3") int maxAttempts,
            @NotNull @DefaultValue("2s") Duration retryBackoff,
            @NotNull @DefaultValue("core") CkanFieldStyle fieldStyle) {}

    /**
     * Schedule of further tries after a portal failure that may pass (a timeout, a dropped
     * connection, HTTP 429 or 5xx). Each try is one scheduled run; the CKAN client's own
     * {@code ckan.max-attempts} repeat single calls within a try. After {@code maxAttempts} failed
     * tries the publication goes to the dead letter.
     *
     * @param maxAttempts tries in all, the first included
     * @param firstDelay wait before the second try
     * @param multiplier factor applied to the wait before each further try
     * @param maxDelay longest wait between two tries
     */
    public record Retry(
            @Min(1) @DefaultValue("6") int maxAttempts,
            @NotNull @DefaultValue("5m") Duration firstDelay,
            @DecimalMin("1.0") @DefaultValue("2") double multiplier,
            @NotNull @DefaultValue("6h") Duration maxDelay) {}

    /**
     * Identity of the DCAT catalogue served at {@code /api/catalog.jsonld}.
     *
     * @param title catalogue title
     * @param description what the catalogue lists
     * @param publisher name of the organisation that runs the hub
     */
    public record Catalog(
            @NotBlank @DefaultValue("Open data sets") String title,

            @NotBlank @DefaultValue("Open data sets drafted from state bodies' unloads and approved by them")
            String description,

            @NotBlank @DefaultValue("Service integrator") String publisher) {}
}
