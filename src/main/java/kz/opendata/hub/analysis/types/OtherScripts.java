package kz.opendata.hub.analysis.types;

import com.ibm.icu.text.Transliterator;

/**
 * ICU's {@code Any-Latin; Latin-ASCII}, for the letters the Cyrillic tables of technical names
 * and data set names leave alone: Greek, Arabic, accented Latin and the like.
 *
 * <p>The transliterator is built the first time a text needs it. Building it reads ICU's rule
 * data and takes a few hundred milliseconds, which the {@code analyze} command would otherwise
 * spend on every file, although headers in Russian, Kazakh and English never need it.
 */
public final class OtherScripts {

    private OtherScripts() {}

    /** Returns the text in ASCII: unchanged when it is ASCII already, otherwise through ICU. */
    public static String toAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return Icu.transliterate(text);
            }
        }
        return text;
    }

    /** Holder of the transliterator, which the JVM builds when this class is first used. */
    private static final class Icu {

        private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

        static String transliterate(String text) {
            // ICU documents Transliterator instances as not safe for concurrent use.
            synchronized (TO_ASCII) {
                return TO_ASCII.transliterate(text);
            }
        }
    }
}
