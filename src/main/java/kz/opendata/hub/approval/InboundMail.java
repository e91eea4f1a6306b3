package kz.opendata.hub.approval;

import java.util.Optional;
import kz.opendata.hub.store.ApprovalMessageRepository;

/**
 * A message of the approval mailbox, read and not seen before.
 *
 * @param messageId its Message-ID, or a stable one the hub derived when it has none
 * @param thread the hub's own outgoing message it replies to, found by In-Reply-To and References
 */
public record InboundMail(Reply reply, String messageId, Optional<ApprovalMessageRepository.Entry> thread) {}
