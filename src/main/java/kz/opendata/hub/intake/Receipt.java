package kz.opendata.hub.intake;

/**
 * What intake recorded for one dropped file.
 *
 * @param unloadId the unload row, new or found by content hash
 * @param repeated true when the same agency had already delivered the same bytes
 */
public record Receipt(long unloadId, String agencyCode, boolean repeated) {}
