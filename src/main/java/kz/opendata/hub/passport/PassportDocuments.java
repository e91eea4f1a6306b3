package kz.opendata.hub.passport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the documents of one passport into a folder: {@value #PASSPORT_JSON} (the source of
 * truth), {@value #DATAPACKAGE_JSON} (derived from the passport's attributes and value
 * requirements), {@value #PASSPORT_HTML} and {@value #PASSPORT_PDF}. Each file is written under a
 * temporary name and then moved into place, so a reader never sees half a file.
 */
public final class PassportDocuments {

    public static final String PASSPORT_JSON = "passport.json";
    public static final String DATAPACKAGE_JSON = "datapackage.json";
    public static final String PASSPORT_HTML = "passport.html";
    public static final String PASSPORT_PDF = "passport.pdf";

    /** Language of the human-readable documents when none is given. */
    public static final Language DEFAULT_LANGUAGE = Language.RU;

    private final PassportRenderer renderer;
    private final DataPackageWriter dataPackage;

    public PassportDocuments() {
        this(new PassportRenderer(), new DataPackageWriter());
    }

    public PassportDocuments(PassportRenderer renderer, DataPackageWriter dataPackage) {
        this.renderer = renderer;
        this.dataPackage = dataPackage;
    }

    /** Writes the four documents in {@link #DEFAULT_LANGUAGE}; see {@link #writeAll(Passport, Language, Path)}. */
    public List<Path> writeAll(Passport passport, Path dir) throws IOException {
        return writeAll(passport, DEFAULT_LANGUAGE, dir);
    }

    /**
     * Writes the four documents, creating the folder when missing and replacing files of the same
     * names.
     *
     * @param language language of the HTML and PDF documents and of the data package's titles
     * @return the files written, in the order listed above
     */
    public List<Path> writeAll(Passport passport, Language language, Path dir) throws IOException {
        Files.createDirectories(dir);
        byte[] passportJson = PassportJson.mapper().writeValueAsBytes(passport);
        byte[] descriptor = PassportJson.mapper().writeValueAsBytes(dataPackage.descriptor(passport, language));
        byte[] html = renderer.html(passport, language).getBytes(StandardCharsets.UTF_8);
        byte[] pdf = renderer.pdf(passport, language);
        return List.of(
                replace(dir.resolve(PASSPORT_JSON), passportJson),
                replace(dir.resolve(DATAPACKAGE_JSON), descriptor),
                replace(dir.resolve(PASSPORT_HTML), html),
                replace(dir.resolve(PASSPORT_PDF), pdf));
    }

    /** Writes bytes beside the target and moves them over it. */
    public static Path replace(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temporary, content);
        try {
            return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
