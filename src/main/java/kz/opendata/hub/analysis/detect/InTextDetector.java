package kz.opendata.hub.analysis.detect;

import java.util.function.UnaryOperator;
import kz.opendata.hub.analysis.Iin;

/**
 * Finds restricted values of one kind inside longer text, such as a comment that quotes an
 * applicant's IIN or mobile number. A cell counts when it contains such a value and the detector of
 * the kind does not recognise the whole cell. The evidence is the value found, masked as that
 * detector masks a whole cell. Its kind is the kind it looks for with {@value #SUFFIX} appended.
 */
final class InTextDetector implements ValueDetector {

    static final String SUFFIX = "-in-text";

    static final String IIN = IinDetector.KIND + SUFFIX;
    static final String PAYMENT_CARD = PaymentCardDetector.KIND + SUFFIX;
    static final String IBAN = IbanDetector.KIND + SUFFIX;
    static final String EMAIL = EmailDetector.KIND + SUFFIX;
    static final String PHONE = PhoneDetector.KIND + SUFFIX;

    private final ValueDetector whole;
    private final Precondition precondition;
    private final UnaryOperator<String> finder;

    private InTextDetector(ValueDetector whole, Precondition precondition, UnaryOperator<String> finder) {
        this.whole = whole;
        this.precondition = precondition;
        this.finder = finder;
    }

    /** Creates the detector of valid IINs in text longer than a bare IIN with spaces. */
    static InTextDetector iin() {
        return new InTextDetector(
                new IinDetector(),
                Precondition.of(Iin.LENGTH + 4, Integer.MAX_VALUE, Iin.LENGTH, Integer.MAX_VALUE),
                InTextDetector::findIin);
    }

    /** Returns the first valid IIN in the text as its 12 digits, without a separator between the groups. */
    private static String findIin(String text) {
        String found = EmbeddedValues.find(IinDetector.KIND, text);
        return found == null ? null : EmbeddedValues.iinDigits(found);
    }

    /** Creates the detector of Luhn-valid card numbers in text with letters. */
    static InTextDetector paymentCard() {
        return new InTextDetector(
                new PaymentCardDetector(),
                Precondition.of(14, Integer.MAX_VALUE, 13, Integer.MAX_VALUE).withLetter(),
                text -> EmbeddedValues.find(PaymentCardDetector.KIND, text));
    }

    /** Creates the detector of Kazakh IBANs in text longer than a bare IBAN. */
    static InTextDetector iban() {
        return new InTextDetector(
                new IbanDetector(),
                Precondition.of(21, Integer.MAX_VALUE, 5, Integer.MAX_VALUE).withLetter(),
                text -> hasKz(text) ? EmbeddedValues.find(IbanDetector.KIND, text) : null);
    }

    /** Creates the detector of e-mail addresses in text that is not a list of addresses. */
    static InTextDetector email() {
        return new InTextDetector(
                new EmailDetector(),
                Precondition.of(5, Integer.MAX_VALUE, 0, Integer.MAX_VALUE)
                        .withAt()
                        .withLetter(),
                text -> EmbeddedValues.find(EmailDetector.KIND, text));
    }

    /** Creates the detector of phone numbers written as someone's contact in text with letters. */
    static InTextDetector phone() {
        return new InTextDetector(
                new PhoneDetector(),
                Precondition.of(9, Integer.MAX_VALUE, 7, Integer.MAX_VALUE).withLetter(),
                EmbeddedValues::findContact);
    }

    @Override
    public String kind() {
        return whole.kind() + SUFFIX;
    }

    @Override
    public Precondition precondition() {
        return precondition;
    }

    /**
     * Returns whether the text contains a value of the kind that the kind's detector does not take
     * as the whole cell. Text outside the precondition, such as a list of phone numbers without a
     * letter, is the whole-cell detector's alone.
     */
    @Override
    public boolean matches(String value) {
        if (!precondition.admits(new Precondition.Counts().count(value))) {
            return false;
        }
        // The whole-cell test goes first: it is a scan without patterns, and most e-mail cells pass it.
        return !whole.matches(value) && finder.apply(value) != null;
    }

    /** Masks the first value found in the text as the detector of its kind masks a whole cell. */
    @Override
    public String mask(String value) {
        return whole.mask(finder.apply(value));
    }

    /** Tells whether the text contains KZ in any case, the start of every Kazakh IBAN. */
    private static boolean hasKz(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == 'Z' || c == 'z') && (text.charAt(i - 1) == 'K' || text.charAt(i - 1) == 'k')) {
                return true;
            }
        }
        return false;
    }
}
