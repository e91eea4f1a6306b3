package kz.opendata.hub.passport;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Written forms of dates found in unloads, with their Table Schema format (a strptime pattern,
 * null for ISO 8601, which Table Schema reads by default).
 */
final class DateShapes {

    static final List<Shape> SHAPES = List.of(
            new Shape("\\d{4}-\\d{2}-\\d{2}", null, "yyyy-MM-dd"),
            new Shape("\\d{2}\\.\\d{2}\\.\\d{4}", "%d.%m.%Y", "dd.MM.yyyy"),
            new Shape("\\d{2}/\\d{2}/\\d{4}", "%d/%m/%Y", "dd/MM/yyyy"),
            new Shape("\\d{4}\\.\\d{2}\\.\\d{2}", "%Y.%m.%d", "yyyy.MM.dd"),
            new Shape(
                    "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?",
                    null, "yyyy-MM-dd'T'HH:mm:ss"),
            new Shape("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}", "%Y-%m-%d %H:%M:%S", "yyyy-MM-dd HH:mm:ss"),
            new Shape("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}", "%d.%m.%Y %H:%M:%S", "dd.MM.yyyy HH:mm:ss"),
            new Shape("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}", "%d.%m.%Y %H:%M", "dd.MM.yyyy HH:mm"),
            new Shape("\\d{4}-\\d{2}", null, "yyyy-MM"));

    private DateShapes() {}

    /** Returns the one shape every value has, or empty when the values are absent or mixed. */
    static Optional<Shape> common(List<String> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        for (Shape shape : SHAPES) {
            if (values.stream().allMatch(shape::fits)) {
                return Optional.of(shape);
            }
        }
        return Optional.empty();
    }

    /** Parses the values that have a known shape into calendar dates, in input order. */
    static List<LocalDate> dates(List<String> values) {
        List<LocalDate> dates = new ArrayList<>();
        for (String value : values) {
            for (Shape shape : SHAPES) {
                if (shape.fits(value)) {
                    shape.date(value).ifPresent(dates::add);
                    break;
                }
            }
        }
        return dates;
    }

    /**
     * One written form.
     *
     * @param tableSchemaFormat strptime pattern for the Table Schema {@code format}, null for ISO
     * @param javaPattern the same form for {@link DateTimeFormatter}
     */
    record Shape(String regex, String tableSchemaFormat, String javaPattern) {

        boolean fits(String value) {
            return Pattern.matches(regex, value);
        }

        Optional<LocalDate> date(String value) {
            String text = value;
            String pattern = javaPattern;
            if (pattern.equals("yyyy-MM")) {
                text = value + "-01";
                pattern = "yyyy-MM-dd";
            } else if (pattern.startsWith("yyyy-MM-dd'T'")) {
                // Fractions of seconds and offsets do not change the calendar date.
                text = value.substring(0, "yyyy-MM-ddTHH:mm:ss".length());
            }
            try {
                TemporalAccessor parsed = DateTimeFormatter.ofPattern(pattern).parse(text);
                return Optional.of(LocalDate.from(parsed));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
