package kz.opendata.hub.passport;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import kz.opendata.hub.analysis.ColumnReport;
import kz.opendata.hub.passport.DraftInput.PublishedColumn;

/**
 * Infers how often a data set is updated from the time columns of its unload. Years as column
 * headers or a year column mean a yearly series, and a month column a monthly one. Date columns
 * are judged by the typical gap between their dates. A table without any of these is a directory,
 * updated as needed.
 */
final class FrequencyInference {

    private static final Pattern YEAR_HEADER = Pattern.compile("(19|20)\\d{2}(\\.0+)?");
    private static final List<String> MONTH_WORDS = List.of("месяц", "ай", "айы", "month");
    private static final List<String> QUARTER_WORDS = List.of("квартал", "тоқсан", "quarter");
    private static final List<String> HALF_YEAR_WORDS = List.of("полугод", "жартыжылдық", "half");
    private static final List<String> YEAR_WORDS = List.of("год", "года", "жыл", "жылы", "year");

    private FrequencyInference() {}

    static Inferred<UpdateFrequency> infer(DraftInput input) {
        List<String> yearHeaders = yearHeaders(input);
        if (yearHeaders.size() >= 2) {
            return new Inferred<>(
                    UpdateFrequency.YEARLY,
                    yearHeaders.size() + " column headers are years (" + yearHeaders.get(0) + " to "
                            + yearHeaders.get(yearHeaders.size() - 1) + "): a yearly series");
        }
        return byColumnNames(input)
                .or(() -> byDates(input))
                .orElse(new Inferred<>(
                        UpdateFrequency.AS_NEEDED,
                        "no period, year or date column: a directory, updated when its contents change"));
    }

    private static List<String> yearHeaders(DraftInput input) {
        List<String> headers = new ArrayList<>();
        for (ColumnReport column : input.report().columns()) {
            if (column.name() != null
                    && YEAR_HEADER.matcher(column.name().strip()).matches()) {
                headers.add(column.name().strip());
            }
        }
        return headers;
    }

    // The finest period named by a column wins: a table with a year and a month column is monthly.
    private static Optional<Inferred<UpdateFrequency>> byColumnNames(DraftInput input) {
        for (PublishedColumn column : input.columns()) {
            if ("yearmonth".equals(column.type()) || Words.containAny(column.name(), MONTH_WORDS)) {
                return Optional.of(named(UpdateFrequency.MONTHLY, column, "a month column"));
            }
        }
        for (PublishedColumn column : input.columns()) {
            if (Words.containAny(column.name(), QUARTER_WORDS)) {
                return Optional.of(named(UpdateFrequency.QUARTERLY, column, "a quarter column"));
            }
        }
        for (PublishedColumn column : input.columns()) {
            if (Words.containAny(column.name(), HALF_YEAR_WORDS)) {
                return Optional.of(named(UpdateFrequency.HALF_YEARLY, column, "a half-year column"));
            }
        }
        return input.columns().stream()
                .filter(FrequencyInference::isYearColumn)
                .findFirst()
                .map(column -> named(UpdateFrequency.YEARLY, column, "a year column"));
    }

    private static boolean isYearColumn(PublishedColumn column) {
        if ("year".equals(column.type())) {
            return true;
        }
        return "integer".equals(column.type())
                && Words.containAny(column.name(), YEAR_WORDS)
                && isYear(column.report().min())
                && isYear(column.report().max());
    }

    private static boolean isYear(String value) {
        return value != null && YEAR_HEADER.matcher(value.strip()).matches();
    }

    private static Inferred<UpdateFrequency> named(UpdateFrequency frequency, PublishedColumn column, String what) {
        return new Inferred<>(frequency, "column '" + column.name() + "' is " + what);
    }

    private static Optional<Inferred<UpdateFrequency>> byDates(DraftInput input) {
        for (PublishedColumn column : input.columns()) {
            if (!column.underReview() && ("date".equals(column.type()) || "datetime".equals(column.type()))) {
                Optional<Long> gap =
                        typicalGapDays(DateShapes.dates(input.sample().values(column.index())));
                if (gap.isPresent()) {
                    return Optional.of(new Inferred<>(
                            fromGap(gap.get()),
                            "the typical gap between dates in column '" + column.name() + "' is " + gap.get()
                                    + " days"));
                }
            }
        }
        return Optional.empty();
    }

    /** Median gap between distinct dates; empty with fewer than three distinct dates. */
    static Optional<Long> typicalGapDays(List<LocalDate> dates) {
        List<LocalDate> distinct = new ArrayList<>(new TreeSet<>(dates));
        if (distinct.size() < 3) {
            return Optional.empty();
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < distinct.size(); i++) {
            gaps.add(ChronoUnit.DAYS.between(distinct.get(i - 1), distinct.get(i)));
        }
        gaps.sort(null);
        return Optional.of(gaps.get(gaps.size() / 2));
    }

    static UpdateFrequency fromGap(long days) {
        if (days <= 1) {
            return UpdateFrequency.DAILY;
        } else if (days <= 8) {
            return UpdateFrequency.WEEKLY;
        } else if (days <= 35) {
            return UpdateFrequency.MONTHLY;
        } else if (days <= 100) {
            return UpdateFrequency.QUARTERLY;
        } else if (days <= 200) {
            return UpdateFrequency.HALF_YEARLY;
        } else if (days <= 400) {
            return UpdateFrequency.YEARLY;
        }
        return UpdateFrequency.AS_NEEDED;
    }
}
