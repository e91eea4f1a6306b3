package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Builds DCAT-AP metadata as JSON-LD from a publication request: one {@code dcat:Dataset} per
 * set, and a {@code dcat:Catalog} listing them for {@code /api/catalog.jsonld}.
 *
 * <p>Every document carries the mandatory DCAT-AP properties: {@code dct:title} and
 * {@code dct:description} on the dataset and the catalogue, {@code dcat:accessURL} on the
 * distribution, {@code dct:publisher} and {@code dcat:dataset} on the catalogue.
 */
public class DcatBuilder {

    static final String FREQUENCY_BASE = "http://publications.europa.eu/resource/authority/frequency/";
    static final String FILE_TYPE_CSV = "http://publications.europa.eu/resource/authority/file-type/CSV";
    static final String MEDIA_TYPE_CSV = "http://www.iana.org/assignments/media-types/text/csv";

    /** Passport update frequencies mapped to the EU Publications Office frequency vocabulary. */
    static final Map<String, String> FREQUENCIES = Map.of(
            "daily", "DAILY",
            "weekly", "WEEKLY",
            "monthly", "MONTHLY",
            "quarterly", "QUARTERLY",
            "half-yearly", "ANNUAL_2",
            "yearly", "ANNUAL",
            "as-needed", "IRREG");

    private final ObjectMapper mapper;
    private final CatalogInfo catalogInfo;

    /**
     * Identity of the catalogue itself.
     *
     * @param iri the catalogue's address, such as {@code https://hub.example/api/catalog.jsonld}
     * @param title catalogue title by language code
     * @param description catalogue description by language code
     * @param publisherName name of the organisation that runs the catalogue, by language code
     */
    public record CatalogInfo(
            String iri,
            Map<String, String> title,
            Map<String, String> description,
            Map<String, String> publisherName) {}

    public DcatBuilder(ObjectMapper mapper, CatalogInfo catalogInfo) {
        this.mapper = mapper;
        this.catalogInfo = catalogInfo;
    }

    /**
     * Facts of one published set for its catalogue entry.
     *
     * @param passport the approved passport document
     * @param datasetIri the set's address: its portal page, or its folder's URL
     * @param downloadUrl where the CSV file can be downloaded
     * @param byteSize size of the CSV in bytes, or null when unknown
     * @param sha256 lower-case hex SHA-256 of the CSV, or null when unknown
     * @param modified when the set was last published, or null when unknown
     */
    public record DatasetFacts(
            String datasetName,
            JsonNode passport,
            String agencyCode,
            Map<String, String> agencyNames,
            String datasetIri,
            String downloadUrl,
            Long byteSize,
            String sha256,
            OffsetDateTime modified) {}

    /**
     * Builds the {@code dcat:Dataset} document of one set.
     *
     * @param datasetIri the set's address: its portal page, or its folder's URL
     * @param downloadUrl where the CSV file can be downloaded
     */
    public ObjectNode dataset(PublicationRequest request, String datasetIri, String downloadUrl) {
        return dataset(new DatasetFacts(
                request.datasetName(),
                request.passport(),
                request.agencyCode(),
                request.agencyNames(),
                datasetIri,
                downloadUrl,
                request.dataSize(),
                request.dataSha256(),
                null));
    }

    /** Builds the {@code dcat:Dataset} document of one set from stored facts. */
    public ObjectNode dataset(DatasetFacts facts) {
        ObjectNode dataset = mapper.createObjectNode();
        dataset.set("@context", context());
        dataset.put("@id", facts.datasetIri());
        dataset.put("@type", "dcat:Dataset");
        dataset.put("dct:identifier", facts.datasetName());
        Map<String, String> title = PassportFields.title(facts.passport());
        dataset.set("dct:title", languageValues(title.isEmpty() ? Map.of("", facts.datasetName()) : title));
        Map<String, String> description = PassportFields.description(facts.passport());
        dataset.set("dct:description", languageValues(description.isEmpty() ? title : description));
        dataset.set("dcat:keyword", keywords(facts.passport()));
        dataset.set("dct:publisher", agent(facts.agencyCode(), facts.agencyNames()));
        String frequency = FREQUENCIES.get(PassportFields.frequency(facts.passport()));
        if (frequency != null) {
            dataset.set("dct:accrualPeriodicity", reference(FREQUENCY_BASE + frequency));
        }
        if (facts.modified() != null) {
            dataset.set("dct:modified", typedValue(facts.modified().toString(), "xsd:dateTime"));
        }
        dataset.set("dcat:distribution", mapper.createArrayNode().add(distribution(facts)));
        return dataset;
    }

