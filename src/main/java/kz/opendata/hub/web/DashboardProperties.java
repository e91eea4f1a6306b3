package kz.opendata.hub.web;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the analysts' dashboard.
 *
 * @param lateAfterDays a passport sent for approval counts as late when the agency has not
 *     replied within this many days
 */
@Validated
@ConfigurationProperties("hub.dashboard")
public record DashboardProperties(
        @Min(1) @DefaultValue("10") int lateAfterDays) {}
