package kz.opendata.hub.passport;

import java.util.List;
import java.util.Locale;

/**
 * Beginnings of the names of Kazakhstan's regions and cities of republican significance, in
 * Kazakh, Russian and the Latin spellings statistics tables use, to recognise a column of region
 * names.
 */
final class KazakhstanRegions {

    private static final List<String> NAME_STARTS = List.of(
            "республика казахстан",
            "қазақстан республикасы",
            "kazakhstan",
            "казахстан",
            "қазақстан",
            "абай",
            "abai",
            "abay",
            "акмол",
            "ақмол",
            "akmol",
            "актюб",
            "ақтөбе",
            "aktob",
            "aqtob",
            "алмат",
            "almat",
            "атырау",
            "atyrau",
            "восточно-казахстан",
            "шығыс қазақстан",
            "east kazakhstan",
            "жамбыл",
            "zhambyl",
            "jambyl",
            "жетісу",
            "жетысу",
            "zhetysu",
            "jetisu",
            "западно-казахстан",
            "батыс қазақстан",
            "west kazakhstan",
            "караганд",
            "қарағанды",
            "karagand",
            "qaragand",
            "костанай",
            "қостанай",
            "kostanay",
            "qostanai",
            "кызылорд",
            "қызылорда",
            "kyzylord",
            "qyzylord",
            "мангист",
            "маңғыстау",
            "mangist",
            "mangyst",
            "павлодар",
            "pavlodar",
            "северо-казахстан",
            "солтүстік қазақстан",
            "north kazakhstan",
            "туркестан",
            "түркістан",
            "turkestan",
            "turkistan",
            "south kazakhstan",
            "южно-казахстан",
            "оңтүстік қазақстан",
            "ұлытау",
            "улытау",
            "ulytau",
            "шымкент",
            "shymkent",
            "астана",
            "astana",
            "нур-султан",
            "nur-sultan");

    private KazakhstanRegions() {}

    /** True when at least half of the distinct values begin like a region's name. */
    static boolean mostlyRegions(List<String> values) {
        List<String> distinct = values.stream()
                .map(value -> value.strip().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        if (distinct.isEmpty()) {
            return false;
        }
        long regions = distinct.stream().filter(KazakhstanRegions::isRegion).count();
        return regions * 2 >= distinct.size();
    }

    private static boolean isRegion(String value) {
        return NAME_STARTS.stream().anyMatch(value::startsWith);
    }
}
