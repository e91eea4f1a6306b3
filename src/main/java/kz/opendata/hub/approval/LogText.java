package kz.opendata.hub.approval;

import java.util.regex.Pattern;

/** Makes text from mail servers and messages safe for log lines, which never show e-mail addresses. */
final class LogText {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

    private LogText() {}

    /** Replaces every e-mail address with {@code <address>}. */
    static String withoutAddresses(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll("<address>");
    }
}
