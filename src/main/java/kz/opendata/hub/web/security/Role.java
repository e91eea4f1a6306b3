package kz.opendata.hub.web.security;

/**
 * What an account may do in the dashboard and the API. An account may hold several roles; every
 * role may read.
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
