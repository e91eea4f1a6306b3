package kz.opendata.hub.commission;

import java.util.List;
import kz.opendata.hub.approval.InboxSenders;
import org.springframework.stereotype.Component;

/** Lets the approval inbox read unread mail from the two bodies' addresses. */
@Component
class CommissionSenders implements InboxSenders {

    private final CommissionProperties settings;

    CommissionSenders(CommissionProperties settings) {
        this.settings = settings;
    }

    @Override
    public List<String> addresses() {
        return settings.allBodyEmails();
    }
}
