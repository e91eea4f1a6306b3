package kz.opendata.hub.approval;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.ApprovalMessage;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Applies an agency's reply to the passport it answers.
 *
 * <p>Only a registered approval contact decides; anyone else is recorded, flagged and sent the
 * explanation letter. A decision changes the status only of the passport's latest version while
 * it is {@code sent}: a decision about an older version, or about a version already approved or
 * rejected, is recorded with a note and changes nothing, and a second contact's decision on an
 * approved passport is such a note. An edited passport attached to the reply becomes the next
 * version and makes the reply a change request. An approval that arrives while the passport's
 * commission round is open is held until the round ends (see {@link ApprovalHold}).
 */
@Component
class ReplyDecisions {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyDecisions.class);

    private final PassportRepository passports;
    private final ApprovalMessageRepository messages;
    private final HeldApprovalRepository held;
    private final AgencyRegistry agencies;
    private final DecisionClassifier classifier;
    private final EditedPassports editedPassports;
    private final PassportRevisions revisions;
    private final UnregisteredSenders unregistered;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<ApprovalHold> holds;

    ReplyDecisions(
            PassportRepository passports,
            ApprovalMessageRepository messages,
            HeldApprovalRepository held,
            AgencyRegistry agencies,
            DecisionClassifier classifier,
            EditedPassports editedPassports,
            PassportRevisions revisions,
            UnregisteredSenders unregistered,
            AuditLog audit,
            Clock clock,
            ObjectProvider<ApprovalHold> holds) {
        this.passports = passports;
        this.messages = messages;
        this.held = held;
        this.agencies = agencies;
        this.classifier = classifier;
        this.editedPassports = editedPassports;
        this.revisions = revisions;
        this.unregistered = unregistered;
        this.audit = audit;
        this.clock = clock;
        this.holds = holds;
    }

    /** What a reply did, gathered while it is applied. */
    private static final class Effect {
        final List<String> notes = new ArrayList<>();
        String action = "reply-recorded";
        boolean statusChanged;
    }

    /** Applies a reply about the passport; returns the decision code recorded. */
    String apply(PassportRecord passport, InboundMail inbound) throws MessagingException {
        Reply reply = inbound.reply();
        Optional<Agency> agency = agencies.find(passport.agencyCode());
        if (agency.isEmpty() || !agency.get().isApprovalContact(reply.from())) {
            return notAContact(passport, inbound, agency.isEmpty());
        }
        Decision decision = classifier.classify(reply.ownText());
        Decision.Kind kind = decision.kind();
        Effect effect = new Effect();
        PassportRecord current = passports.find(passport.id()).orElseThrow();
        Optional<PassportRecord> later =
                passports.latestVersion(current.unloadId()).filter(latest -> latest.version() > current.version());
        if (!reply.attachments().isEmpty()) {
            kind = readEdits(current, later.isPresent(), inbound, kind, effect);
        }
        if (later.isPresent()) {
            effect.notes.add("Version " + later.get().version() + " (passport "
                    + later.get().id() + ") exists, so" + " this decision about version " + current.version()
                    + " changes nothing.");
            effect.action = "decision-for-older-version";
        } else if (!PassportRecord.SENT.equals(current.status())) {
            noteSettled(current, kind, effect);
        } else {
            decide(current, kind, decision, inbound, effect);
        }
        String code = code(kind);
        record(passport.id(), inbound, code, decision.decisiveSentence(), "reply", effect.notes);
        audit.record(
                "approval",
                effect.action,
                "passport",
                passport.id(),
                evidence(inbound) + " decision=" + code + " sentence=" + decision.decisiveSentence());
        LOG.info(
                "Reply {} about passport {}: {}{}",
                inbound.messageId(),
                passport.id(),
                code,
                effect.statusChanged ? "" : " (status left as " + current.status() + ")");
        return code;
    }

    /** Records a message that decides nothing: automatic, the hub's own, or unmatched. */
    void recordOther(Long passportId, InboundMail inbound, String decision, String kind, String note) {
        record(passportId, inbound, decision, null, kind, List.of(note));
        audit.record(
                "approval",
                "message-" + decision,
                passportId == null ? "message" : "passport",
                passportId == null ? inbound.messageId() : passportId,
                evidence(inbound));
        LOG.info("Message {} recorded without a decision: {}", inbound.messageId(), decision);
    }

    /** Releases a held approval; see {@link ApprovalWorkflow#releaseHeldApproval}. */
    boolean releaseHeld(long passportId) {
        Optional<HeldApprovalRepository.HeldApproval> approval =
                held.find(passportId).filter(HeldApprovalRepository.HeldApproval::isOpen);
        if (approval.isEmpty() || holdReason(passportId).isPresent()) {
            return false;
        }
        boolean applied = passports.transition(passportId, PassportRecord.SENT, PassportRecord.APPROVED);
        String outcome = applied ? HeldApprovalRepository.APPLIED : HeldApprovalRepository.SUPERSEDED;
        held.release(passportId, outcome, OffsetDateTime.now(clock));
        HeldApprovalRepository.HeldApproval approved = approval.get();
        audit.record(
                "approval",
                applied ? "passport-approved" : "held-approval-superseded",
                "passport",
                passportId,
                "messageId=" + approved.messageId() + " sender=" + approved.sender() + " heldAt=" + approved.heldAt()
                        + " sentence=" + approved.decisiveSentence());
        LOG.info("Approval of passport {} held since {} released: {}", passportId, approved.heldAt(), outcome);
        return true;
    }

    private String notAContact(PassportRecord passport, InboundMail inbound, boolean agencyGone)
            throws MessagingException {
        List<String> notes = new ArrayList<>();
        notes.add(
                agencyGone
                        ? "The passport's agency is no longer in the registry, so nobody can decide by e-mail."
                        : "The sender is not a registered approval contact of the agency; an analyst checks the reply.");
        notes.add(unregistered.answer(inbound.reply(), inbound.messageId()));
        record(passport.id(), inbound, "not-a-contact", null, "reply", notes);
        audit.record(
                "approval",
                "reply-from-unregistered-sender",
                "passport",
                passport.id(),
                evidence(inbound) + " " + notes.get(1));
        LOG.warn(
                "Reply {} about passport {} came from an address that is not a registered contact; it decides"
                        + " nothing and waits for an analyst",
                inbound.messageId(),
                passport.id());
        return "not-a-contact";
    }

    private Decision.Kind readEdits(
            PassportRecord current, boolean laterExists, InboundMail inbound, Decision.Kind kind, Effect effect) {
        EditedPassports.Outcome outcome = editedPassports.read(inbound.reply().attachments(), current.passportJson());
        effect.notes.addAll(outcome.notes());
        if (outcome.edit().isEmpty()) {
            if (!outcome.notes().isEmpty()) {
                audit.record(
                        "approval",
                        "edited-passport-not-used",
                        "passport",
                        current.id(),
                        evidence(inbound) + " reasons=" + String.join(" | ", outcome.notes()));
            }
            return kind;
        }
        boolean revisable = !laterExists
                && List.of(PassportRecord.SENT, PassportRecord.CHANGES_REQUESTED, PassportRecord.REJECTED)
                        .contains(current.status());
        if (!revisable) {
            effect.notes.add(outcome.edit().get().fileName() + " was not drafted as a new version, because the"
                    + " passport is " + current.status() + (laterExists ? " and a later version exists" : "") + ".");
            return kind;
        }
        long next = revisions.draftNext(
                current,
                outcome.edit().get(),
                inbound.messageId(),
                inbound.reply().from());
        effect.notes.add("Version " + (current.version() + 1) + " was drafted from "
                + outcome.edit().get().fileName() + " as passport " + next + ".");
        if (kind == Decision.Kind.REJECTED) {
            return kind;
        }
        if (kind != Decision.Kind.CHANGES_REQUESTED) {
            effect.notes.add("An edited passport makes the reply a change request.");
        }
        return Decision.Kind.CHANGES_REQUESTED;
    }

    private void decide(
            PassportRecord current, Decision.Kind kind, Decision decision, InboundMail inbound, Effect effect) {
        String next = switch (kind) {
            case APPROVED -> PassportRecord.APPROVED;
            case REJECTED -> PassportRecord.REJECTED;
            case CHANGES_REQUESTED -> PassportRecord.CHANGES_REQUESTED;
            case UNCLEAR -> null;
        };
        if (next == null) {
            effect.notes.add("No decision was found in the sender's own words; an analyst reads the reply.");
            return;
        }
        Optional<String> hold = kind == Decision.Kind.APPROVED ? holdReason(current.id()) : Optional.empty();
        if (hold.isPresent()) {
            hold(current, decision, inbound, hold.get(), effect);
            return;
        }
        effect.statusChanged = passports.transition(current.id(), PassportRecord.SENT, next);
        effect.action = effect.statusChanged ? "passport-" + next : "reply-recorded";
        if (!effect.statusChanged) {
            effect.notes.add("The passport left the sent status meanwhile; the status was not changed.");
        }
    }

    private void hold(PassportRecord current, Decision decision, InboundMail inbound, String reason, Effect effect) {
        boolean first = held.holdIfNone(new HeldApprovalRepository.HeldApproval(
                current.id(),
                inbound.messageId(),
                inbound.reply().from(),
                decision.decisiveSentence(),
                OffsetDateTime.now(clock),
                null,
                null));
        effect.action = first ? "approval-held" : "approval-note";
        effect.notes.add(
                first
                        ? "The approval is held until the commission round ends: " + reason
                        : "An approval of this passport is held already; this one is recorded as a note.");
    }

    private void noteSettled(PassportRecord current, Decision.Kind kind, Effect effect) {
        boolean settledApproval =
                List.of(PassportRecord.APPROVED, PassportRecord.PUBLISHED).contains(current.status());
        if (kind == Decision.Kind.APPROVED && settledApproval) {
            effect.action = "approval-note";
            effect.notes.add("The passport was approved before (" + current.decidedAt() + "); this approval is"
                    + " recorded as a note.");
        } else if (settledApproval && (kind == Decision.Kind.REJECTED || kind == Decision.Kind.CHANGES_REQUESTED)) {
            effect.action = "approval-conflict";
            effect.notes.add("This reply contradicts the approval recorded " + current.decidedAt() + "; the status"
                    + " stays " + current.status() + " and an analyst confirms with the agency.");
            LOG.warn(
                    "Passport {} is {}, but a later reply from a contact disagrees; an analyst confirms",
                    current.id(),
                    current.status());
        } else {
            effect.action = "decision-not-applied";
            effect.notes.add("The passport is " + current.status() + ", not sent, so the decision changes nothing.");
        }
    }

    private Optional<String> holdReason(long passportId) {
        return holds.orderedStream()
                .map(hold -> hold.reason(passportId))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private void record(
            Long passportId, InboundMail inbound, String decision, String sentence, String kind, List<String> notes) {
        Reply reply = inbound.reply();
        OffsetDateTime sent = reply.sentDate() == null ? null : reply.sentDate().atOffset(ZoneOffset.UTC);
        messages.insert(
                new ApprovalMessage(
                        passportId,
                        ApprovalMessageRepository.IN,
                        inbound.messageId(),
                        reply.inReplyTo(),
                        reply.from(),
                        reply.subject(),
                        sent,
                        decision,
                        sentence,
                        reply.ownText()),
                kind,
                notes.isEmpty() ? null : String.join(" ", notes),
                OffsetDateTime.now(clock));
    }

    private static String evidence(InboundMail inbound) {
        Reply reply = inbound.reply();
        return "messageId=" + inbound.messageId() + " sender=" + reply.from() + " sentAt=" + reply.sentDate();
    }

    private static String code(Decision.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
