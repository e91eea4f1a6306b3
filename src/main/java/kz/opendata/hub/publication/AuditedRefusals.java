package kz.opendata.hub.publication;

import kz.opendata.hub.store.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Records each refusal of the publication service in the audit log: the caller as actor, the
 * data set as subject, and the passport version with the reason as evidence.
 */
@Component
class AuditedRefusals implements RefusalListener {

    static final String ACTION = "publication-refused";

    private final AuditLog audit;

    AuditedRefusals(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void refused(PublicationInput input, PublicationRefusedException refusal) {
        String passportVersion = input.passport().path("version").asText("?");
        audit.record(
                input.requestedBy(),
                ACTION,
                "dataset",
                input.datasetName(),
                "passportVersion=" + passportVersion + " reason=" + refusal.getMessage());
    }
}
