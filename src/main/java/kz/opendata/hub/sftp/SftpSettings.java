package kz.opendata.hub.sftp;

import java.nio.file.Path;

/**
 * Connection settings of one agency's SFTP server, from the {@code sftp} block of the agency's
 * registry entry. Secrets are not here: only the names of the environment variables that hold
 * them.
 *
 * @param directory folder the agency puts unloads into, relative to the account's login folder
 * @param outboxDirectory folder the hub puts official requests into, relative to the account's
 *     login folder; null to keep them in the local outbox only
 * @param passwordEnv environment variable with the account's password; null when a key is used
 * @param privateKeyEnv environment variable with the account's private key in PEM or OpenSSH
 *     format; null when a password is used
 * @param knownHostsFile known_hosts file that must hold the server's host key
 * @param cron Quartz cron expression of the polls; null for {@code hub.sftp.cron}
 */
public record SftpSettings(
        String agencyCode,
        String host,
        int port,
        String username,
        String directory,
        String outboxDirectory,
        String passwordEnv,
        String privateKeyEnv,
        Path knownHostsFile,
        String cron) {

    /** Returns host and port as known_hosts writes them: the bare host for port 22, else {@code [host]:port}. */
    public String knownHostsName() {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    public String address() {
        return host + ":" + port;
    }
}
