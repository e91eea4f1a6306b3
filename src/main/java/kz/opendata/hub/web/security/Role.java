package kz.opendata.hub.web.security;

/**
 * Permission of an account in the dashboard and the API. An account may have several roles, and
 * every role may read.
 */
public enum Role {
    /** Daily work: resolves findings, edits and sends passport drafts. */
    ANALYST,
    /** Looks after the agency registry, the accounts and the settings. */
    ADMIN,
    /** An authorized body: reads reports and changes nothing. */
    AUTHORITY;

    /** The role names every reading request accepts. */
    static final String[] ANY = {ANALYST.name(), ADMIN.name(), AUTHORITY.name()};
}
