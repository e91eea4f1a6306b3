package kz.opendata.hub.store;

/** Number of unloads or passports of one agency in one status. */
public record StatusCount(String agencyCode, String status, long count) {}
