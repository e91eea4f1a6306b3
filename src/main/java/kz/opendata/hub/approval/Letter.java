package kz.opendata.hub.approval;

/**
 * Subject and plain-text body of an e-mail the hub sends.
 *
 * @param subject decoded subject line
 * @param body body text with {@code \n} line ends, wrapped at 76 characters
 */
public record Letter(String subject, String body) {}
