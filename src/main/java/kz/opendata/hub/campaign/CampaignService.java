package kz.opendata.hub.campaign;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.campaign.CampaignProgressRepository.PassportFacts;
import kz.opendata.hub.campaign.CampaignProgressRepository.UnloadFacts;
import kz.opendata.hub.store.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates survey campaigns and reports the stage of each surveyed agency. */
@Service
public class CampaignService {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignService.class);

    private final CampaignRepository campaigns;
    private final CampaignProgressRepository progress;
    private final AgencyMatcher matcher;
    private final AgencyRegistry agencies;
    private final AuditLog audit;
    private final Clock clock;

    CampaignService(
            CampaignRepository campaigns,
            CampaignProgressRepository progress,
            AgencyRegistry agencies,
            AuditLog audit,
            Clock clock) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.matcher = new AgencyMatcher(agencies);
        this.agencies = agencies;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates a campaign for the agencies the decision lists.
     *
     * @throws InvalidCampaignException naming every missing field and every agency not found
     */
    @Transactional
    public Campaign create(NewCampaign request) {
        return create(request, i -> "agencies[" + i + "]");
    }

    /**
     * Creates a campaign from an uploaded list; problems name the file's rows.
     *
     * @param list the request and the row number of each listed agency
     */
    @Transactional
    public Campaign create(String fileName, ImportedList list) {
        return create(
                list.request(), i -> fileName + ", row " + list.rowNumbers().get(i));
    }

    private Campaign create(NewCampaign request, IntFunction<String> where) {
        List<String> problems = new ArrayList<>(missingFields(request));
        Set<String> codes = new LinkedHashSet<>();
        List<String> listed = request.agencies() == null ? List.of() : request.agencies();
        for (int i = 0; i < listed.size(); i++) {
            matcher.match(listed.get(i)).ifPresentOrElse(codes::add, notFound(problems, where.apply(i), listed.get(i)));
        }
        if (codes.isEmpty() && problems.isEmpty()) {
            problems.add("agencies: the list is empty; give the codes or names of the agencies the decision lists");
        }
        if (problems.isEmpty() && campaigns.exists(request.decisionNumber(), request.decisionDate())) {
            problems.add("a campaign for decision " + request.decisionNumber() + " of " + request.decisionDate()
                    + " exists already; open it instead of creating it again");
        }
        if (!problems.isEmpty()) {
            throw new InvalidCampaignException(problems);
        }
        return insert(request, List.copyOf(codes));
    }

    private Campaign insert(NewCampaign request, List<String> codes) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = campaigns.insert(
                request.decisionNumber().trim(),
                request.decisionDate(),
                request.authorityReference().trim(),
                request.title(),
                now);
        for (int i = 0; i < codes.size(); i++) {
            campaigns.insertAgency(id, codes.get(i), letterNumber(id, i + 1));
        }
        audit.record(
                "campaign",
                "campaign-created",
                "campaign",
                id,
                "decision=" + request.decisionNumber() + " of " + request.decisionDate() + " authorityRequest="
                        + request.authorityReference() + " agencies=" + String.join(",", codes));
        LOG.info("Campaign {} created for decision {} with {} agencies", id, request.decisionNumber(), codes.size());
        return campaigns.find(id).orElseThrow();
    }

    /** Outgoing number of the official request: campaign id and position, as {@code 12-03}. */
    static String letterNumber(long campaignId, int position) {
        return String.format("%d-%02d", campaignId, position);
    }

    public Optional<Campaign> find(long id) {
        return campaigns.find(id);
    }

    public List<Campaign> all() {
        return campaigns.all();
    }

    /** Returns the progress of each surveyed agency of the campaign. */
    public List<AgencyProgress> progress(Campaign campaign) {
        return campaigns.agencies(campaign.id()).stream()
                .map(agency -> progressOf(campaign, agency))
                .toList();
    }

    public AgencyProgress progressOf(Campaign campaign, CampaignAgency surveyed) {
        String code = surveyed.agencyCode();
        OffsetDateTime since = campaign.createdAt();
        UnloadFacts unloads = progress.unloads(code, since);
        PassportFacts passports = progress.passports(code, since);
        OffsetDateTime inventory =
                progress.inventoryReceived(campaign.id(), code, since).orElse(null);
        CampaignStage stage = AgencyProgress.stageOf(
                surveyed.requestSent(),
                inventory != null,
                unloads.unloadCount(),
                unloads.analysedCount(),
                passports.passportCount(),
                passports.approvedCount(),
                passports.publishedCount());
        String name = agencies.find(code).map(a -> a.name(a.language())).orElse(code);
        return new AgencyProgress(
                code,
                name,
                surveyed.letterNumber(),
                stage,
                surveyed.requestSentAt(),
                surveyed.requestMessageId(),
                surveyed.reminderCount(),
                inventory,
                unloads.unloadCount(),
                unloads.firstUnloadAt(),
                unloads.analysedCount(),
                unloads.failedCount(),
                unloads.candidateCount(),
                passports.passportCount(),
                passports.approvedCount(),
                passports.publishedCount());
    }

    private static List<String> missingFields(NewCampaign request) {
        List<String> problems = new ArrayList<>();
        if (request.decisionNumber() == null || request.decisionNumber().isBlank()) {
            problems.add("decisionNumber: missing; give the number of the commission decision");
        }
        if (request.decisionDate() == null) {
            problems.add("decisionDate: missing; give the date of the commission decision as YYYY-MM-DD");
        }
        if (request.authorityReference() == null || request.authorityReference().isBlank()) {
            problems.add("authorityReference: missing; give the number and date of the authorised body's request");
        }
        return problems;
    }

    private static Runnable notFound(List<String> problems, String where, String value) {
        return () -> problems.add(where + ": '" + value + "' matches no agency code or name in the agency registry;"
                + " correct it or add the agency to the registry file");
    }
}
