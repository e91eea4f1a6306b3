package kz.opendata.hub.analysis.types;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Russian and Kazakh month names, in the nominative and (Russian) genitive forms used in dates. */
final class MonthNames {

    private static final List<List<String>> NAMES = List.of(
            List.of("январь", "января", "қаңтар", "каңтар", "кантар"),
            List.of("февраль", "февраля", "ақпан", "акпан"),
            List.of("март", "марта", "наурыз"),
            List.of("апрель", "апреля", "сәуір", "сауир", "сәуiр"),
            List.of("май", "мая", "мамыр"),
            List.of("июнь", "июня", "маусым"),
            List.of("июль", "июля", "шілде", "шилде"),
            List.of("август", "августа", "тамыз"),
            List.of("сентябрь", "сентября", "қыркүйек", "кыркуйек"),
            List.of("октябрь", "октября", "қазан", "казан"),
            List.of("ноябрь", "ноября", "қараша", "караша"),
            List.of("декабрь", "декабря", "желтоқсан", "желтоксан"));

    private static final Map<String, Integer> MONTHS = index();

    private MonthNames() {}

    /** Returns the month number 1..12 of a name, or 0 when the word is not a month. */
    static int month(String word) {
        return MONTHS.getOrDefault(word.toLowerCase(Locale.ROOT), 0);
    }

    private static Map<String, Integer> index() {
        Map<String, Integer> months = new HashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            for (String name : NAMES.get(i)) {
                months.put(name, i + 1);
            }
        }
        return Map.copyOf(months);
    }
}
