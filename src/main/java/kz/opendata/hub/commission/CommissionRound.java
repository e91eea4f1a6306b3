package kz.opendata.hub.commission;

import java.util.List;
import java.util.Optional;
import kz.opendata.hub.approval.ApprovalHold;
import kz.opendata.hub.approval.ApprovalWorkflow;
import kz.opendata.hub.store.ApprovalMessageRepository;
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
 * revised version. When the round ends without an accepted recommendation, or with acceptances
 * that an edited draft sent again after them already took into account, the held approval
 * applies.
 */
@Component
class CommissionRound implements ApprovalHold {

    private static final Logger LOG = LoggerFactory.getLogger(CommissionRound.class);

    private final CommissionRepository repository;
    private final PassportRepository passports;
    private final ApprovalMessageRepository messages;
    private final ApprovalWorkflow approval;
    private final CommissionProperties settings;
    private final AuditLog audit;

    CommissionRound(
            CommissionRepository repository,
            PassportRepository passports,
            ApprovalMessageRepository messages,
            ApprovalWorkflow approval,
            CommissionProperties settings,
            AuditLog audit) {
        this.repository = repository;
        this.passports = passports;
        this.messages = messages;
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
        List<Integer> accepted = acceptedSinceLastResend(passportId, recommendations);
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

    /**
     * Returns the numbers of accepted recommendations that the agency has not yet seen a revised
     * passport for. An acceptance answered before an analyst sent the edited draft again is
     * settled by that draft, so closing the package then applies the agency's approval of it.
     * Message order in the approval log decides, because the hub's clock and the database's may
     * differ.
     */
    private List<Integer> acceptedSinceLastResend(
            long passportId, List<CommissionRepository.Recommendation> recommendations) {
        List<ApprovalMessageRepository.Entry> log = messages.entries(passportId);
        long lastResend = log.stream()
                .filter(entry -> ApprovalMessageRepository.OUT.equals(entry.direction())
                        && ApprovalWorkflow.RESEND.equals(entry.kind()))
                .mapToLong(ApprovalMessageRepository.Entry::id)
                .max()
                .orElse(-1);
        return recommendations.stream()
                .filter(r -> CommissionRepository.ACCEPTED.equals(r.answer()))
                .filter(r -> answerPosition(log, r.answerMessageId()) > lastResend)
                .map(CommissionRepository.Recommendation::number)
                .toList();
    }

    /** Returns the log id of the received answer, or the largest id when it is not in the log. */
    private static long answerPosition(List<ApprovalMessageRepository.Entry> log, String answerMessageId) {
        return log.stream()
                .filter(entry -> ApprovalMessageRepository.IN.equals(entry.direction())
                        && entry.messageId().equals(answerMessageId))
                .mapToLong(ApprovalMessageRepository.Entry::id)
                .findFirst()
                .orElse(Long.MAX_VALUE);
    }

    private List<Integer> unanswered(long passportId) {
        return repository.recommendations(passportId).stream()
                .filter(r -> !r.isAnswered())
                .map(CommissionRepository.Recommendation::number)
                .toList();
    }
}
