package kz.opendata.hub.approval;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes the approval request, the reminder and the reply to an unregistered sender in the
 * agency's language, from the bundle {@code messages/approval}.
 */
@Component
public class ApprovalTexts {

    private static final int LINE_WIDTH = 76;
    private static final String ITEM_INDENT = "    ";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** Writes the request for approval that {@link ApprovalMailComposer} sends. */
    public Letter request(ApprovalRequest request) {
        ApprovalMessages messages = ApprovalMessages.of(request.language());
        Map<String, String> values = Map.of(
                "agency", request.agencyName(),
                "title", request.title(),
                "version", Integer.toString(request.version()),
                "token", request.token());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(messages.text("request.greeting"));
        paragraphs.add(messages.text("request.ask", values));
        paragraphs.add(howToAnswer(messages, values));
        paragraphs.add(messages.text("request.edit"));
        paragraphs.add(messages.text("request.sender"));
        paragraphs.add(messages.text("request.languages"));
        paragraphs.add(messages.text("request.footer"));
        return new Letter(subject(request.token(), messages.text("request.subject", values)), join(paragraphs));
    }

    /**
     * Writes a reminder about an unanswered request; send it as a reply to the request so that
     * the agency's reply threads with both.
     *
     * @param sent the day the request was sent, written dd.MM.yyyy in the letter
     */
    public Letter reminder(
            String language, String agencyName, String datasetTitle, int version, String token, LocalDate sent) {
        ApprovalMessages messages = ApprovalMessages.of(language);
        Map<String, String> values = Map.of(
                "agency", agencyName,
                "title", datasetTitle,
                "version", Integer.toString(version),
                "token", token,
                "sent", DATE.format(sent));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(messages.text("request.greeting"));
        paragraphs.add(messages.text("reminder.intro", values));
        paragraphs.add(howToAnswer(messages, values));
        paragraphs.add(messages.text("request.sender"));
        paragraphs.add(messages.text("request.footer"));
        return new Letter(subject(token, messages.text("reminder.subject", values)), join(paragraphs));
    }

    /**
     * Writes the response to a reply from an address that is not a registered approval contact.
     * It names no passport and no agency, because the sender's right to see them is unknown.
     */
    public Letter unregisteredSender(String language) {
        ApprovalMessages messages = ApprovalMessages.of(language);
        String body = join(List.of(messages.text("unregistered.body"), messages.text("unregistered.fix")));
        return new Letter(messages.text("unregistered.subject"), body);
    }

    /** Writes the same response in Kazakh, Russian and English, for a sender of unknown language. */
    public Letter unregisteredSenderAllLanguages() {
        List<String> subjects = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (String language : ApprovalMessages.LANGUAGES) {
            Letter letter = unregisteredSender(language);
            subjects.add(letter.subject());
            bodies.add(letter.body());
        }
        return new Letter(String.join(" / ", subjects), String.join("\n\n", bodies));
    }

    private static String howToAnswer(ApprovalMessages messages, Map<String, String> values) {
        StringBuilder text = new StringBuilder(wrap(messages.text("request.howto", values), ""));
        for (String key : List.of("request.approve", "request.reject", "request.changes")) {
            text.append('\n').append(wrap(messages.text(key), ITEM_INDENT));
        }
        return text.toString();
    }

    private static String subject(String token, String text) {
        return "[ODH-" + token + "] " + text;
    }

    private static String join(List<String> paragraphs) {
        List<String> wrapped = new ArrayList<>();
        for (String paragraph : paragraphs) {
            wrapped.add(paragraph.contains("\n") ? paragraph : wrap(paragraph, ""));
        }
        return String.join("\n\n", wrapped) + "\n";
    }

    /** Wraps at spaces so that no line exceeds 76 characters unless one word alone does. */
    public static String wrap(String paragraph, String indent) {
        StringBuilder text = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : paragraph.strip().split(" +")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > LINE_WIDTH) {
                text.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        return text.append(line).toString();
    }
}
