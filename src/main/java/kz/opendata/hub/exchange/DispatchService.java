package kz.opendata.hub.exchange;

import java.util.ArrayList;
import java.util.List;
import kz.opendata.hub.campaign.CampaignAgency;
import kz.opendata.hub.campaign.CampaignRepository;
import kz.opendata.hub.sftp.SftpOutboxes;
import kz.opendata.hub.store.AuditLog;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends the official requests of a campaign that have not gone out yet, one agency at a time
 * through the {@code survey-dispatch-request} route, so one agency's failure does not stop the
 * others.
 */
@Service
public class DispatchService {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchService.class);
    private static final String REQUEST_ROUTE = "direct:survey-dispatch-request";

    private final CampaignRepository campaigns;
    private final ProducerTemplate producer;
    private final SftpOutboxes sftpOutboxes;
    private final AuditLog audit;

    DispatchService(
            CampaignRepository campaigns, ProducerTemplate producer, SftpOutboxes sftpOutboxes, AuditLog audit) {
        this.campaigns = campaigns;
        this.producer = producer;
        this.sftpOutboxes = sftpOutboxes;
        this.audit = audit;
    }

    /**
     * Sends every request of the campaign not sent yet.
     *
     * @return one result per surveyed agency, including those sent before
     */
    public List<DispatchResult> dispatch(long campaignId) {
        List<DispatchResult> results = new ArrayList<>();
        for (CampaignAgency surveyed : campaigns.agencies(campaignId)) {
            if (surveyed.requestSent()) {
                results.add(new DispatchResult(
                        surveyed.agencyCode(), DispatchResult.SENT_BEFORE, surveyed.requestMessageId(), null));
                continue;
            }
            results.add(send(campaignId, surveyed.agencyCode()));
        }
        return results;
    }

    private DispatchResult send(long campaignId, String agencyCode) {
        try {
            producer.requestBody(REQUEST_ROUTE, new RequestKey(campaignId, agencyCode));
            String messageId = campaigns
                    .agency(campaignId, agencyCode)
                    .map(CampaignAgency::requestMessageId)
                    .orElse(null);
            return new DispatchResult(agencyCode, DispatchResult.SENT, messageId, null);
        } catch (CamelExecutionException e) {
            String reason = explain(agencyCode, e.getCause() == null ? e : e.getCause());
            LOG.warn("Request of campaign {} to agency {} not sent: {}", campaignId, agencyCode, reason);
            audit.record("survey-dispatch", "request-failed", "campaign-agency", campaignId + "/" + agencyCode, reason);
            return new DispatchResult(agencyCode, DispatchResult.FAILED, null, reason);
        }
    }

    private String explain(String agencyCode, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            if (type.startsWith("com.jcraft.jsch.") || type.startsWith("org.apache.camel.component.file.")) {
                return sftpOutboxes.explain(agencyCode, failure).orElse(failure.getMessage());
            }
        }
        return failure.getMessage() + "; dispatch the campaign again once this is fixed";
    }

    /**
     * The outcome of one agency's request.
     *
     * @param status sent (recorded, its files placed and its e-mail queued in the mail outbox,
     *     which delivers it even if the mail server is down now), sent-before or failed
     * @param reason why the request failed and what to do; null otherwise
     */
    public record DispatchResult(String agencyCode, String status, String messageId, String reason) {
        public static final String SENT = "sent";
        public static final String SENT_BEFORE = "sent-before";
        public static final String FAILED = "failed";
    }
}