    /** Builds the {@code dcat:Catalog} that lists the given dataset documents. */
    public ObjectNode catalog(List<ObjectNode> datasets) {
        ObjectNode catalog = mapper.createObjectNode();
        catalog.set("@context", context());
        catalog.put("@id", catalogInfo.iri());
        catalog.put("@type", "dcat:Catalog");
        catalog.set("dct:title", languageValues(catalogInfo.title()));
        catalog.set("dct:description", languageValues(catalogInfo.description()));
        catalog.set("dct:publisher", agent(null, catalogInfo.publisherName()));
        ArrayNode entries = catalog.putArray("dcat:dataset");
        for (ObjectNode dataset : datasets) {
            ObjectNode entry = dataset.deepCopy();
            // The catalogue's own context covers every entry.
            entry.remove("@context");
            entries.add(entry);
        }
        return catalog;
    }

    private ObjectNode distribution(DatasetFacts facts) {
        ObjectNode distribution = mapper.createObjectNode();
        distribution.put("@type", "dcat:Distribution");
        distribution.set("dct:title", languageValues(Map.of("en", "data.csv")));
        distribution.set("dcat:accessURL", reference(facts.datasetIri()));
        distribution.set("dcat:downloadURL", reference(facts.downloadUrl()));
        distribution.set("dcat:mediaType", reference(MEDIA_TYPE_CSV));
        distribution.set("dct:format", reference(FILE_TYPE_CSV));
        if (facts.byteSize() != null) {
            distribution.set("dcat:byteSize", typedValue(Long.toString(facts.byteSize()), "xsd:nonNegativeInteger"));
        }
        if (facts.sha256() != null) {
            ObjectNode checksum = distribution.putObject("spdx:checksum");
            checksum.put("@type", "spdx:Checksum");
            checksum.set("spdx:algorithm", reference("spdx:checksumAlgorithm_sha256"));
            checksum.set("spdx:checksumValue", typedValue(facts.sha256(), "xsd:hexBinary"));
        }
        return distribution;
    }

    private ArrayNode keywords(JsonNode passport) {
        ArrayNode keywords = mapper.createArrayNode();
        PassportFields.keywords(passport)
                .forEach((language, words) -> words.forEach(word -> keywords.add(languageValue(language, word))));
        return keywords;
    }

    private ObjectNode agent(String code, Map<String, String> names) {
        ObjectNode agent = mapper.createObjectNode();
        agent.put("@type", "foaf:Agent");
        if (code != null) {
            agent.put("dct:identifier", code);
        }
        agent.set("foaf:name", languageValues(names.isEmpty() && code != null ? Map.of("", code) : names));
        return agent;
    }

    private ArrayNode languageValues(Map<String, String> texts) {
        ArrayNode values = mapper.createArrayNode();
        texts.forEach((language, text) -> values.add(languageValue(language, text)));
        return values;
    }

    private ObjectNode languageValue(String language, String text) {
        ObjectNode value = mapper.createObjectNode().put("@value", text);
        if (!language.isEmpty()) {
            value.put("@language", language);
        }
        return value;
    }

    private ObjectNode typedValue(String value, String type) {
        return mapper.createObjectNode().put("@value", value).put("@type", type);
    }

    private ObjectNode reference(String iri) {
        return mapper.createObjectNode().put("@id", iri);
    }

    private ObjectNode context() {
        return mapper.createObjectNode()
                .put("dcat", "http://www.w3.org/ns/dcat#")
                .put("dct", "http://purl.org/dc/terms/")
                .put("foaf", "http://xmlns.com/foaf/0.1/")
                .put("spdx", "http://spdx.org/rdf/terms#")
                .put("xsd", "http://www.w3.org/2001/XMLSchema#");
    }
}
