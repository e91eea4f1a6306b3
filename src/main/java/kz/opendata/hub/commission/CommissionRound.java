package kz.opendata.hub.commission;

import java.util.List;
import java.util.Optional;
import kz.opendata.hub.approval.ApprovalHold;
import kz.opendata.hub.approval.ApprovalWorkflow;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The commission round of one passport: open while the passport is in a commission package that
 * is not closed, or while a recommendation on it has no reasoned answer. An agency's approval
 * that arrives meanwhile is held, because the rules have the agency approve the passport after
 * it answered the commission.
 *
 * <p>When every recommendation is answered and one of them was accepted, the passport has to
 * change, so a sent passport moves to changes-requested and a held approval gives way to the
 * revised version. When the round ends without an accepted recommendation, the held approval
 * applies.
 */
@Component
class CommissionRound implements ApprovalHold {

    private static final Logger LOG = LoggerFactory.getLogger(CommissionRound.class);

    private final CommissionRepository repository;
    private final PassportRepository passports;
    private final ApprovalWorkflow approval;
    private final CommissionProperties settings;
    private final AuditLog audit;

    CommissionRound(
            CommissionRepository repository,
            PassportRepository passports,
            ApprovalWorkflow approval,
            CommissionProperties settings,
            AuditLog audit) {
        this.repository = repository;
        this.passports = passports;
        this.approval = approval;
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public Optional<String> reason(long passportId) {
        if (!settings.holdApprovals()) {
            return Optional.empty();
        }
        List<Long> open = repository.openPackagesOf(passportId);
        if (!open.isEmpty()) {
            return Optional.of("the passport is in commission package " + open.get(0) + ", which is not closed yet");
        }
        List<Integer> unanswered = unanswered(passportId);
        if (!unanswered.isEmpty()) {
            return Optional.of("recommendations " + unanswered + " have no reasoned answer yet");
        }
        return Optional.empty();
    }

    /** Settles the passport after an answer arrived or its package closed; see the class comment. */
    void settle(long passportId) {
        List<CommissionRepository.Recommendation> recommendations = repository.recommendations(passportId);
        boolean allAnswered = recommendations.stream().allMatch(CommissionRepository.Recommendation::isAnswered);
        List<Integer> accepted = recommendations.stream()
                .filter(r -> CommissionRepository.ACCEPTED.equals(r.answer()))
                .map(CommissionRepository.Recommendation::number)
                .toList();
        if (allAnswered
                && !accepted.isEmpty()
                && passports.transition(passportId, PassportRecord.SENT, PassportRecord.CHANGES_REQUESTED)) {
            audit.record(
                    "commission",
                    "passport-changes-requested",
                    "passport",
                    passportId,
                    "acceptedRecommendations=" + accepted);
            LOG.info(
                    "Passport {} needs a revised version: the agency accepted recommendations {}",
                    passportId,
                    accepted);
        }
        approval.releaseHeldApproval(passportId);
    }

    private List<Integer> unanswered(long passportId) {
        return repository.recommendations(passportId).stream()
                .filter(r -> !r.isAnswered())
                .map(CommissionRepository.Recommendation::number)
                .toList();
    }
}
