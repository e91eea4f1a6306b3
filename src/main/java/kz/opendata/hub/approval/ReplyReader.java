package kz.opendata.hub.approval;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads an agency's e-mail reply into a {@link Reply}: ids for threading, sender, decoded
 * subject, the body as text with the sender's own part separated, and the attachments.
 *
 * <p>The message is first copied into memory and parsed again without {@code
 * mail.mime.allowutf8}, so raw 8-bit header bytes reach the decoder unchanged whatever the
 * store's session says.
 *
 * <p>Shapes no mail client writes for a reply are rejected as unreadable, so the message is set
 * aside for an analyst before it can decide anything: more than {@value #MAX_PARTS} MIME parts, a
 * subject of more than {@value #MAX_ENCODED_WORDS} encoded words, or a text with NUL characters.
 */
@Component
public class ReplyReader {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyReader.class);

    /** MIME parts a reply may have; a reply with a few attachments rarely has more than a dozen. */
    static final int MAX_PARTS = 100;

    /** RFC 2047 encoded words a subject may have; one 75-character word holds about 20 Cyrillic letters. */
    static final int MAX_ENCODED_WORDS = 200;

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]+\\?[BbQq]\\?[^?\\s]*\\?=");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern ADDRESS = Pattern.compile("[^<>\\s\"]+@[^<>\\s\"]+");

    private final Session parsing = Session.getInstance(new Properties());

    /**
     * Reads the message.
     *
     * @throws MessagingException when the message cannot be fetched from the store; try again
     * @throws UnreadableReplyException when the message's structure or encoding is broken; set it
     *     aside for an analyst
     */
    public Reply read(Message message) throws MessagingException {
        MimeMessage copy = copy(message);
        try {
            return readCopy(copy);
        } catch (MessagingException | IOException e) {
            throw new UnreadableReplyException(
                    "reply cannot be parsed (" + e.getMessage() + "); set it aside and ask the sender to send it again",
                    e);
        }
    }

    private MimeMessage copy(Message message) throws MessagingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            message.writeTo(bytes);
        } catch (IOException e) {
            throw new MessagingException("reading the reply from the mail store failed", e);
        }
        return new MimeMessage(parsing, new ByteArrayInputStream(bytes.toByteArray()));
    }

    private Reply readCopy(MimeMessage message) throws MessagingException, IOException {
        Set<ReplyNote> notes = EnumSet.noneOf(ReplyNote.class);
        String rawSubject = PartContent.firstHeader(message, "Subject");
        if (HeaderDecoder.hasRawBytes(rawSubject)) {
            notes.add(ReplyNote.RAW_8BIT_HEADER);
        }
        rejectLongSubject(rawSubject);
        String subject = rawSubject == null ? "" : HeaderDecoder.decode(rawSubject);
        ReplyBody body = ReplyBody.of(message);
        // Counted after the body is read, whose errors name the broken part of a damaged structure.
        rejectManyParts(message);
        String text = body.text();
        rejectNul(text);
        notes.addAll(body.notes());
        return new Reply(
                firstId(message, "Message-ID"),
                firstId(message, "In-Reply-To"),
                ids(message, "References"),
                from(message),
                subject,
                sentDate(message),
                text,
                OwnText.extract(text),
                body.attachments(),
                notes,
                AutomaticMail.reason(message, subject).orElse(null));
    }

    private static void rejectLongSubject(String rawSubject) {
        if (rawSubject == null) {
            return;
        }
        long words = ENCODED_WORD.matcher(rawSubject).results().count();
        if (words > MAX_ENCODED_WORDS) {
            throw new UnreadableReplyException("reply subject has " + words + " encoded words, more than the "
                    + MAX_ENCODED_WORDS + " a mail client writes; an analyst reads the message and applies it by"
                    + " hand");
        }
    }

    private static void rejectManyParts(Part message) throws MessagingException, IOException {
        int parts = countParts(message, 0);
        if (parts > MAX_PARTS) {
            throw new UnreadableReplyException("reply has " + parts + " MIME parts, more than the " + MAX_PARTS
                    + " a reply needs; an analyst reads the message and applies it by hand");
        }
    }

    /** Counts the leaf parts, stopping once the count is far past the limit. */
    private static int countParts(Part part, int counted) throws MessagingException, IOException {
        if (!part.isMimeType("multipart/*") || !(part.getContent() instanceof Multipart multipart)) {
            return counted + 1;
        }
        int total = counted;
        for (int i = 0; i < multipart.getCount() && total <= MAX_PARTS * 100; i++) {
            total = countParts(multipart.getBodyPart(i), total);
        }
        return total;
    }

    private static void rejectNul(String text) {
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            throw new UnreadableReplyException("reply text contains a NUL character (at character " + (nul + 1)
                    + "), which no mail client writes into a text; an analyst reads the message and applies it by"
                    + " hand");
        }
    }

    private static String from(MimeMessage message) throws MessagingException {
        String raw = PartContent.firstHeader(message, "From");
        if (raw != null) {
            String address = firstAddress(raw);
            if (address != null) {
                return address.toLowerCase(Locale.ROOT);
            }
        }
        throw new UnreadableReplyException("reply has no sender address in its From header, so it cannot be"
                + " matched to a registered contact; an analyst must identify the sender");
    }

    private static String firstAddress(String raw) {
        try {
            for (InternetAddress address : InternetAddress.parseHeader(raw, false)) {
                if (address.getAddress() != null && address.getAddress().contains("@")) {
                    return address.getAddress().strip();
                }
            }
        } catch (AddressException e) {
            // Broken display names are common in old clients; the address itself still shows.
            LOG.debug("From header is invalid at position {}, looking for the address by pattern", e.getPos());
        }
        Matcher matcher = ADDRESS.matcher(raw);
        return matcher.find() ? matcher.group() : null;
    }

    private static String firstId(MimeMessage message, String header) throws MessagingException {
        List<String> ids = ids(message, header);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        String raw = PartContent.firstHeader(message, header);
        // Some old clients write the id without angle brackets.
        return raw == null || raw.isBlank() ? null : "<" + raw.strip() + ">";
    }

    private static List<String> ids(MimeMessage message, String header) throws MessagingException {
        List<String> ids = new ArrayList<>();
        String[] values = message.getHeader(header);
        if (values != null) {
            for (String value : values) {
                Matcher matcher = MESSAGE_ID.matcher(value);
                while (matcher.find()) {
                    ids.add(matcher.group());
                }
            }
        }
        return ids;
    }

    private static Instant sentDate(MimeMessage message) {
        try {
            Date date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException e) {
            return null; // an unreadable Date header leaves the receive time to the caller
        }
    }
}
