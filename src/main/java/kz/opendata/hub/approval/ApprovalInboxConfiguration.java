package kz.opendata.hub.approval;

import jakarta.mail.Flags;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.SearchTerm;
import jakarta.mail.search.SubjectTerm;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The IMAP search that picks the approval inbox's messages out of a shared mailbox. The route
 * {@code approval-inbox} reads only unread messages that reply to the hub (a Message-ID starting
 * with {@code <odh.} in In-Reply-To or References), carry a reply token mark ({@code ODH-}) in
 * the subject, or come from a registered approval contact or a commission body. Every other
 * message stays unread in the inbox, because the route never fetches it.
 *
 * <p>The search runs on the IMAP server as one SEARCH command. The agency registry is read at
 * start-up, so a contact added to it takes effect after a restart.
 */
@Configuration(proxyBeanMethods = false)
class ApprovalInboxConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalInboxConfiguration.class);

    @Bean
    SearchTerm approvalInboxSearch(AgencyRegistry agencies, ObjectProvider<InboxSenders> others) {
        Set<String> senders = new LinkedHashSet<>();
        for (Agency agency : agencies.all()) {
            senders.addAll(agency.approvalAddresses());
        }
        others.orderedStream().forEach(source -> senders.addAll(source.addresses()));
        LOG.info(
                "Approval inbox reads unread replies to the hub and unread mail from {} known senders", senders.size());
        return search(senders);
    }

    static SearchTerm search(Set<String> senders) {
        List<SearchTerm> terms = new ArrayList<>();
        terms.add(new HeaderTerm("In-Reply-To", MessageIds.MARK));
        terms.add(new HeaderTerm("References", MessageIds.MARK));
        terms.add(new SubjectTerm("ODH-"));
        for (String sender : senders) {
            terms.add(new FromStringTerm(sender));
        }
        SearchTerm unread = new FlagTerm(new Flags(Flags.Flag.SEEN), false);
        return new AndTerm(unread, new OrTerm(terms.toArray(SearchTerm[]::new)));
    }
}
