package kz.opendata.hub.demand;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of demand signals ({@code hub.demand.*}).
 *
 * @param matchThreshold lowest score, 0..1, at which a request counts as asking for a passport's
 *     or an unload's data
 * @param maxUploadSize largest CSV file {@code POST /api/demand/import} accepts
 * @param sync the polled endpoint of requests
 */
@Validated
@ConfigurationProperties("hub.demand")
public record DemandProperties(
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5")
        double matchThreshold,

        @NotNull @DefaultValue("10MB") DataSize maxUploadSize,
        @Valid @NotNull @DefaultValue Sync sync) {

    /**
     * The HTTP endpoint the {@code demand-sync} route polls.
     *
     * @param url address that returns the requests as JSON or CSV; empty turns polling off and the
     *     route only matches the stored requests again
     * @param sourceName source name stored with the requests from this endpoint
     * @param tokenEnv name of the environment variable with a bearer token for the endpoint; the
     *     request carries no token when that variable is unset
     * @param timeout time allowed to connect and to read the response
     * @param maxResponseSize largest response body read
     */
    public record Sync(
            URI url,
            @NotBlank @DefaultValue("portal") String sourceName,
            @NotBlank @DefaultValue("HUB_DEMAND_SYNC_TOKEN") String tokenEnv,
            @NotNull @DefaultValue("30s") Duration timeout,
            @NotNull @DefaultValue("20MB") DataSize maxResponseSize) {

        /** Returns whether an endpoint is configured. */
        public boolean enabled() {
            return url != null && !url.toString().isBlank();
        }
    }
}
