package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each set as a Frictionless data package in its own folder,
 * {@code <publishedDir>/<datasetName>/}, holding {@code data.csv}, {@code datapackage.json},
 * {@code passport.json} and {@code dcat.jsonld}. The embedded default when no portal is
 * configured.
 *
 * <p>The files are written into a temporary folder beside the target and moved into place, so a
 * reader sees either the old set or the new one, never a mix. When the folder already contains the
 * same data (by SHA-256) and the same passport and data package, nothing is written.
 */
public class DataPackageFolderPortal implements PortalAdapter {

    static final String DATA_FILE = "data.csv";
    static final String DATAPACKAGE_FILE = "datapackage.json";
    static final String PASSPORT_FILE = "passport.json";
    static final String DCAT_FILE = "dcat.jsonld";
    static final List<String> FILES = List.of(DATA_FILE, DATAPACKAGE_FILE, PASSPORT_FILE, DCAT_FILE);

    private static final Logger LOG = LoggerFactory.getLogger(DataPackageFolderPortal.class);

    private final Path publishedDir;
    private final String publicBaseUrl;
    private final DcatBuilder dcat;
    private final ObjectMapper mapper;
    private final DatasetLocks locks = new DatasetLocks();

    /**
     * @param publishedDir folder that contains one folder per published set
     * @param publicBaseUrl URL under which {@code publishedDir} is served, used in the DCAT links
     */
    public DataPackageFolderPortal(Path publishedDir, String publicBaseUrl, DcatBuilder dcat, ObjectMapper mapper) {
        this.publishedDir = publishedDir;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl : publicBaseUrl + "/";
        this.dcat = dcat;
        this.mapper = mapper;
    }

    @Override
    public PublicationResult publish(PublicationRequest request) {
        return locks.withLock(request.datasetName(), () -> {
            try {
                return publishLocked(request);
            } catch (IOException e) {
                throw new TransientPortalException(
                        "data set '" + request.datasetName() + "': failed to write "
                                + publishedDir.resolve(request.datasetName()) + ": " + e
                                + "; check the disk and its permissions",
                        e);
            }
        });
    }

    private PublicationResult publishLocked(PublicationRequest request) throws IOException {
        Path target = publishedDir.resolve(request.datasetName());
        Files.createDirectories(publishedDir);
        removeLeftovers(request.datasetName());
        if (isUnchanged(target, request)) {
            LOG.info(
                    "Data set {} unchanged in {}, data sha256 {}", request.datasetName(), target, request.dataSha256());
            return result(target, request, false, List.of());
        }
        Path staging = publishedDir.resolve("." + request.datasetName() + ".tmp-" + UUID.randomUUID());
        writeFiles(staging, request);
        replace(target, staging, request.datasetName());
        LOG.info("Published data set {} to {}, data sha256 {}", request.datasetName(), target, request.dataSha256());
        return result(target, request, true, FILES);
    }

    private PublicationResult result(Path target, PublicationRequest request, boolean changed, List<String> files) {
        String folderUrl = folderUrl(request.datasetName());
        return new PublicationResult(
                target.toString(), request.datasetName(), changed, files, folderUrl, folderUrl + DATA_FILE, null);
    }

    /** Public address of a set's folder, ending in a slash. */
    String folderUrl(String datasetName) {
        return publicBaseUrl + datasetName + "/";
    }

    private boolean isUnchanged(Path target, PublicationRequest request) throws IOException {
        for (String file : FILES) {
            if (!Files.isRegularFile(target.resolve(file))) {
                return false;
            }
        }
        return request.dataSha256().equals(Sha256.ofFile(target.resolve(DATA_FILE)))
                && sameJson(target.resolve(DATAPACKAGE_FILE), request.datapackage())
                && sameJson(target.resolve(PASSPORT_FILE), request.passport());
    }

    private boolean sameJson(Path file, JsonNode expected) {
        try {
            // A round trip gives both trees the same number node types, an int and a long of equal value
            // being unequal nodes otherwise.
            JsonNode normalised = mapper.readTree(mapper.writeValueAsBytes(expected));
            return normalised.equals(mapper.readTree(file.toFile()));
        } catch (IOException e) {
            LOG.debug("Published file {} is not readable JSON, so it is written again: {}", file, e.toString());
            return false;
        }
    }

    private void writeFiles(Path staging, PublicationRequest request) throws IOException {
        Files.createDirectory(staging);
        Files.copy(request.dataFile(), staging.resolve(DATA_FILE));
        String folderUrl = folderUrl(request.datasetName());
        ObjectNode dataset = dcat.dataset(request, folderUrl, folderUrl + DATA_FILE);
        writeJson(staging.resolve(DATAPACKAGE_FILE), request.datapackage());
        writeJson(staging.resolve(PASSPORT_FILE), request.passport());
        writeJson(staging.resolve(DCAT_FILE), dataset);
    }

    private void writeJson(Path file, JsonNode document) throws IOException {
        mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
    }

    /** Swaps the staged folder in by two renames within one file system. */
    private void replace(Path target, Path staging, String datasetName) throws IOException {
        if (!Files.exists(target)) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        // NOTE: between the two renames the target folder is briefly absent. A crash there leaves
        // the old copy in the .old folder, and the next publication writes the target again.
        Path old = publishedDir.resolve("." + datasetName + ".old-" + UUID.randomUUID());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /** Deletes staging and old folders that an interrupted publication of this set left behind. */
    private void removeLeftovers(String datasetName) throws IOException {
        try (DirectoryStream<Path> leftovers =
                Files.newDirectoryStream(publishedDir, "." + datasetName + ".{tmp,old}-*")) {
            for (Path leftover : leftovers) {
                LOG.warn("Deleting {} left by an interrupted publication of data set {}", leftover, datasetName);
                deleteTree(leftover);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
