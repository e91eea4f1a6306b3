package kz.opendata.hub.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.PublicationRepository;
import kz.opendata.hub.store.PublicationRepository.Attempt;
import org.springframework.stereotype.Service;

/**
 * Builds the DCAT-AP catalogue of the published sets: for each set its latest successful
 * publication, described from the passport it was published under.
 *
 * <p>A set published only in a dry run has no public address, so it is left out.
 */
@Service
class DcatCatalog {

    private final PublicationRepository publications;
    private final PassportRepository passports;
    private final AgencyRegistry agencies;
    private final DcatBuilder dcat;
    private final ObjectMapper json;

    DcatCatalog(
            PublicationRepository publications,
            PassportRepository passports,
            AgencyRegistry agencies,
            DcatBuilder dcat,
            ObjectMapper json) {
        this.publications = publications;
        this.passports = passports;
        this.agencies = agencies;
        this.dcat = dcat;
        this.json = json;
    }

    ObjectNode catalog() throws JsonProcessingException {
        List<ObjectNode> datasets = new ArrayList<>();
        for (Attempt last : publications.latestPerDatasetIn(PublicationLedger.SUCCESSES)) {
            if (last.datasetUrl() != null && last.downloadUrl() != null) {
                datasets.add(dataset(last));
            }
        }
        return dcat.catalog(datasets);
    }

    private ObjectNode dataset(Attempt last) throws JsonProcessingException {
        PassportRecord passport = passports.find(last.passportId()).orElseThrow();
        Map<String, String> agencyNames =
                agencies.find(passport.agencyCode()).map(Agency::names).orElse(Map.of());
        return dcat.dataset(new DcatBuilder.DatasetFacts(
                last.datasetName(),
                json.readTree(passport.passportJson()),
                passport.agencyCode(),
                agencyNames,
                last.datasetUrl(),
                last.downloadUrl(),
                last.dataBytes(),
                last.dataSha256(),
                last.attemptedAt()));
    }
}
