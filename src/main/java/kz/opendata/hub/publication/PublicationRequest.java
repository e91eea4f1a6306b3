package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import kz.opendata.hub.passport.DatasetNames;

/**
 * One data set as a portal adapter receives it.
 *
 * @param datasetName portal name of the set, checked by {@link DatasetNames#requireValid}
 * @param passport the approved passport document ({@code passport.json})
 * @param datapackage the Frictionless data package descriptor whose one resource describes
 *     {@code dataFile}
 * @param dataFile the open CSV copy of the data
 * @param dataSha256 lower-case hex SHA-256 of {@code dataFile}
 * @param agencyCode code of the agency that supplies the data; the CKAN organisation name
 * @param agencyNames the agency's name by language code (kk, ru, en)
 */
public record PublicationRequest(
        String datasetName,
        ObjectNode passport,
        ObjectNode datapackage,
        Path dataFile,
        String dataSha256,
        String agencyCode,
        Map<String, String> agencyNames) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public PublicationRequest {
        DatasetNames.requireValid(datasetName);
        Objects.requireNonNull(passport, "passport");
        Objects.requireNonNull(datapackage, "datapackage");
        Objects.requireNonNull(dataFile, "dataFile");
        if (dataSha256 == null || !SHA256_HEX.matcher(dataSha256).matches()) {
            throw new IllegalArgumentException("data set '" + datasetName
                    + "': the data hash must be 64 lower-case hex digits of SHA-256, got '" + dataSha256 + "'");
        }
        if (agencyCode == null || agencyCode.isBlank()) {
            throw new IllegalArgumentException("data set '" + datasetName + "': the agency code is missing");
        }
        agencyNames = agencyNames == null ? Map.of() : Map.copyOf(agencyNames);
    }

    /** Size of the data file in bytes. */
    public long dataSize() {
        try {
            return Files.size(dataFile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(
                    "data set '" + datasetName + "': cannot read the size of " + dataFile, e);
        }
    }
}
