package kz.opendata.hub.analysis.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds full names of people written in Cyrillic, or in Latin letters as passports spell them.
 *
 * <p>A value is a name when it is two to four capitalised words and one of these holds: a
 * patronymic ends in -ович, -евич, -ич, -овна, -евна, -ична, or the Kazakh -ұлы, -улы, -қызы,
 * -кызы (attached or as a separate fourth word); a surname comes with initials
 * ({@code Иванова Н.Н.}); or a surname with a typical ending comes with a given name from the
 * bundled list of common Kazakh and Russian given names.
 *
 * <p>Latin names ({@code Nurlan Abenov}, {@code IVANOVA ANNA SERGEEVNA}) follow the same rules with
 * Latin endings: patronymics in -ovich, -evich, -ovna, -evna, -ichna, -uly, -kyzy, and surnames in
 * -ov, -ev, -in, -sky, -enko and the like beside a given name from the bundled list spelled in
 * Latin letters ({@link LatinNames}). Words may be capitalised or all in capitals.
 */
final class PersonNameDetector implements ValueDetector {

    static final String KIND = "person-name";

    private static final String UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ";
    private static final String UPPER_LETTERS = "ЁӘҒҚҢӨҰҮҺІ";
    private static final String LOWER = "а-яёәғқңөұүһі";
    private static final String WORD = "[" + UPPER + "][" + LOWER + "]+(?:-[" + UPPER + "][" + LOWER + "]+)?";
    private static final Pattern NAME_WORD = Pattern.compile(WORD);
    private static final String INITIALS = "[" + UPPER + "]\\.\\s?(?:[" + UPPER + "]\\.)?";
    private static final Pattern WITH_INITIALS =
            Pattern.compile(WORD + "\\s+" + INITIALS + "|" + INITIALS + "\\s*" + WORD);
    private static final List<String> PATRONYMIC_ENDINGS =
            List.of("ович", "евич", "ьич", "овна", "евна", "ична", "ұлы", "улы", "қызы", "кызы");
    private static final Set<String> KAZAKH_PARTICLES = Set.of("ұлы", "улы", "қызы", "кызы");
    private static final List<String> SURNAME_ENDINGS = List.of(
            "ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына", "ский", "ская", "цкий", "цкая", "енко",
            "ук", "юк", "ян", "дзе");

    private static final String LATIN_WORD = "(?:[A-Z][a-z]+|[A-Z]{2,})(?:-(?:[A-Z][a-z]+|[A-Z]{2,}))?";
    private static final Pattern LATIN_NAME_WORD = Pattern.compile(LATIN_WORD);
    private static final List<String> LATIN_PATRONYMIC_ENDINGS =
            List.of("ovich", "evich", "ovna", "evna", "ichna", "uly", "kyzy", "qyzy");
    private static final Set<String> LATIN_KAZAKH_PARTICLES = Set.of("uly", "kyzy", "qyzy");
    private static final List<String> LATIN_SURNAME_ENDINGS = List.of(
            "ov", "ev", "in", "yn", "ova", "eva", "ina", "yna", "sky", "skiy", "skii", "skaya", "tsky", "tskiy",
            "tskaya", "enko", "uk", "yuk", "iuk", "yan", "dze", "uly", "kyzy");

    private final Set<String> givenNames;
    private final Set<String> latinGivenNames;

    PersonNameDetector(Set<String> givenNames) {
        this.givenNames = givenNames;
        this.latinGivenNames = LatinNames.spell(givenNames);
    }

