package kz.opendata.hub.approval;

import java.util.List;

/**
 * Addresses besides the agencies' approval contacts whose mail belongs in the approval inbox,
 * such as the commission's bodies. Their unread messages are read even when they do not reply to
 * the hub.
 */
public interface InboxSenders {

    List<String> addresses();
}
