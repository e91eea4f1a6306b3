package kz.opendata.hub.sftp;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchAlgoNegoFailException;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.SftpException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Explains why an SFTP poll or upload failed, from the exception chain JSch and Camel raise,
 * with what to do about it.
 */
final class SftpProblems {

    /** Host key algorithms OpenSSH 8.8 and later turn off by default: SHA-1 RSA signatures and DSA. */
    private static final Set<String> LEGACY_HOST_KEY_ALGORITHMS = Set.of("ssh-rsa", "ssh-dss");

    private SftpProblems() {}

    static SftpProblem classify(SftpSettings settings, Throwable failure, int probeTimeoutMs) {
        if (find(failure, JSchChangedHostKeyException.class) != null) {
            return hostKeyChanged(settings, probeTimeoutMs);
        }
        if (find(failure, JSchUnknownHostKeyException.class) != null) {
            return hostKeyUnknown(settings, probeTimeoutMs);
        }
        JSchAlgoNegoFailException negotiation = find(failure, JSchAlgoNegoFailException.class);
        if (negotiation != null) {
            return negotiationFailed(settings, negotiation);
        }
        SftpException sftp = find(failure, SftpException.class);
        if (sftp != null && sftp.id == ChannelSftp.SSH_FX_PERMISSION_DENIED) {
            return permissionDenied(settings);
        }
        if (sftp != null && sftp.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
            return new SftpProblem(
                    SftpProblem.FOLDER_NOT_FOUND,
                    "SFTP folder " + settings.directory()
                            + " of agency " + settings.agencyCode() + " does not exist on " + settings.address()
                            + "; ask the agency to create it for account '" + settings.username()
                            + "', or correct sftp.directory in the agency registry");
        }
        return connectionProblem(settings, failure);
    }

    private static SftpProblem hostKeyChanged(SftpSettings settings, int probeTimeoutMs) {
        String presented = HostKeyProbe.presentedFingerprint(settings, probeTimeoutMs);
        List<String> known = HostKeyProbe.knownFingerprints(settings);
        String name = settings.knownHostsName();
        String file = settings.knownHostsFile().toString();
        return new SftpProblem(
                SftpProblem.HOST_KEY_CHANGED,
                "SFTP server " + settings.address() + " of agency "
                        + settings.agencyCode() + " presented a different host key: the fingerprint changed from "
                        + (known.isEmpty() ? "the key in " + file : String.join(" / ", known)) + " to "
                        + (presented == null ? "an unknown key" : presented) + ". The hub does not connect, because a"
                        + " changed key can mean that someone intercepts the connection. Verify the new fingerprint with the"
                        + " agency's administrator over another channel (phone, signed letter); if it matches, remove the old"
                        + " key with ssh-keygen -R '" + name + "' -f " + file
                        + " and add the new one with ssh-keyscan -p "
                        + settings.port() + " " + settings.host() + " >> " + file
                        + ", checking it with ssh-keygen -lf before the next poll");
    }

    private static SftpProblem hostKeyUnknown(SftpSettings settings, int probeTimeoutMs) {
        String presented = HostKeyProbe.presentedFingerprint(settings, probeTimeoutMs);
        String file = settings.knownHostsFile().toString();
        return new SftpProblem(
                SftpProblem.HOST_KEY_UNKNOWN,
                "SFTP server " + settings.address() + " of agency "
                        + settings.agencyCode() + " is not in known_hosts file " + file + " (its key is "
                        + (presented == null ? "unknown" : presented) + "). Verify the fingerprint with the agency's"
                        + " administrator, then add the key with ssh-keyscan -p " + settings.port() + " "
                        + settings.host()
                        + " >> " + file);
    }

    private static SftpProblem negotiationFailed(SftpSettings settings, JSchAlgoNegoFailException failure) {
        List<String> offered = Arrays.asList(failure.getServerProposal().split(","));
        String algorithm = failure.getAlgorithmName();
        if ("server_host_key".equals(algorithm) && LEGACY_HOST_KEY_ALGORITHMS.containsAll(offered)) {
            return new SftpProblem(
                    SftpProblem.LEGACY_ALGORITHMS,
                    "SFTP server " + settings.address() + " of agency "
                            + settings.agencyCode() + " offers only the host key algorithms "
                            + String.join(", ", offered)
                            + " (ssh-rsa signs with SHA-1, ssh-dss is DSA), which the hub does not accept because they are"
                            + " obsolete and weak. Ask the agency to enable rsa-sha2-512 and rsa-sha2-256 for its RSA key, or an"
                            + " ssh-ed25519 or ECDSA host key (OpenSSH 7.2 and later offer them by default)");
        }
        if ("kex".equals(algorithm)) {
            return new SftpProblem(
                    SftpProblem.LEGACY_KEY_EXCHANGE,
                    "SFTP server " + settings.address()
                            + " of agency " + settings.agencyCode() + " offers only the key exchange methods "
                            + String.join(", ", offered) + ", none of which the hub accepts; ask the agency to enable"
                            + " curve25519-sha256 or diffie-hellman-group14-sha256");
        }
        return new SftpProblem(
                SftpProblem.FAILED,
                "SFTP server " + settings.address() + " of agency "
                        + settings.agencyCode() + " and the hub share no " + algorithm
                        + " algorithm: the server offers "
                        + String.join(", ", offered) + "; ask the agency to enable a current one");
    }

    private static SftpProblem permissionDenied(SftpSettings settings) {
        return new SftpProblem(
                SftpProblem.PERMISSION_DENIED,
                "SFTP account '" + settings.username() + "' of agency "
                        + settings.agencyCode() + " cannot list folder " + settings.directory() + " on "
                        + settings.address()
                        + ": permission denied. The hub lists the folder in one request by its whole path (stepwise=false), so it never"
                        + " changes into or lists the folders above it; the account needs the rights to list and read "
                        + settings.directory()
                        + " itself, and to create and rename files in it for the done folder. Ask the"
                        + " agency's administrator to grant them, or correct sftp.directory in the agency registry");
    }

    private static SftpProblem connectionProblem(SftpSettings settings, Throwable failure) {
        Throwable root = rootCause(failure);
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String lower = detail.toLowerCase(Locale.ROOT);
        if (lower.contains("auth fail") || lower.contains("auth cancel") || lower.contains("userauth fail")) {
            String env = settings.passwordEnv() != null ? settings.passwordEnv() : settings.privateKeyEnv();
            return new SftpProblem(
                    SftpProblem.LOGIN_FAILED,
                    "SFTP server " + settings.address() + " of agency "
                            + settings.agencyCode() + " rejected the login of account '" + settings.username()
                            + "'; check the secret in environment variable " + env + " and that the account is active");
        }
        if (find(failure, ConnectException.class) != null
                || find(failure, UnknownHostException.class) != null
                || find(failure, SocketTimeoutException.class) != null
                || lower.contains("timeout")) {
            return new SftpProblem(
                    SftpProblem.UNREACHABLE,
                    "SFTP server " + settings.address() + " of agency "
                            + settings.agencyCode() + " cannot be reached (" + detail
                            + "); check sftp.host and sftp.port"
                            + " in the agency registry and the network path; the hub tries again on the next poll");
        }
        return new SftpProblem(
                SftpProblem.FAILED,
                "SFTP transfer with " + settings.address() + " for agency " + settings.agencyCode() + " failed: "
                        + detail + "; the hub tries again on the next poll");
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
