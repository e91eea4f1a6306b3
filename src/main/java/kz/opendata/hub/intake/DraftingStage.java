package kz.opendata.hub.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.AnalysisService;
import kz.opendata.hub.analysis.TableReader;
import kz.opendata.hub.analysis.Verdict;
import kz.opendata.hub.approval.ApprovalWorkflow;
import kz.opendata.hub.passport.DataPackageWriter;
import kz.opendata.hub.passport.Language;
import kz.opendata.hub.passport.Passport;
import kz.opendata.hub.passport.PassportDrafter;
import kz.opendata.hub.passport.PassportJson;
import kz.opendata.hub.passport.Supplier;
import kz.opendata.hub.publication.DatasetUpdates;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts the first passport version of an analysed unload that can become an open data set.
 * Running it again for the same unload finds the passport drafted before instead of drafting a
 * second one.
 */
@Service
public class DraftingStage {

    private static final Logger LOG = LoggerFactory.getLogger(DraftingStage.class);

    private final UnloadRepository unloads;
    private final PassportRepository passports;
    private final AgencyRegistry agencies;
    private final AnalysisService analysis;
    private final PassportDrafter drafter;
    private final DataPackageWriter dataPackages;
    private final ApprovalWorkflow approval;
    private final DatasetUpdates updates;
    private final AuditLog audit;
    private final ObjectMapper json;

    DraftingStage(
            UnloadRepository unloads,
            PassportRepository passports,
            AgencyRegistry agencies,
            AnalysisService analysis,
            PassportDrafter drafter,
            DataPackageWriter dataPackages,
            ApprovalWorkflow approval,
            DatasetUpdates updates,
            AuditLog audit,
            ObjectMapper json) {
        this.unloads = unloads;
        this.passports = passports;
        this.agencies = agencies;
        this.analysis = analysis;
        this.drafter = drafter;
        this.dataPackages = dataPackages;
        this.approval = approval;
        this.updates = updates;
        this.audit = audit;
        this.json = json;
    }

    /**
     * Drafts the passport of an analysed unload.
     *
     * @return the id of the draft to e-mail for approval now, or null when the unload is no
     *     candidate, updates a published set (see {@link DatasetUpdates#screenDraft}), or drafts
     *     wait for an analyst before they are sent
     */
    @Transactional
    public Long draft(@Header(IntakeService.UNLOAD_ID) long unloadId, @Header(Exchange.FILE_PATH) String file)
            throws IOException {
        Long passportId = updates.screenDraft(draftFile(unloadId, Path.of(file)));
        return passportId != null && approval.sendsDraftsAutomatically() ? passportId : null;
    }

    /** Drafts the passport from the unload's file; returns its id, or null for no candidate. */
    @Transactional
    public Long draftFile(long unloadId, Path file) throws IOException {
        List<PassportRecord> earlier = passports.findByUnload(unloadId);
        if (!earlier.isEmpty()) {
            return earlier.get(earlier.size() - 1).id();
        }
        UnloadRecord unload = unloads.find(unloadId).orElseThrow();
        AnalysisReport report = json.readValue(unload.reportJson(), AnalysisReport.class);
        if (report.verdict() == Verdict.NOT_CANDIDATE) {
            audit.record(
                    "drafting",
                    "no-passport",
                    "unload",
                    unloadId,
                    "verdict=" + report.verdict().code());
            LOG.info("Unload {} is not a candidate for open data; no passport drafted", unloadId);
            return null;
        }
        Agency agency = agencies.find(unload.agencyCode()).orElseThrow();
        Passport passport;
        try (TableReader rows = analysis.openTable(file, report.source())) {
            passport = drafter.draft(report, new Supplier(agency.code(), agency.names()), rows);
        }
        Language language = Language.fromCode(agency.language());
        ObjectNode datapackage = dataPackages.descriptor(passport, language);
        long id = passports.insertDraft(
                unloadId,
                agency.code(),
                passport.id(),
                passport.version(),
                title(passport, agency.language()),
                PassportJson.toJson(passport),
                json.writeValueAsString(datapackage));
        audit.record(
                "drafting",
                "passport-drafted",
                "passport",
                id,
                "unload=" + unloadId + " dataset=" + passport.id()
                        + " attributes=" + passport.attributes().size() + " excludedColumns="
                        + passport.excludedColumns().size());
        LOG.info("Passport {} drafted for unload {} as data set {}", id, unloadId, passport.id());
        return id;
    }

    private static String title(Passport passport, String language) {
        var names = passport.general().fullName();
        String title = names.getOrDefault(language, names.getOrDefault("ru", passport.id()));
        return title.length() > 1000 ? title.substring(0, 1000) : title;
    }
}
