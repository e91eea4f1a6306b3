package kz.opendata.hub.approval;

import java.util.Optional;

/**
 * A later step of the process that takes some messages of the approval mailbox before the
 * approval loop reads them, such as the commission round's recommendations and the agencies'
 * answers to them. Automatic messages (out-of-office replies, delivery reports) never reach a
 * handler.
 */
public interface InboxHandler {

    /**
     * Handles the message when it belongs to this step, inside the transaction that records it.
     *
     * @return the outcome for the route (see {@link ApprovalWorkflow#handleReply}), or empty when
     *     the message is not for this step
     */
    Optional<String> handle(InboundMail mail);
}
