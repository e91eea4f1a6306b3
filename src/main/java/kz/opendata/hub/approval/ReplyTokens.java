package kz.opendata.hub.approval;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Issues and checks the reply token that ties an agency's e-mail reply to one passport version.
 *
 * <p>A token reads {@code <passportId>-<version>-<signature>}, where the signature is the first 120
 * bits of HMAC-SHA256 over the passport id and version, written as 24 characters of RFC 4648
 * base32. Without the key nobody can produce a valid token for another passport or version, so a
 * reply cannot be steered to a passport its sender was not asked about. E-mails carry the token
 * as {@code [ODH-<token>]} in the subject and as {@code odh.<token>} in the Message-ID.
 */
public class ReplyTokens {

    /** Minimum key length: the full output size of SHA-256. */
    static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 15;
    private static final int SIGNATURE_CHARS = 24;

    private static final Pattern TOKEN =
            Pattern.compile("(\\d{1,18})-(\\d{1,9})-([A-Za-z2-7]{" + SIGNATURE_CHARS + "})");

    // Matches the subject form "ODH-" and the Message-ID form "odh.". Clients keep the digits and
    // the base32 letters, but some change their case or add spaces around the brackets.
    private static final Pattern MARKED_TOKEN =
            Pattern.compile("(?i)(?<![A-Za-z0-9])ODH[-.](" + TOKEN.pattern() + ")(?![A-Za-z0-9])");

    private final SecretKeySpec key;

    /**
     * Creates the token service with the hub's secret key.
     *
     * @param key secret bytes, at least 32, read from the environment variable {@code
     *     HUB_REPLY_TOKEN_KEY}; changing the key invalidates every token already sent
     */
    public ReplyTokens(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            int length = key == null ? 0 : key.length;
            throw new IllegalArgumentException("reply token key has " + length + " bytes, at least "
                    + MIN_KEY_BYTES + " are required; set HUB_REPLY_TOKEN_KEY to a random value"
                    + " such as the output of 'openssl rand -base64 48'");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** Issues the token for one passport version; the same input always gives the same token. */
    public String issue(long passportId, int version) {
        if (passportId < 0 || version < 0) {
            throw new IllegalArgumentException(
                    "passport id " + passportId + " and version " + version + " must not be negative");
        }
        return passportId + "-" + version + "-" + signature(passportId, version);
    }

    /**
     * Checks a token and returns the passport version it was issued for, or empty when the token
     * is malformed or its signature does not match. Letter case of the signature is ignored.
     */
    public Optional<TokenRef> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher matcher = TOKEN.matcher(token.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long passportId = Long.parseLong(matcher.group(1));
        int version = Integer.parseInt(matcher.group(2));
        byte[] expected = signature(passportId, version).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = matcher.group(3).toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented)) {
            return Optional.empty();
        }
        return Optional.of(new TokenRef(passportId, version));
    }

    /**
     * Finds the first token marked {@code ODH-} or {@code odh.} in a subject, Message-ID or body,
     * such as {@code Re: RE: Fwd: [ODH-42-1-...] Passport}. The result is normalised (upper-case
     * signature) but not verified: pass it to {@link #verify(String)}.
     */
    public Optional<String> findIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = MARKED_TOKEN.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(2) + "-" + matcher.group(3) + "-"
                + matcher.group(4).toUpperCase(Locale.ROOT));
    }

    private String signature(long passportId, int version) {
        byte[] mac = mac().doFinal(("odh-reply-v1:" + passportId + ":" + version).getBytes(StandardCharsets.US_ASCII));
        return new Base32().encodeAsString(Arrays.copyOf(mac, SIGNATURE_BYTES));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java 17 runtime ships HmacSHA256 and accepts any non-empty key.
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }
}
