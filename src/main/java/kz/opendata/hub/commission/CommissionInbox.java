package kz.opendata.hub.commission;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.approval.InboundMail;
import kz.opendata.hub.approval.InboxHandler;
import kz.opendata.hub.store.ApprovalMessageRepository.Entry;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Takes the commission round's messages from the approval mailbox: an agency contact's reply to
 * a recommendations letter (its answers), and any e-mail from an address of the two bodies (their
 * recommendations). A reply to a recommendations letter from anyone else is left to the approval
 * loop, which records it and answers that only registered contacts count.
 */
@Component
@Order(100)
class CommissionInbox implements InboxHandler {

    private final Recommendations recommendations;
    private final CommissionRepository repository;
    private final PassportRepository passports;
    private final AgencyRegistry agencies;
    private final CommissionProperties settings;

    CommissionInbox(
            Recommendations recommendations,
            CommissionRepository repository,
            PassportRepository passports,
            AgencyRegistry agencies,
            CommissionProperties settings) {
        this.recommendations = recommendations;
        this.repository = repository;
        this.passports = passports;
        this.agencies = agencies;
        this.settings = settings;
    }

    @Override
    public Optional<String> handle(InboundMail mail) {
        Optional<Entry> letter = mail.thread()
                .filter(entry -> Recommendations.LETTER_KIND.equals(entry.kind()) && entry.passportId() != null);
        if (letter.isPresent()) {
            PassportRecord passport = passports.find(letter.get().passportId()).orElseThrow();
            boolean contact = agencies.find(passport.agencyCode())
                    .map(agency -> agency.isApprovalContact(mail.reply().from()))
                    .orElse(false);
            if (contact) {
                return Optional.of(
                        recommendations.answer(passport, mail, letter.get().messageId()));
            }
        }
        String body = settings.bodyOf(mail.reply().from());
        if (body == null) {
            return Optional.empty();
        }
        return Optional.of(recommendations.fromBody(mail, body, candidates(mail)));
    }

    private List<RecommendationMailReader.Candidate> candidates(InboundMail mail) {
        List<String> thread = new ArrayList<>();
        if (mail.reply().inReplyTo() != null) {
            thread.add(mail.reply().inReplyTo());
        }
        List<String> references = new ArrayList<>(mail.reply().references());
        Collections.reverse(references);
        thread.addAll(references);
        List<Long> ids = repository
                .findPackageByMessageId(thread)
                .map(pack -> repository.passportsOf(pack.id()))
                .orElseGet(repository::passportsOfOpenPackages);
        return passports.findAll(ids).stream()
                .map(p -> new RecommendationMailReader.Candidate(p.id(), p.datasetName()))
                .toList();
    }
}
