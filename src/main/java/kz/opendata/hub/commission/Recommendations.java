package kz.opendata.hub.commission;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.approval.ApprovalProperties;
import kz.opendata.hub.approval.InboundMail;
import kz.opendata.hub.approval.Letter;
import kz.opendata.hub.approval.MailOutbox;
import kz.opendata.hub.approval.MessageIds;
import kz.opendata.hub.approval.OutgoingLetter;
import kz.opendata.hub.approval.Reply;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.ApprovalMessage;
import kz.opendata.hub.store.ApprovalMessageRepository.Entry;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commission's recommendations on passports: recorded from an analyst (REST) or from a
 * body's e-mail, sent to the agency in one letter threaded with its approval request, answered
 * by the agency one by one with a reasoned acceptance or rejection, and the answers forwarded to
 * both bodies. Every step writes an audit record with the Message-ID, the sender and the
 * decisive sentence.
 */
@Service
public class Recommendations {

    static final String LETTER_KIND = "recommendations";
    static final String ANSWERS_KIND = "recommendation-answers";

    private static final Logger LOG = LoggerFactory.getLogger(Recommendations.class);

    private final CommissionRepository repository;
    private final PassportRepository passports;
    private final ApprovalMessageRepository messages;
    private final AgencyRegistry agencies;
    private final CommissionTexts texts;
    private final CommissionRound round;
    private final MailOutbox outbox;
    private final CommissionProperties settings;
    private final ApprovalProperties approval;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    Recommendations(
            CommissionRepository repository,
            PassportRepository passports,
            ApprovalMessageRepository messages,
            AgencyRegistry agencies,
            CommissionTexts texts,
            CommissionRound round,
            MailOutbox outbox,
            CommissionProperties settings,
            ApprovalProperties approval,
            AuditLog audit,
            ObjectMapper json,
            Clock clock) {
        this.repository = repository;
        this.passports = passports;
        this.messages = messages;
        this.agencies = agencies;
        this.texts = texts;
        this.round = round;
        this.outbox = outbox;
        this.settings = settings;
        this.approval = approval;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records recommendations on a passport and sends them to the agency.
     *
     * @param body {@code authorized} or {@code access}
     * @param author the address the recommendations came from, or the analyst who entered them
     * @param sourceMessageId the body's e-mail that carried them, or null when entered by hand
     * @throws CommissionStateException when the passport was never sent to the agency
     */
    @Transactional
    public List<CommissionRepository.Recommendation> record(
            long passportId, String body, String author, List<String> recommendations, String sourceMessageId) {
        PassportRecord passport = passports
                .find(passportId)
                .orElseThrow(() -> new CommissionStateException("passport " + passportId + " does not exist"));
        requireSent(passport);
        Long packageId =
                repository.openPackagesOf(passportId).stream().findFirst().orElse(null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> ids = new ArrayList<>();
        for (String text : recommendations) {
            int number = repository.nextNumber(passportId);
            ids.add(repository.insertRecommendation(new CommissionRepository.NewRecommendation(
                    passportId, packageId, number, text.strip(), body, author, sourceMessageId, now)));
            audit.record(
                    "commission",
                    "recommendation-recorded",
                    "passport",
                    passportId,
                    "number=" + number + " body=" + body + " author=" + author + " messageId=" + sourceMessageId
                            + " text=" + text.strip());
        }
        List<CommissionRepository.Recommendation> recorded = repository.recommendations(passportId).stream()
                .filter(r -> ids.contains(r.id()))
                .toList();
        sendToAgency(passport, recorded);
        if (List.of(PassportRecord.APPROVED, PassportRecord.PUBLISHED).contains(passport.status())) {
            audit.record(
                    "commission",
                    "recommendation-after-approval",
                    "passport",
                    passportId,
                    "status=" + passport.status() + " numbers="
                            + recorded.stream().map(r -> r.number()).toList());
            LOG.warn(
                    "Passport {} is {} already, and the commission made recommendations on it; an analyst decides"
                            + " whether a revised version is needed",
                    passportId,
                    passport.status());
        }
        return recorded;
    }

    /** Recommendations on a passport with their answers, by number. */
    public List<CommissionRepository.Recommendation> forPassport(long passportId) {
        return repository.recommendations(passportId);
    }

    /**
     * Reads an agency contact's reply to a recommendations letter: records each answer, forwards
     * the reasoned ones to both bodies, and settles the passport's commission round.
     */
    String answer(PassportRecord passport, InboundMail mail, String letterId) {
        Reply reply = mail.reply();
        List<CommissionRepository.Recommendation> asked = repository.sentIn(letterId);
        List<Integer> numbers =
                asked.stream().map(CommissionRepository.Recommendation::number).toList();
        List<String> notes = new ArrayList<>();
        List<Long> forward = new ArrayList<>();
        List<Integer> answeredHere = new ArrayList<>();
        for (AnswerReader.Answer answer : AnswerReader.read(reply.ownText(), numbers)) {
            CommissionRepository.Recommendation recommendation = asked.stream()
                    .filter(r -> r.number() == answer.number())
                    .findFirst()
                    .orElseThrow();
            answeredHere.add(answer.number());
            recordAnswer(passport, mail, recommendation, answer, notes).ifPresent(forward::add);
        }
        List<Integer> missing =
                numbers.stream().filter(n -> !answeredHere.contains(n)).toList();
        if (!missing.isEmpty()) {
            notes.add("Recommendations " + missing + " have no answer in this reply.");
        }
        recordMessage(passport.id(), mail, ANSWERS_KIND, ANSWERS_KIND, notes);
        if (!forward.isEmpty()) {
            forward(passport, forward, mail);
        }
        round.settle(passport.id());
        return ANSWERS_KIND;
    }

    /**
     * Reads a body's e-mail: the recommendations on each passport it names, recorded and sent to
     * the agencies. Passports are looked up in the package the e-mail replies to, or in every
     * open package when it replies to none.
     */
    String fromBody(InboundMail mail, String body, List<RecommendationMailReader.Candidate> candidates) {
        RecommendationMailReader.Result parsed =
                RecommendationMailReader.read(mail.reply().ownText(), candidates);
        List<String> notes = new ArrayList<>(parsed.problems());
        parsed.recommendations().forEach((passportId, items) -> {
            try {
                record(passportId, body, mail.reply().from(), items, mail.messageId());
                notes.add("Passport " + passportId + ": " + items.size() + " recommendations recorded and sent.");
            } catch (CommissionStateException e) {
                notes.add(e.getMessage());
            }
        });
        if (parsed.recommendations().isEmpty()) {
            notes.add("No recommendation was found; an analyst reads the e-mail and enters them with POST"
                    + " /api/passports/{id}/recommendations.");
        }
        Long passportId = parsed.recommendations().size() == 1
                ? parsed.recommendations().keySet().iterator().next()
                : null;
        String decision = parsed.recommendations().isEmpty() ? "no-recommendations" : LETTER_KIND;
        recordMessage(passportId, mail, LETTER_KIND, decision, notes);
        audit.record(
                "commission",
                "commission-mail-read",
                "message",
                mail.messageId(),
                "sender=" + mail.reply().from() + " body=" + body + " passports="
                        + parsed.recommendations().keySet());
        return LETTER_KIND;
    }

    private Optional<Long> recordAnswer(
            PassportRecord passport,
            InboundMail mail,
            CommissionRepository.Recommendation recommendation,
            AnswerReader.Answer answer,
            List<String> notes) {
        int number = recommendation.number();
        if (answer.answer() == null) {
            notes.add("Recommendation " + number + ": no acceptance or rejection was found in its answer.");
            return Optional.empty();
        }
        if (recommendation.isAnswered()) {
            notes.add("Recommendation " + number + " was answered before; this answer is kept in the message only.");
            return Optional.empty();
        }
        repository.answer(
                recommendation.id(),
                new CommissionRepository.Answer(
                        answer.answer(),
                        answer.reason(),
                        answer.sentence(),
                        mail.messageId(),
                        mail.reply().from(),
                        OffsetDateTime.now(clock)));
        audit.record(
                "commission",
                "recommendation-answered",
                "passport",
                passport.id(),
                "number=" + number + " answer=" + answer.answer() + " messageId=" + mail.messageId() + " sender="
                        + mail.reply().from() + " sentAt=" + mail.reply().sentDate() + " sentence="
                        + answer.sentence());
        if (CommissionRepository.REJECTED.equals(answer.answer()) && answer.reason() == null) {
            notes.add("Recommendation " + number + " was rejected without a reason; the answer is forwarded once"
                    + " the agency gives one.");
            audit.record(
                    "commission",
                    "recommendation-answer-unreasoned",
                    "passport",
                    passport.id(),
                    "number=" + number + " messageId=" + mail.messageId());
            return Optional.empty();
        }
        return Optional.of(recommendation.id());
    }

    private void sendToAgency(PassportRecord passport, List<CommissionRepository.Recommendation> recorded) {
        Agency agency = agencies.find(passport.agencyCode())
                .orElseThrow(() -> new CommissionStateException("agency " + passport.agencyCode() + " of passport "
                        + passport.id() + " is not in the registry"));
        String language = agency.language();
        Letter letter = texts.recommendationsLetter(
                language,
                agency.name(language),
                PassportTitles.of(passport, language, json),
                passport.version(),
                passport.replyToken(),
                recorded);
        Optional<Entry> request = messages.entries(passport.id()).stream()
                .filter(e -> ApprovalMessageRepository.OUT.equals(e.direction()) && "request".equals(e.kind()))
                .reduce((first, second) -> second);
        String messageId = MessageIds.create(passport.replyToken() + ".recommendations", approval.messageIdHost());
        queue(new OutgoingLetter(
                LETTER_KIND,
                passport.id(),
                "passport",
                String.valueOf(passport.id()),
                messageId,
                agency.approvalAddresses(),
                List.of(),
                letter,
                language,
                request.map(Entry::messageId).orElse(null),
                request.map(e -> List.of(e.messageId())).orElse(List.of()),
                OutgoingLetter.AUTO_GENERATED,
                List.of()));
        repository.markSent(
                recorded.stream().map(CommissionRepository.Recommendation::id).toList(), messageId);
    }

    private void forward(PassportRecord passport, List<Long> ids, InboundMail mail) {
        settings.requireBothBodies();
        List<CommissionRepository.Recommendation> answered = repository.recommendations(passport.id()).stream()
                .filter(r -> ids.contains(r.id()))
                .toList();
        Agency agency = agencies.find(passport.agencyCode()).orElseThrow();
        String language = settings.language();
        OffsetDateTime received = Optional.ofNullable(mail.reply().sentDate())
                .map(instant -> instant.atOffset(ZoneOffset.UTC))
                .orElse(OffsetDateTime.now(clock));
        Letter letter = texts.answersLetter(
                language,
                agency.name(language),
                passport.id(),
                PassportTitles.of(passport, language, json),
                passport.version(),
                answered,
                received.atZoneSameInstant(clock.getZone()).toLocalDate(),
                mail.messageId());
        Optional<String> packageMessage = answered.stream()
                .map(CommissionRepository.Recommendation::packageId)
                .filter(id -> id != null)
                .findFirst()
                .flatMap(repository::findPackage)
                .map(CommissionRepository.PackageRow::messageId);
        String messageId = MessageIds.create("commission.answers-" + passport.id(), approval.messageIdHost());
        queue(new OutgoingLetter(
                ANSWERS_KIND,
                passport.id(),
                "passport",
                String.valueOf(passport.id()),
                messageId,
                settings.authorizedBodyEmails(),
                settings.accessBodyEmails(),
                letter,
                language,
                packageMessage.orElse(null),
                packageMessage.map(List::of).orElse(List.of()),
                OutgoingLetter.AUTO_GENERATED,
                List.of()));
        repository.markForwarded(ids, messageId);
        LOG.info("Answers of passport {} to recommendations forwarded to both bodies in {}", passport.id(), messageId);
    }

    private void recordMessage(Long passportId, InboundMail mail, String kind, String decision, List<String> notes) {
        Reply reply = mail.reply();
        messages.insert(
                new ApprovalMessage(
                        passportId,
                        ApprovalMessageRepository.IN,
                        mail.messageId(),
                        reply.inReplyTo(),
                        reply.from(),
                        reply.subject(),
                        reply.sentDate() == null ? null : reply.sentDate().atOffset(ZoneOffset.UTC),
                        decision,
                        null,
                        reply.ownText()),
                kind,
                notes.isEmpty() ? null : String.join(" ", notes),
                OffsetDateTime.now(clock));
    }

    private void queue(OutgoingLetter letter) {
        try {
            outbox.queue(letter);
        } catch (MessagingException e) {
            throw new IllegalStateException("the " + letter.kind() + " letter could not be composed", e);
        }
    }

    private static void requireSent(PassportRecord passport) {
        if (passport.replyToken() == null) {
            throw new CommissionStateException("passport " + passport.id() + " was not sent to the agency yet, so"
                    + " recommendations cannot reach it; send the draft for approval first");
        }
    }
}
