package kz.opendata.hub.analysis;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the copies of real unloads under {@code src/test/resources/corpus}. */
public final class Corpus {

    private Corpus() {}

    public static Path file(String relativePath) {
        URL url = Corpus.class.getResource("/corpus/" + relativePath);
        if (url == null) {
            throw new IllegalArgumentException("test resource corpus/" + relativePath + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
