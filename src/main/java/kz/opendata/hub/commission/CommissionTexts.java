package kz.opendata.hub.commission;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import kz.opendata.hub.approval.ApprovalTexts;
import kz.opendata.hub.approval.Letter;
import org.springframework.stereotype.Component;

/**
 * Writes the commission round's letters in Kazakh, Russian or English from the bundle {@code
 * messages/commission}: the package for both bodies, the recommendations for an agency, and the
 * agency's answers for both bodies. Placeholders are written {@code {name}} and replaced
 * literally.
 */
@Component
class CommissionTexts {

    private static final String INDENT = "    ";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** A passport line of the package letter. */
    record PackagePassport(long id, String title, String agency, String dataset, int version, String status) {}

    Letter packageLetter(String language, CommissionSummary summary, List<PackagePassport> passports) {
        ResourceBundle texts = bundle(language);
        CommissionSummary.Totals totals = summary.totals();
        Map<String, String> counts = Map.of(
                "agencies", String.valueOf(totals.agencies()),
                "unloads", String.valueOf(totals.unloads()),
                "candidates", String.valueOf(totals.candidates()),
                "passports", String.valueOf(totals.passports()),
                "restricted", String.valueOf(totals.restrictedColumns()),
                "review", String.valueOf(totals.reviewColumns()));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(texts.getString("greeting"));
        paragraphs.add(wrap(fill(texts.getString("package.intro"), counts)));
        paragraphs.add(passportList(texts, passports));
        paragraphs.add(wrap(texts.getString("package.howto")));
        paragraphs.add(wrap(texts.getString("footer")));
        String subject = fill(texts.getString("package.subject"), Map.of("title", summary.title()));
        return new Letter(subject, String.join("\n\n", paragraphs) + "\n");
    }

    Letter recommendationsLetter(
            String language,
            String agency,
            String title,
            int version,
            String token,
            List<CommissionRepository.Recommendation> recommendations) {
        ResourceBundle texts = bundle(language);
        Map<String, String> values = Map.of("agency", agency, "title", title, "version", String.valueOf(version));
        StringBuilder list = new StringBuilder(wrap(fill(texts.getString("recommendations.intro"), values)));
        for (CommissionRepository.Recommendation recommendation : recommendations) {
            list.append('\n')
                    .append(ApprovalTexts.wrap(recommendation.number() + ". " + recommendation.text(), INDENT));
        }
        List<String> paragraphs = List.of(
                texts.getString("greeting"),
                list.toString(),
                wrap(texts.getString("recommendations.howto")),
                wrap(texts.getString("footer")));
        String subject = "[ODH-" + token + "] " + fill(texts.getString("recommendations.subject"), values);
        return new Letter(subject, String.join("\n\n", paragraphs) + "\n");
    }

    Letter answersLetter(
            String language,
            String agency,
            long passportId,
            String title,
            int version,
            List<CommissionRepository.Recommendation> answered,
            LocalDate received,
            String messageId) {
        ResourceBundle texts = bundle(language);
        Map<String, String> values = Map.of(
                "agency", agency, "title", title, "version", String.valueOf(version), "id", String.valueOf(passportId));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(texts.getString("greeting"));
        paragraphs.add(wrap(fill(texts.getString("answers.intro"), values)));
        for (CommissionRepository.Recommendation recommendation : answered) {
            paragraphs.add(answer(texts, recommendation));
        }
        paragraphs.add(wrap(fill(
                texts.getString("answers.source"), Map.of("date", DATE.format(received), "messageId", messageId))));
        paragraphs.add(wrap(texts.getString("footer")));
        return new Letter(fill(texts.getString("answers.subject"), values), String.join("\n\n", paragraphs) + "\n");
    }

    private static String answer(ResourceBundle texts, CommissionRepository.Recommendation recommendation) {
        String decision = texts.getString(
                CommissionRepository.ACCEPTED.equals(recommendation.answer())
                        ? "answers.accepted"
                        : "answers.rejected");
        String reason = recommendation.answerReason() == null
                ? texts.getString("answers.noReason")
                : recommendation.answerReason();
        return String.join(
                "\n",
                wrap(fill(
                        texts.getString("answers.item"),
                        Map.of(
                                "number",
                                String.valueOf(recommendation.number()),
                                "recommendation",
                                recommendation.text()))),
                ApprovalTexts.wrap(fill(texts.getString("answers.decision"), Map.of("decision", decision)), INDENT),
                ApprovalTexts.wrap(fill(texts.getString("answers.reason"), Map.of("reason", reason)), INDENT));
    }

    private static String passportList(ResourceBundle texts, List<PackagePassport> passports) {
        if (passports.isEmpty()) {
            return wrap(texts.getString("package.none"));
        }
        StringBuilder list = new StringBuilder(texts.getString("package.passports"));
        for (PackagePassport passport : passports) {
            String line = fill(
                    texts.getString("package.passport"),
                    Map.of(
                            "id", String.valueOf(passport.id()),
                            "title", passport.title(),
                            "agency", passport.agency(),
                            "dataset", passport.dataset(),
                            "version", String.valueOf(passport.version()),
                            "status", passport.status()));
            list.append('\n').append(ApprovalTexts.wrap(line, INDENT));
        }
        return list.toString();
    }

    private static ResourceBundle bundle(String language) {
        if (!List.of("kk", "ru", "en").contains(language)) {
            throw new IllegalArgumentException("language '" + language + "' is not supported; use kk, ru or en");
        }
        // The no-fallback control keeps a JVM in a Russian locale from serving English with Russian.
        return ResourceBundle.getBundle(
                "messages.commission",
                Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }

    private static String wrap(String paragraph) {
        return ApprovalTexts.wrap(paragraph, "");
    }
}
