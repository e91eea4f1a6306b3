package kz.opendata.hub.approval;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;

/**
 * Message-IDs of the letters the hub sends: {@code <odh.LABEL.RANDOM@HOST>}. Every one starts with
 * {@code <odh.}, which is how the approval inbox finds replies to the hub in a shared mailbox, and
 * a label that carries the passport's reply token keeps a reply matched even when its client
 * rewrites the subject.
 */
public final class MessageIds {

    /** The start every Message-ID of the hub shares; replies carry it in In-Reply-To and References. */
    public static final String MARK = "<odh.";

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9.-]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageIds() {}

    /**
     * Creates a new Message-ID.
     *
     * @param label what the message is, letters, digits, dots and hyphens, such as {@code
     *     42-1-SIGNATURE.reminder}
     * @param host the hub's DNS name
     */
    public static String create(String label, String host) {
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException(
                    "Message-ID label '" + label + "' is invalid; use letters, digits, dots and hyphens");
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        String unique = new Base32().encodeAsString(random).toLowerCase(Locale.ROOT);
        return MARK + label + "." + unique + "@" + host + ">";
    }
}
