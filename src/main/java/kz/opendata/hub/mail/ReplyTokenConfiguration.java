package kz.opendata.hub.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import kz.opendata.hub.HubProperties;
import kz.opendata.hub.approval.ReplyTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the key that signs reply tokens: {@code hub.mail.reply-token-key} (from the environment
 * variable HUB_REPLY_TOKEN_KEY) when set, otherwise a random key created once in the data folder,
 * so tokens stay valid across restarts of a hub that runs on its embedded defaults.
 */
@Configuration(proxyBeanMethods = false)
class ReplyTokenConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyTokenConfiguration.class);
    private static final int GENERATED_KEY_BYTES = 48;

    @Bean
    ReplyTokens replyTokens(MailProperties mail, HubProperties hub) throws IOException {
        String configured = mail.replyTokenKey();
        if (configured != null && !configured.isBlank()) {
            return new ReplyTokens(configured.getBytes(StandardCharsets.UTF_8));
        }
        return new ReplyTokens(generatedKey(hub.dataDir().resolve("reply-token.key")));
    }

    private static byte[] generatedKey(Path file) throws IOException {
        if (Files.exists(file)) {
            return Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        }
        byte[] key = new byte[GENERATED_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("File system of {} has no POSIX permissions; the key file keeps its defaults", file);
        }
        LOG.info("Created a reply token key in {}; set HUB_REPLY_TOKEN_KEY to manage it yourself", file);
        return key;
    }
}
