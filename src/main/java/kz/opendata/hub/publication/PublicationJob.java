package kz.opendata.hub.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.AnalysisService;
import kz.opendata.hub.analysis.TableReader;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.FindingResolutionRepository;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.PublicationRepository;
import kz.opendata.hub.store.PublicationRepository.PublicationRecord;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Publishes every approved passport that is not yet published. Runs on the schedule of the
 * {@code publication-schedule} route; a set that fails stays approved and is tried again on the
 * next run, except when the portal or the gate rejected it for good.
 */
@Service
public class PublicationJob {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationJob.class);

    private final PassportRepository passports;
    private final UnloadRepository unloads;
    private final FindingResolutionRepository resolutions;
    private final PublicationRepository publications;
    private final AgencyRegistry agencies;
    private final AnalysisService analysis;
    private final PublicationService publisher;
    private final PublicationProperties settings;
    private final AuditLog audit;
    private final ObjectMapper json;

    PublicationJob(
            PassportRepository passports,
            UnloadRepository unloads,
            FindingResolutionRepository resolutions,
            PublicationRepository publications,
            AgencyRegistry agencies,
            AnalysisService analysis,
            PublicationService publisher,
            PublicationProperties settings,
            AuditLog audit,
            ObjectMapper json) {
        this.passports = passports;
        this.unloads = unloads;
        this.resolutions = resolutions;
        this.publications = publications;
        this.agencies = agencies;
        this.analysis = analysis;
        this.publisher = publisher;
        this.settings = settings;
        this.audit = audit;
        this.json = json;
    }

    /** Publishes the approved passports; returns how many were published. */
    public int publishApproved() {
        int published = 0;
        for (PassportRecord passport : passports.findByStatus(PassportRecord.APPROVED)) {
            if (publishOne(passport)) {
                published++;
            }
        }
        return published;
    }

    private boolean publishOne(PassportRecord passport) {
        String portal = settings.portal().name().toLowerCase().replace('_', '-');
        try {
            PublicationResult result = publish(passport);
            String status = result.changed() ? "published" : "unchanged";
            publications.insert(new PublicationRecord(
                    passport.id(), passport.datasetName(), portal, status, result.location(), null, null, null, null));
            passports.transition(passport.id(), PassportRecord.APPROVED, PassportRecord.PUBLISHED);
            audit.record(
                    "publication",
                    "passport-published",
                    "passport",
                    passport.id(),
                    "portal=" + portal + " location=" + result.location() + " dataset=" + passport.datasetName());
            LOG.info("Passport {} published as {} at {}", passport.id(), passport.datasetName(), result.location());
            return true;
        } catch (PublicationRefusedException | PermanentPortalException e) {
            publications.insert(new PublicationRecord(
                    passport.id(), passport.datasetName(), portal, "refused", null, null, null, e.getMessage(), null));
            audit.record("publication", "publication-refused", "passport", passport.id(), e.getMessage());
            passports.transition(passport.id(), PassportRecord.APPROVED, PassportRecord.PUBLICATION_FAILED);
            LOG.warn("Passport {} not published: {}", passport.id(), e.getMessage());
            return false;
        } catch (TransientPortalException | IOException e) {
            publications.insert(new PublicationRecord(
                    passport.id(), passport.datasetName(), portal, "failed", null, null, null, e.getMessage(), null));
            LOG.warn(
                    "Passport {} not published this time, will retry on the next run: {}",
                    passport.id(),
                    e.getMessage());
            return false;
        }
    }

    private PublicationResult publish(PassportRecord passport) throws IOException {
        UnloadRecord unload = unloads.find(passport.unloadId()).orElseThrow();
        AnalysisReport report = json.readValue(unload.reportJson(), AnalysisReport.class);
        ObjectNode document = readObject(passport.passportJson());
        // The record's status is authoritative; the stored document mirrors it for the gate.
        document.put("status", passport.status());
        Agency agency = agencies.find(passport.agencyCode()).orElseThrow();
        Set<Integer> resolved = resolutions.resolvedColumns(unload.id());
        try (TableReader rows = analysis.openTable(Path.of(unload.storedPath()), report.source())) {
            return publisher.publish(new PublicationInput(
                    passport.datasetName(),
                    document,
                    readObject(passport.datapackageJson()),
                    report,
                    rows,
                    resolved,
                    Set.of(),
                    agency.code(),
                    agency.names()));
        }
    }

    private ObjectNode readObject(String document) throws JsonProcessingException {
        return (ObjectNode) json.readTree(document);
    }
}
