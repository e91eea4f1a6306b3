package kz.opendata.hub.sftp;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads SFTP passwords and private keys from the environment variables the agency registry
 * names. Nothing else in the hub sees the values, and they are never logged.
 */
@Component
public class SftpSecrets {

    /** Returns the value of the environment variable, empty when it is unset or blank. */
    public Optional<String> lookup(String environmentVariable) {
        String value = System.getenv(environmentVariable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
