package kz.opendata.hub.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes an agency registry file for a test, one entry at a time. */
public final class TestRegistryFile {

    private final StringBuilder yaml = new StringBuilder("agencies:\n");

    /** Adds an agency; sftpBlock is the indented YAML of its sftp block, or null. */
    public TestRegistryFile agency(String code, String language, String name, String contact, String sftpBlock) {
        yaml.append("  - code: ")
                .append(code)
                .append('\n')
                .append("    language: ")
                .append(language)
                .append('\n')
                .append("    names:\n      ")
                .append(language)
                .append(": \"")
                .append(name)
                .append("\"\n")
                .append("    approvalContacts:\n      - name: Open data officer\n        email: ")
                .append(contact)
                .append('\n');
        if (sftpBlock != null) {
            yaml.append("    sftp:\n").append(sftpBlock.indent(6));
        }
        return this;
    }

    public static String sftpBlock(
            SftpTestServer server, String user, String directory, String outbox, String passwordEnv, Path knownHosts) {
        return "host: 127.0.0.1\nport: " + server.port() + "\nusername: " + user + "\ndirectory: " + directory
                + (outbox == null ? "" : "\noutboxDirectory: " + outbox) + "\npasswordEnv: " + passwordEnv
                + "\nknownHostsFile: " + knownHosts + "\n";
    }

    public Path write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
