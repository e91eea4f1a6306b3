package kz.opendata.hub.analysis.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Header words that hint at a kind of restricted data ("ФИО", "Судья", "Телефон", "ИИН"), in
 * Kazakh, Russian and English. The bundled vocabulary can be extended by a YAML file of the same
 * shape: restricted kind to a list of lower-case fragments.
 */
public final class ColumnHints {

    static final String BUNDLED = "/analysis/restricted-column-hints.yml";

    private final Map<String, List<String>> fragmentsByKind;

    ColumnHints(Map<String, List<String>> fragmentsByKind) {
        this.fragmentsByKind = Map.copyOf(fragmentsByKind);
    }

    /**
     * Loads the bundled vocabulary and, when given and present, the extra file.
     *
     * @param extraFile YAML file whose fragments are added to the bundled ones, or null
     */
    public static ColumnHints load(Path extraFile) {
        Map<String, List<String>> merged = new HashMap<>(readBundled());
        if (extraFile != null && Files.isRegularFile(extraFile)) {
            try (Reader reader = Files.newBufferedReader(extraFile, StandardCharsets.UTF_8)) {
                parse(reader, extraFile.toString())
                        .forEach((kind, words) -> merged.merge(kind, words, ColumnHints::concat));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read column hints file " + extraFile, e);
            }
        }
        return new ColumnHints(merged);
    }

    /** Tells whether the header contains a fragment listed for the kind. */
    boolean hints(String header, String kind) {
        String text = header == null ? "" : header.toLowerCase(Locale.ROOT);
        return fragmentsByKind.getOrDefault(kind, List.of()).stream()
                .anyMatch(fragment -> containsWord(text, fragment));
    }

    /** Matches a fragment at the start of a word, so "tel" finds "tel." but not "hotel". */
    private static boolean containsWord(String text, String fragment) {
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
            if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<String>> readBundled() {
        try (InputStream in = ColumnHints.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("resource " + BUNDLED + " is missing from the build");
            }
            return parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }

    private static Map<String, List<String>> parse(Reader reader, String name) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalStateException(name + ": expected a map from restricted kind to a list of words");
        }
        Map<String, List<String>> result = new HashMap<>();
        map.forEach((kind, words) -> {
            if (!(words instanceof List<?> list)) {
                throw new IllegalStateException(name + ": kind '" + kind + "' must map to a list of words");
            }
            result.put(
                    String.valueOf(kind),
                    list.stream()
                            .map(word -> String.valueOf(word).toLowerCase(Locale.ROOT))
                            .toList());
        });
        return result;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
