package kz.opendata.hub.cluster;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings for running several hub nodes on one database.
 *
 * @param enabled whether Quartz keeps its jobs in the database and runs clustered, so each
 *     scheduled job fires on one node per tick; false keeps Quartz in memory (one node)
 * @param schedulerName Quartz scheduler name, the same on every node of one cluster
 * @param checkinIntervalMs how often a node tells the others it is alive, in milliseconds; a node
 *     silent for longer has its running jobs taken over
 * @param readLockMaxAgeMs age after which an intake read lock whose node stopped refreshing it is
 *     considered abandoned and the file is taken by another node, in milliseconds
 * @param readLockKeepAliveMs how often a node refreshes the read locks it holds, in milliseconds
 */
@Validated
@ConfigurationProperties("hub.cluster")
public record ClusterProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("opendata-hub") @NotBlank String schedulerName,
        @DefaultValue("7500") @Min(1000) long checkinIntervalMs,
        @DefaultValue("60000") @Min(1000) long readLockMaxAgeMs,
        @DefaultValue("10000") @Min(500) long readLockKeepAliveMs) {}
