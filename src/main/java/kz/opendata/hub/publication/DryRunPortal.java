package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what would be published without sending anything: each request is kept in memory and
 * appended as one JSON line to a log file, so an analyst can check a configuration before a real
 * portal receives anything.
 */
public class DryRunPortal implements PortalAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(DryRunPortal.class);

    private final Path logFile;
    private final ObjectMapper mapper;
    private final Function<PublicationRequest, ObjectNode> packageMapper;
    private final List<ObjectNode> records = new ArrayList<>();

    /**
     * @param logFile JSON Lines file to append to; its folder is created when missing
     * @param packageMapper builds the metadata a real portal would receive for a request
     */
    public DryRunPortal(Path logFile, ObjectMapper mapper, Function<PublicationRequest, ObjectNode> packageMapper) {
        this.logFile = logFile;
        this.mapper = mapper;
        this.packageMapper = packageMapper;
    }

    @Override
    public synchronized PublicationResult publish(PublicationRequest request) {
        ObjectNode record = mapper.createObjectNode();
        record.put("datasetName", request.datasetName());
        record.put("agencyCode", request.agencyCode());
        record.put("fileName", CkanPackageMapper.uploadFileName(request));
        record.put("dataBytes", request.dataSize());
        record.put("dataSha256", request.dataSha256());
        record.set("package", packageMapper.apply(request));
        record.set("datapackage", request.datapackage());
        append(record);
        records.add(record);
        LOG.info("Dry run: data set {} recorded in {}, nothing sent", request.datasetName(), logFile);
        return new PublicationResult(logFile.toString(), request.datasetName(), false, List.of());
    }

    /** Returns copies of the records made so far, oldest first. */
    public synchronized List<ObjectNode> records() {
        return records.stream().map(ObjectNode::deepCopy).toList();
    }

    private void append(ObjectNode record) {
        try {
            Path folder = logFile.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            String line = mapper.writeValueAsString(record) + "\n";
            Files.writeString(
                    logFile, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "dry run: failed to append to " + logFile
                            + "; check that the folder is writable or set hub.publication.dry-run-log",
                    e);
        }
    }
}
