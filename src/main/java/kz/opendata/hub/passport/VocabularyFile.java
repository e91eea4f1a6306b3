package kz.opendata.hub.passport;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a YAML vocabulary from the file system, or from the copy inside the jar when the file is
 * absent, so the hub and the command line work from any folder.
 */
final class VocabularyFile {

    private static final Logger log = LoggerFactory.getLogger(VocabularyFile.class);
    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private VocabularyFile() {}

    /**
     * Reads the vocabulary into the given type.
     *
     * @param path file to read when it exists
     * @param classpathCopy resource read when the file does not exist
     * @throws IllegalStateException when the vocabulary is not valid YAML of the expected shape
     */
    static <T> T read(Path path, String classpathCopy, Class<T> type) {
        try (InputStream input = open(path, classpathCopy)) {
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(input);
            return MAPPER.convertValue(tree, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "vocabulary " + path + " is not valid: " + e.getMessage() + "; compare it with " + classpathCopy
                            + " inside the hub's jar",
                    e);
        }
    }

    private static InputStream open(Path path, String classpathCopy) throws IOException {
        if (Files.isRegularFile(path)) {
            return Files.newInputStream(path);
        }
        log.debug("Vocabulary {} not found; reading the copy {} inside the jar", path, classpathCopy);
        InputStream copy = VocabularyFile.class.getResourceAsStream(classpathCopy);
        if (copy == null) {
            throw new IOException("neither the file nor the resource " + classpathCopy + " exists");
        }
        return copy;
    }
}
