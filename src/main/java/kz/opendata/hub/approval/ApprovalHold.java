package kz.opendata.hub.approval;

import java.util.Optional;

/**
 * A later step that can make an agency's approval wait, such as a commission round that is still
 * open. A held approval is applied by {@link ApprovalWorkflow#releaseHeldApproval} when the step
 * ends.
 */
public interface ApprovalHold {

    /** Returns why an approval of the passport must wait now, or empty when it applies at once. */
    Optional<String> reason(long passportId);
}
