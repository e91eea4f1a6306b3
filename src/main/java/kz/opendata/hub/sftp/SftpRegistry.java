package kz.opendata.hub.sftp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.opendata.hub.HubProperties;
import org.springframework.stereotype.Component;

/**
 * The SFTP settings of the agencies, read from the optional {@code sftp} block of each entry of
 * the agency registry file. The agency registry itself reads the rest of each entry.
 */
@Component
public class SftpRegistry {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, SftpSettings> byAgency = new LinkedHashMap<>();

    SftpRegistry(HubProperties hub) throws IOException {
        Path file = hub.agenciesFile();
        ObjectMapper yaml =
                new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        JsonNode agencies = yaml.readTree(file.toFile()).path("agencies");
        for (int i = 0; i < agencies.size(); i++) {
            JsonNode entry = agencies.get(i);
            if (entry.hasNonNull("sftp")) {
                String code = entry.path("code").asText();
                String where = file + ", agency " + (i + 1) + " (" + code + ")";
                byAgency.put(code, read(yaml, entry.get("sftp"), where).toSettings(where, code));
            }
        }
    }

    private static SftpEntry read(ObjectMapper yaml, JsonNode block, String where) {
        try {
            return yaml.treeToValue(block, SftpEntry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Invalid agency registry " + where + ": the sftp block could not be read ("
                    + e.getOriginalMessage() + "); the block takes host, port, username, directory,"
                    + " outboxDirectory, passwordEnv or privateKeyEnv, knownHostsFile and cron");
        }
    }

    public Optional<SftpSettings> find(String agencyCode) {
        return Optional.ofNullable(byAgency.get(agencyCode));
    }

    public List<SftpSettings> all() {
        return new ArrayList<>(byAgency.values());
    }

    record SftpEntry(
            String host,
            Integer port,
            String username,
            String directory,
            String outboxDirectory,
            String passwordEnv,
            String privateKeyEnv,
            String knownHostsFile,
            String cron) {

        SftpSettings toSettings(String where, String code) {
            require(host != null && !host.isBlank(), where, "sftp.host is missing");
            require(username != null && !username.isBlank(), where, "sftp.username is missing");
            require(
                    isRelative(directory),
                    where,
                    "sftp.directory must be a folder relative to the account's login" + " folder, such as incoming/"
                            + code + ", because Camel's SFTP component reads no absolute paths");
            require(
                    outboxDirectory == null || isRelative(outboxDirectory),
                    where,
                    "sftp.outboxDirectory must be" + " a folder relative to the account's login folder, such as outbox/"
                            + code);
            require(
                    (passwordEnv == null) != (privateKeyEnv == null),
                    where,
                    "give exactly one of sftp.passwordEnv and sftp.privateKeyEnv: the name of the environment"
                            + " variable that holds the password or the private key");
            String env = passwordEnv != null ? passwordEnv : privateKeyEnv;
            require(ENV_NAME.matcher(env).matches(), where, "'" + env + "' is not an environment variable name");
            require(
                    knownHostsFile != null && !knownHostsFile.isBlank(),
                    where,
                    "sftp.knownHostsFile is missing; the hub connects only to servers whose host key it knows");
            int resolvedPort = port == null ? 22 : port;
            require(resolvedPort > 0 && resolvedPort < 65536, where, "sftp.port must be between 1 and 65535");
            return new SftpSettings(
                    code,
                    host,
                    resolvedPort,
                    username,
                    stripSlash(directory),
                    outboxDirectory == null ? null : stripSlash(outboxDirectory),
                    passwordEnv,
                    privateKeyEnv,
                    Path.of(knownHostsFile),
                    cron);
        }

        private static boolean isRelative(String path) {
            return path != null && !path.isBlank() && !path.startsWith("/") && !path.contains("..");
        }

        private static String stripSlash(String path) {
            return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }

        private static void require(boolean condition, String where, String message) {
            if (!condition) {
                throw new IllegalStateException("Invalid agency registry " + where + ": " + message);
            }
        }
    }
}
