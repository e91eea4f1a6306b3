package kz.opendata.hub.approval;

/**
 * Passport version that a verified reply token was issued for.
 *
 * @param passportId id of the passport in the hub's store
 * @param version passport version the agency was asked to approve
 */
public record TokenRef(long passportId, int version) {}
