package kz.opendata.hub.exchange;

/** Names one surveyed agency of one campaign. */
public record RequestKey(long campaignId, String agencyCode) {}