    /** Loads the bundled given-name list. */
    static PersonNameDetector withBundledNames() {
        return new PersonNameDetector(readNames("/analysis/given-names.txt"));
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Returns what every match has: 4 to 80 characters, letters and no digit. */
    @Override
    public Precondition precondition() {
        return Precondition.of(4, 80, 0, 0).withLetter();
    }

    @Override
    public boolean matches(String value) {
        if (value.length() < 4 || value.length() > 80) {
            return false;
        }
        if (isUpperLatin(value.charAt(0))) {
            return matchesLatin(value);
        }
        if (!isUpperCyrillic(value.charAt(0)) && !isUpperCyrillic(value.charAt(value.length() - 1))) {
            return false;
        }
        String text = value.contains("  ") || value.indexOf('\t') >= 0 ? value.replaceAll("\\s+", " ") : value;
        if (text.indexOf(' ') < 0 && text.indexOf('.') < 0) {
            return false;
        }
        if (text.indexOf('.') >= 0 && WITH_INITIALS.matcher(text).matches()) {
            return true;
        }
        String[] words = text.split(" ");
        if (words.length == 4 && KAZAKH_PARTICLES.contains(words[3].toLowerCase(Locale.ROOT))) {
            words = new String[] {words[0], words[1], words[2] + words[3]};
        }
        if (words.length < 2 || words.length > 3 || !allNameWords(words)) {
            return false;
        }
        if (words.length == 3 && (isPatronymic(words[2]) || isPatronymic(words[1]))) {
            return true;
        }
        return isSurnameWithGivenName(words[0], words[1]) || isSurnameWithGivenName(words[words.length - 1], words[0]);
    }

    /** Keeps the first letter of each word: {@code И*** Н*** Н***}. */
    @Override
    public String mask(String value) {
        StringBuilder masked = new StringBuilder();
        for (String word : value.strip().split("[\\s.]+")) {
            if (!word.isEmpty()) {
                masked.append(masked.isEmpty() ? "" : " ")
                        .append(word.charAt(0))
                        .append("***");
            }
        }
        return masked.toString();
    }

    /** Checks a name in Latin letters; initials are left out, since many Latin words stand beside them. */
    private boolean matchesLatin(String value) {
        String[] words = value.strip().split("\\s+");
        if (words.length == 4 && LATIN_KAZAKH_PARTICLES.contains(words[3].toLowerCase(Locale.ROOT))) {
            words = new String[] {words[0], words[1], words[2] + words[3].toLowerCase(Locale.ROOT)};
        }
        if (words.length < 2 || words.length > 3 || !allLatinNameWords(words)) {
            return false;
        }
        if (words.length == 3 && (isLatinPatronymic(words[2]) || isLatinPatronymic(words[1]))) {
            return true;
        }
        return isLatinSurnameWithGivenName(words[0], words[1])
                || isLatinSurnameWithGivenName(words[words.length - 1], words[0]);
    }

    private static boolean isUpperLatin(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean allLatinNameWords(String[] words) {
        for (String word : words) {
            if (!LATIN_NAME_WORD.matcher(word).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLatinPatronymic(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.length() > 5 && LATIN_PATRONYMIC_ENDINGS.stream().anyMatch(lower::endsWith);
    }

    private boolean isLatinSurnameWithGivenName(String surname, String givenName) {
        String lower = surname.toLowerCase(Locale.ROOT);
        return lower.length() > 3
                && latinGivenNames.contains(givenName.toLowerCase(Locale.ROOT))
                && !latinGivenNames.contains(lower)
                && LATIN_SURNAME_ENDINGS.stream().anyMatch(lower::endsWith);
    }

    private static boolean isUpperCyrillic(char c) {
        return UPPER_LETTERS.indexOf(c) >= 0 || c >= 'А' && c <= 'Я';
    }

    private static boolean allNameWords(String[] words) {
        for (String word : words) {
            if (!NAME_WORD.matcher(word).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPatronymic(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.length() > 5 && PATRONYMIC_ENDINGS.stream().anyMatch(lower::endsWith);
    }

    private boolean isSurnameWithGivenName(String surname, String givenName) {
        String lower = surname.toLowerCase(Locale.ROOT);
        return givenNames.contains(givenName.toLowerCase(Locale.ROOT))
                && SURNAME_ENDINGS.stream().anyMatch(lower::endsWith);
    }

    private static Set<String> readNames(String resource) {
        try (InputStream in = PersonNameDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the build");
            }
            Set<String> names = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(names::add);
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
