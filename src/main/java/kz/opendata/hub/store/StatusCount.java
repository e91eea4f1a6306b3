package kz.opendata.hub.store;

/** How many unloads or passports of one agency are in one status. */
public record StatusCount(String agencyCode, String status, long count) {}
