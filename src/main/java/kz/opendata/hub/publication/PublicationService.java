package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.opendata.hub.analysis.ColumnReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one data set: checks it may be published, writes the open CSV copy of the data and
 * hands both to the configured portal.
 *
 * <p>The CSV contains exactly the fields of the data package's Table Schema, in schema order; a
 * column of the unload that the schema leaves out is not written. The checks of
 * {@link PublicationGate} run on every call, before writing and again on the written header, and
 * every refusal goes to the {@link RefusalListener} before it is thrown, so it is recorded
 * whichever route or user asked.
 */
public class PublicationService {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationService.class);

    private final PublicationGate gate;
    private final OpenDataCsvWriter writer;
    private final PortalAdapter portal;
    private final Path workDir;
    private final RefusalListener refusals;

    /** @param workDir folder for the CSV while it is being published; the file is deleted after */
    public PublicationService(
            PublicationGate gate,
            OpenDataCsvWriter writer,
            PortalAdapter portal,
            Path workDir,
            RefusalListener refusals) {
        this.gate = gate;
        this.writer = writer;
        this.portal = portal;
        this.workDir = workDir;
        this.refusals = refusals;
    }

    /** Creates a service whose refusals only reach the caller, for tests of the checks alone. */
    public PublicationService(PublicationGate gate, OpenDataCsvWriter writer, PortalAdapter portal, Path workDir) {
        this(gate, writer, portal, workDir, RefusalListener.NONE);
    }

    /**
     * Publishes the set, or finds it already published unchanged.
     *
     * @return the portal's result with the facts of the published CSV
     * @throws PublicationRefusedException when the set must not be published yet
     * @throws TransientPortalException when the portal failed for a reason that may pass
     * @throws PermanentPortalException when the portal rejected the set
     */
    public PublicationResult publish(PublicationInput input) {
        try {
            return checkedPublish(input);
        } catch (PublicationRefusedException refusal) {
            refusals.refused(input, refusal);
            LOG.warn("Publication of data set {} refused: {}", input.datasetName(), refusal.getMessage());
            throw refusal;
        }
    }

    private PublicationResult checkedPublish(PublicationInput input) {
        String name = input.datasetName();
        gate.checkBeforeWriting(name, input.passport(), input.datapackage(), input.report(), input.resolvedColumns());
        List<String> schemaFields = schemaFields(name, input.datapackage());
        Path csv = createWorkFile(name);
        try {
            CsvWriteResult written =
                    writer.write(input.data(), input.report(), schemaFields, excluded(input, schemaFields), csv);
            gate.checkWrittenHeader(name, input.report(), written.header());
            requireHeaderMatchesSchema(name, written.header(), schemaFields);
            LOG.info("Wrote {} rows of data set {}, sha256 {}", written.rowCount(), name, written.sha256());
            PublicationRequest request = new PublicationRequest(
                    name,
                    input.passport(),
                    describeData(input.datapackage(), name, written),
                    csv,
                    written.sha256(),
                    input.agencyCode(),
                    input.agencyNames());
            PublicationResult result = portal.publish(request);
            return result.withData(
                    new PublicationResult.PublishedData(written.rowCount(), written.sizeBytes(), written.sha256()));
        } finally {
            deleteQuietly(csv);
        }
    }

    /** Columns left out of the CSV: the caller's exclusions and every column the schema omits. */
    private static Set<String> excluded(PublicationInput input, List<String> schemaFields) {
        Set<String> excluded = new HashSet<>(input.excludedColumns());
        for (ColumnReport column : input.report().columns()) {
            if (!schemaFields.contains(column.technicalName())) {
                excluded.add(column.technicalName());
            }
        }
        return excluded;
    }

    private static List<String> schemaFields(String name, ObjectNode datapackage) {
        JsonNode resources = datapackage.path("resources");
        if (resources.size() != 1) {
            throw new PublicationRefusedException("data set '" + name + "': the data package must hold exactly one"
                    + " resource, the data CSV, but holds " + resources.size() + "; draft the passport again");
        }
        List<String> fields = new ArrayList<>();
        resources
                .get(0)
                .path("schema")
                .path("fields")
                .forEach(field -> fields.add(field.path("name").asText()));
        if (fields.isEmpty()) {
            throw new PublicationRefusedException(
                    "data set '" + name + "': the data package schema lists no fields; draft the passport again");
        }
        return fields;
    }

    private static void requireHeaderMatchesSchema(String name, List<String> header, List<String> schemaFields) {
        if (!header.equals(schemaFields)) {
            throw new PublicationRefusedException("data set '" + name + "': the data package schema lists fields "
                    + schemaFields + " but the unload yields columns " + header
                    + "; draft the passport again from this unload's analysis, or list the extra columns as excluded");
        }
    }

    /** Copies the descriptor and fills in the resource's path, size, hash and dialect, taken from the written CSV. */
    static ObjectNode describeData(ObjectNode datapackage, String name, CsvWriteResult written) {
        ObjectNode described = datapackage.deepCopy();
        if (!described.hasNonNull("name")) {
            described.put("name", name);
        }
        ObjectNode resource = (ObjectNode) described.withArray("resources").get(0);
        resource.put("path", DataPackageFolderPortal.DATA_FILE);
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        resource.put("bytes", written.sizeBytes());
        // Frictionless data packages name the algorithm before the digest unless it is MD5.
        resource.put("hash", "sha256:" + written.sha256());
        ObjectNode dialect = resource.putObject("dialect");
        dialect.put("delimiter", ",");
        dialect.put("lineTerminator", "\r\n");
        dialect.put("header", true);
        return described;
    }

    private Path createWorkFile(String name) {
        try {
            Files.createDirectories(workDir);
            return Files.createTempFile(workDir, name + "-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "data set '" + name + "': cannot create a work file in " + workDir
                            + "; check that the folder is writable",
                    e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete work file {}, delete it by hand: {}", file, e.toString());
        }
    }
}
