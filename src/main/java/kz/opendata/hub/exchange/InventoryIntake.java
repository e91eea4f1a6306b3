package kz.opendata.hub.exchange;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.campaign.CampaignRepository;
import kz.opendata.hub.exchange.InventorySubmissionRepository.InventorySubmission;
import kz.opendata.hub.store.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes filled inventory forms back, from whichever channel they come (drop folder, e-mail,
 * SFTP, REST), and stores the information systems they list in the registry. A form that was
 * changed is rejected with every problem found; nothing of it is stored then.
 */
@Service
public class InventoryIntake {

    private static final Logger LOG = LoggerFactory.getLogger(InventoryIntake.class);

    private final AgencyRegistry agencies;
    private final CampaignRepository campaigns;
    private final RegistryRepository registry;
    private final InventorySubmissionRepository submissions;
    private final AuditLog audit;
    private final Clock clock;

    InventoryIntake(
            AgencyRegistry agencies,
            CampaignRepository campaigns,
            RegistryRepository registry,
            InventorySubmissionRepository submissions,
            AuditLog audit,
            Clock clock) {
        this.agencies = agencies;
        this.campaigns = campaigns;
        this.registry = registry;
        this.submissions = submissions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Reads a returned form and stores what it lists.
     *
     * @param agencyCode the agency the channel identifies (its drop folder, its contact's address)
     * @param channel drop, mail, sftp or api
     * @param evidence the Message-ID or path the form came with
     */
    @Transactional
    public InventoryResult accept(String agencyCode, String fileName, byte[] content, String channel, String evidence) {
        Agency agency = agencies.find(agencyCode)
                .orElseThrow(() -> new IllegalArgumentException("No agency with code " + agencyCode));
        String sha256 = RequestDispatcher.sha256(content);
        InventoryForm form;
        try {
            form = InventoryFormReader.read(fileName, content);
            requireIssuedTo(form, agency, fileName);
        } catch (InvalidInventoryFormException e) {
            return reject(agency, fileName, sha256, channel, evidence, e.problems());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (InformationSystem system : form.systems()) {
            registry.saveSystem(agency.code(), system, "inventory-form", now);
        }
        Long campaignId = campaignOf(form, agency);
        submissions.insert(new InventorySubmission(
                campaignId,
                agency.code(),
                fileName,
                sha256,
                channel,
                evidence,
                InventorySubmissionRepository.ACCEPTED,
                form.systems().size(),
                form.fieldCount(),
                null,
                now));
        audit.record(
                "survey-dispatch",
                "inventory-form-accepted",
                "agency",
                agency.code(),
                "file=" + fileName
                        + " sha256=" + sha256 + " channel=" + channel + " evidence=" + evidence + " campaign="
                        + campaignId
                        + " systems=" + form.systems().size() + " fields=" + form.fieldCount());
        LOG.info(
                "Inventory form {} of agency {} accepted: {} systems, {} fields",
                fileName,
                agency.code(),
                form.systems().size(),
                form.fieldCount());
        return new InventoryResult(
                InventorySubmissionRepository.ACCEPTED,
                agency.code(),
                campaignId,
                form.systems().size(),
                form.fieldCount(),
                List.of());
    }

    private static void requireIssuedTo(InventoryForm form, Agency agency, String fileName) {
        if (form.agencyCode() != null && !form.agencyCode().equals(agency.code())) {
            throw new InvalidInventoryFormException(
                    fileName,
                    List.of(new FormProblem(
                            InventoryFormLayout.MARKER_SHEET,
                            0,
                            null,
                            "the form was issued to agency " + form.agencyCode() + " but came from agency "
                                    + agency.code() + "; send the form attached to your own request")));
        }
    }

    private Long campaignOf(InventoryForm form, Agency agency) {
        Long campaignId = form.campaignId();
        if (campaignId == null || campaigns.agency(campaignId, agency.code()).isEmpty()) {
            return null;
        }
        return campaignId;
    }

    private InventoryResult reject(
            Agency agency,
            String fileName,
            String sha256,
            String channel,
            String evidence,
            List<FormProblem> problems) {
        List<String> texts = problems.stream().map(FormProblem::toString).toList();
        submissions.insert(new InventorySubmission(
                null,
                agency.code(),
                fileName,
                sha256,
                channel,
                evidence,
                InventorySubmissionRepository.REJECTED,
                null,
                null,
                String.join("\n", texts),
                OffsetDateTime.now(clock)));
        audit.record(
                "survey-dispatch",
                "inventory-form-rejected",
                "agency",
                agency.code(),
                "file=" + fileName
                        + " sha256=" + sha256 + " channel=" + channel + " evidence=" + evidence + " problems="
                        + String.join("; ", texts));
        LOG.warn(
                "Inventory form {} of agency {} rejected with {} problems; first: {}",
                fileName,
                agency.code(),
                texts.size(),
                texts.get(0));
        return new InventoryResult(InventorySubmissionRepository.REJECTED, agency.code(), null, 0, 0, texts);
    }

    /** Finds the agency whose request or approval contact has the address. */
    public Optional<String> agencyOfSender(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Optional<String> byContact = registry.agencyOfContact(address);
        if (byContact.isPresent()) {
            return byContact;
        }
        return agencies.all().stream()
                .filter(agency -> agency.isApprovalContact(address))
                .map(Agency::code)
                .findFirst();
    }

    /**
     * The outcome of a returned form.
     *
     * @param status accepted or rejected
     * @param problems where the form was changed and how to fix it; empty when accepted
     */
    public record InventoryResult(
            String status, String agencyCode, Long campaignId, int systemCount, int fieldCount, List<String> problems) {

        public boolean accepted() {
            return InventorySubmissionRepository.ACCEPTED.equals(status);
        }
    }
}
