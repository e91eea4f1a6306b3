package kz.opendata.hub.approval;

/** Something the reader had to work around while reading a reply; shown to analysts. */
public enum ReplyNote {
    /** The reply had no text/plain body, so its HTML body was converted to text. */
    HTML_ONLY,
    /** A body part's bytes did not match its declared charset and were decoded with another. */
    CHARSET_CORRECTED,
    /** A header carried raw 8-bit bytes instead of RFC 2047 encoded words. */
    RAW_8BIT_HEADER,
    /** The reply carried an Outlook TNEF part (winmail.dat). */
    TNEF,
    /** The TNEF part held its text only as compressed RTF, and that RTF could not be read. */
    TNEF_RTF_ONLY,
    /** No body text was found at all. */
    NO_TEXT
}
