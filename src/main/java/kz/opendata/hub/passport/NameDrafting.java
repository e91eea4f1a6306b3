package kz.opendata.hub.passport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kz.opendata.hub.analysis.Source;
import kz.opendata.hub.passport.DraftInput.PublishedColumn;

/**
 * Drafts the names, description and keywords of a data set from its file and sheet names and its
 * columns. The results are starting points for an analyst, who rewrites them in the agency's
 * words.
 */
final class NameDrafting {

    static final int SHORT_NAME_LENGTH = 60;
    static final int DESCRIBED_ATTRIBUTES = 10;
    static final int NAME_KEYWORDS = 5;

    private static final Pattern DEFAULT_SHEET = Pattern.compile("(?iu)(sheet|лист|парақ|бет)\\s*\\d*");
    private static final Pattern EXTENSION = Pattern.compile("(\\.[A-Za-z0-9]{1,5})+$");
    private static final Pattern SEPARATORS = Pattern.compile("[_\\s]+|(?<=\\p{L})-(?=\\p{L})");

    private final PassportMessages messages;

    NameDrafting(PassportMessages messages) {
        this.messages = messages;
    }

    /** Returns the file name without folders and extensions: {@code hospices} for {@code hospices.csv}. */
    static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        String base = EXTENSION.matcher(name).replaceFirst("");
        return base.isBlank() ? name : base;
    }

    /** Returns the sheet name, or null for no sheet or a default name such as "Sheet1" or "Лист1". */
    static String meaningfulSheet(Source source) {
        String sheet = source.sheet();
        if (sheet == null
                || sheet.isBlank()
                || DEFAULT_SHEET.matcher(sheet.strip()).matches()) {
            return null;
        }
        return sheet.strip();
    }

    Map<String, String> fullName(Source source) {
        String name = humanize(baseName(source.fileName()));
        String sheet = meaningfulSheet(source);
        String text = sheet == null ? name : name + " — " + sheet;
        return LocalizedText.of(LocalizedText.detect(text), text);
    }

    Map<String, String> shortName(Source source) {
        String name = humanize(baseName(source.fileName()));
        if (name.length() > SHORT_NAME_LENGTH) {
            int space = name.lastIndexOf(' ', SHORT_NAME_LENGTH);
            name = name.substring(0, space > 0 ? space : SHORT_NAME_LENGTH);
        }
        return LocalizedText.of(LocalizedText.detect(name), name);
    }

    Map<String, String> description(DraftInput input) {
        List<String> names = input.columns().stream()
                .map(PublishedColumn::name)
                .filter(name -> !name.isEmpty())
                .toList();
        String listed = names.stream().limit(DESCRIBED_ATTRIBUTES).collect(Collectors.joining(", "));
        if (names.size() > DESCRIBED_ATTRIBUTES) {
            listed += ", …";
        }
        return messages.all(
                "description",
                input.report().source().fileName(),
                input.columns().size(),
                input.report().rowCount(),
                listed);
    }

    /** Collects the category's name in each language and the longer words of the full name in its own. */
    Map<String, List<String>> keywords(Map<String, String> fullName, Map<String, String> categoryName) {
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            Set<String> words = new LinkedHashSet<>();
            String category = categoryName.get(language.code());
            if (category != null) {
                words.add(category.toLowerCase(java.util.Locale.ROOT));
            }
            words.addAll(nameWords(fullName.get(language.code())));
            if (!words.isEmpty()) {
                keywords.put(language.code(), List.copyOf(words));
            }
        }
        return keywords;
    }

    private static List<String> nameWords(String name) {
        List<String> words = new ArrayList<>();
        for (String token : Words.tokens(name)) {
            if (token.length() >= Words.MIN_STEM_LENGTH
                    && !token.chars().allMatch(Character::isDigit)
                    && !words.contains(token)
                    && words.size() < NAME_KEYWORDS) {
                words.add(token);
            }
        }
        return words;
    }

    /** Turns a file name into words: {@code environment-spending} becomes "Environment spending". */
    static String humanize(String base) {
        String words = SEPARATORS.matcher(base).replaceAll(" ").strip();
        if (words.isEmpty()) {
            return base;
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
