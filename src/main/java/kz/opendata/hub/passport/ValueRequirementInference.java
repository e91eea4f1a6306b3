package kz.opendata.hub.passport;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.opendata.hub.analysis.ColumnReport;
import kz.opendata.hub.analysis.ColumnReport.ValueCount;
import kz.opendata.hub.analysis.detect.EmbeddedValues;
import kz.opendata.hub.passport.DraftInput.PublishedColumn;
import kz.opendata.hub.passport.Passport.Constraint;
import kz.opendata.hub.passport.Passport.ValueRequirement;

/**
 * Infers requirements on attribute values (passport item 2.2) from the column profiles: patterns
 * for codes, ranges for numbers and dates, allowed values for columns with few distinct values.
 * Columns under review get none, because a requirement would show their values.
 */
final class ValueRequirementInference {

    static final int MAX_ALLOWED_VALUES = 30;

    private static final Map<String, Integer> CODE_DIGITS = Map.of("iin", 12, "bin", 12, "kato", 9);
    private static final Set<String> NUMERIC_TYPES = Set.of("integer", "number", "year");
    private static final Set<String> TIME_TYPES = Set.of("date", "datetime", "yearmonth", "time");
    private static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    private static final String URL_PATTERN = "https?://\\S+";

    private final PassportMessages messages;

    ValueRequirementInference(PassportMessages messages) {
        this.messages = messages;
    }

    List<ValueRequirement> infer(DraftInput input) {
        return input.columns().stream()
                .filter(column -> !column.underReview())
                .map(column -> requirement(input, column))
                .flatMap(Optional::stream)
                .toList();
    }

    private Optional<ValueRequirement> requirement(DraftInput input, PublishedColumn column) {
        return pattern(input, column)
                .or(() -> range(column))
                .or(() -> allowedValues(input, column))
                .map(rule -> new ValueRequirement(column.technicalName(), rule.text(), rule.constraint()));
    }

    private Optional<Rule> pattern(DraftInput input, PublishedColumn column) {
        String semanticType = column.semanticType() == null ? "" : column.semanticType();
        if (CODE_DIGITS.containsKey(semanticType)) {
            return Optional.of(digits(CODE_DIGITS.get(semanticType)));
        } else if ("email".equals(semanticType)) {
            return Optional.of(
                    new Rule(new Constraint(EMAIL_PATTERN, null, null, null), messages.all("requirement.email")));
        } else if ("url".equals(semanticType)) {
            return Optional.of(
                    new Rule(new Constraint(URL_PATTERN, null, null, null), messages.all("requirement.url")));
        }
        return fixedLengthDigits(input, column);
    }

    // Codes kept as text to preserve leading zeros: every sampled value is digits of one length.
    private Optional<Rule> fixedLengthDigits(DraftInput input, PublishedColumn column) {
        ColumnReport report = column.report();
        if (!"string".equals(column.type())
                || report.minLength() == null
                || !report.minLength().equals(report.maxLength())) {
            return Optional.empty();
        }
        List<String> values = input.shownValues(column);
        if (values.isEmpty() || !values.stream().allMatch(value -> value.chars().allMatch(Character::isDigit))) {
            return Optional.empty();
        }
        return Optional.of(digits(report.minLength()));
    }

    private Rule digits(int count) {
        return new Rule(
                new Constraint("[0-9]{" + count + "}", null, null, null), messages.all("requirement.digits", count));
    }

    private Optional<Rule> range(PublishedColumn column) {
        ColumnReport report = column.report();
        boolean ordered = NUMERIC_TYPES.contains(column.type()) || TIME_TYPES.contains(column.type());
        if (!ordered || report.min() == null || report.max() == null) {
            return Optional.empty();
        }
        return Optional.of(new Rule(
                new Constraint(null, report.min(), report.max(), null),
                messages.all("requirement.range", report.min(), report.max())));
    }

    private Optional<Rule> allowedValues(DraftInput input, PublishedColumn column) {
        ColumnReport report = column.report();
        List<ValueCount> top = report.topValues() == null ? List.of() : report.topValues();
        long filled = input.report().rowCount() - report.nullCount();
        boolean categorical = "string".equals(column.type())
                && !report.unique()
                && report.distinctCount() >= 2
                && report.distinctCount() <= MAX_ALLOWED_VALUES
                && top.size() == report.distinctCount()
                && filled > report.distinctCount();
        if (!categorical) {
            return Optional.empty();
        }
        List<String> values = top.stream().map(ValueCount::value).sorted().toList();
        // A list of allowed values quotes every value, so one that masking would change, such as a
        // phone number no detector took for a contact, leaves the rule out.
        if (values.stream().anyMatch(value -> !EmbeddedValues.mask(value).equals(value))) {
            return Optional.empty();
        }
        return Optional.of(new Rule(
                new Constraint(null, null, null, values),
                messages.all("requirement.allowed", String.join("; ", values))));
    }

    /** A constraint with its text for people. */
    private record Rule(Constraint constraint, Map<String, String> text) {}
}
