package kz.opendata.hub.approval;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the approval e-mail for one passport version needs.
 *
 * @param passportId id of the passport in the hub's store
 * @param version passport version to approve
 * @param token reply token issued by {@link ReplyTokens#issue(long, int)} for this version
 * @param language agency's language for the letter: {@code kk}, {@code ru} or {@code en}
 * @param agencyName agency's name as the letter addresses it, in that language
 * @param datasetTitle data set title by language code; the agency's language is used first,
 *     then Russian, Kazakh, English
 * @param from the hub's sender address, such as {@code opendata@integrator.kz}
 * @param to addresses of the agency's registered approval contacts
 * @param host host name that makes the Message-ID unique, such as {@code hub.integrator.kz}
 * @param attachments the passport documents, usually the PDF and the JSON
 */
public record ApprovalRequest(
        long passportId,
        int version,
        String token,
        String language,
        String agencyName,
        Map<String, String> datasetTitle,
        String from,
        List<String> to,
        String host,
        List<MailAttachment> attachments) {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+");

    public ApprovalRequest {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(agencyName, "agencyName");
        Objects.requireNonNull(from, "from");
        ApprovalMessages.requireLanguage(language);
        datasetTitle = Map.copyOf(datasetTitle);
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
        if (datasetTitle.isEmpty()) {
            throw new IllegalArgumentException("passport " + passportId + ": data set title is"
                    + " missing in every language; fill the passport's general.fullName");
        }
        if (to.isEmpty()) {
            throw new IllegalArgumentException("passport " + passportId + ": the agency has no"
                    + " approval contact; register one in the agency registry");
        }
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("Message-ID host '" + host + "' is invalid; use"
                    + " the hub's DNS name, letters, digits, dots and hyphens only");
        }
    }

    /** Returns the title in the agency's language, or the first available by preference. */
    String title() {
        for (String code : List.of(language, "ru", "kk", "en")) {
            String title = datasetTitle.get(code);
            if (title != null && !title.isBlank()) {
                return title.strip();
            }
        }
        return datasetTitle.values().iterator().next().strip();
    }
}
