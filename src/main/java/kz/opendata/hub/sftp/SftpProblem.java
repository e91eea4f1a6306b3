package kz.opendata.hub.sftp;

/**
 * Why an agency's SFTP connection failed, in words the integrator can act on.
 *
 * @param code stable identifier of the kind of problem, such as {@code host-key-changed}
 * @param message what failed, on which server, and how to fix it
 */
public record SftpProblem(String code, String message) {

    public static final String HOST_KEY_CHANGED = "host-key-changed";
    public static final String HOST_KEY_UNKNOWN = "host-key-unknown";
    public static final String LEGACY_ALGORITHMS = "legacy-host-key-algorithms";
    public static final String LEGACY_KEY_EXCHANGE = "legacy-key-exchange";
    public static final String PERMISSION_DENIED = "permission-denied";
    public static final String FOLDER_NOT_FOUND = "folder-not-found";
    public static final String LOGIN_FAILED = "login-failed";
    public static final String UNREACHABLE = "unreachable";
    public static final String NOT_CONFIGURED = "not-configured";
    public static final String FAILED = "failed";
}
