package kz.opendata.hub.analysis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import kz.opendata.hub.analysis.TestIins;
import org.junit.jupiter.api.Test;

class MoreValueDetectorsTest {

    @Test
    void binPassesCheckDigitAndIsNoIin() {
        // 0405 4 0 00123: registered in May 2004, resident legal entity (4), head office (0).
        // Weights 1..11 on 0 4 0 5 4 0 0 0 1 2 3: 0 + 8 + 0 + 20 + 20 + 0 + 0 + 0 + 9 + 20 + 33 = 110;
        // 110 mod 11 = 0, so the check digit is 0.
        BinDetector bins = new BinDetector();
        IinDetector iins = new IinDetector();

        assertThat(bins.matches("040540001230")).isTrue();
        assertThat(bins.matches("040540001231")).isFalse();
        assertThat(iins.matches("040540001230")).isFalse();
        assertThat(bins.matches(TestIins.generate(java.time.LocalDate.of(1987, 4, 12), true, 12)))
                .isFalse();
    }

    @Test
    void ibanPassesMod97() {
        // The IBAN registry's example for Kazakhstan.
        IbanDetector ibans = new IbanDetector();

        assertThat(ibans.matches("KZ86125KZT5004100100")).isTrue();
        assertThat(ibans.matches("KZ86 125K ZT50 0410 0100")).isTrue();
        assertThat(ibans.matches("KZ87125KZT5004100100")).isFalse();
        assertThat(ibans.mask("KZ86125KZT5004100100")).isEqualTo("KZ**************0100");
    }

    @Test
    void cardPassesLuhn() {
        // 4111 1111 1111 1111 from the right: eight 1s kept and eight 1s doubled to 2 give 8 + 16 = 24,
        // plus the leading 4 doubled to 8 in place of a 2: 30, which ends in 0.
        PaymentCardDetector cards = new PaymentCardDetector();

        assertThat(cards.matches("4111 1111 1111 1111")).isTrue();
        assertThat(cards.matches("4111 1111 1111 1112")).isFalse();
        assertThat(cards.matches("1111 1111 1111 1117"))
                .as("no network starts with 1")
                .isFalse();
        assertThat(cards.mask("4111 1111 1111 1111")).isEqualTo("**** **** **** 1111");
    }

    @Test
    void homeAddressNeedsFlatNumber() {
        HomeAddressDetector addresses = new HomeAddressDetector();

        assertThat(addresses.matches("г. Алматы, ул. Абая, д. 10, кв. 5")).isTrue();
        assertThat(addresses.matches("Астана, Абай көшесі 10 үй, 25 пәтер")).isTrue();
        assertThat(addresses.matches("119048, Москва, ул. Доватора, д.10")).isFalse();
        assertThat(addresses.matches("кв. 5")).isFalse();
        assertThat(addresses.mask("ул. Абая, д. 10, кв. 5")).isEqualTo("у*** А*** д*** 1*** к*** 5***");
    }

    @Test
    void birthDatesAreDatesUpToToday() {
        BirthDateDetector births = new BirthDateDetector();

        assertThat(births.matches("12.04.1987")).isTrue();
        assertThat(births.matches("1987-04-12")).isTrue();
        assertThat(births.matches("12.04.2987")).isFalse();
        assertThat(births.matches("12.04.1887")).isFalse();
        assertThat(births.mask("12.04.1987")).isEqualTo("**.**.****");
    }

    @Test
    void identityDocumentsHaveKnownShapes() {
        IdentityDocumentDetector documents = new IdentityDocumentDetector();

        assertThat(documents.matches("045123789")).isTrue();
        assertThat(documents.matches("N12345678")).isTrue();
        assertThat(documents.matches("45 09 123456")).isTrue();
        assertThat(documents.matches("12345")).isFalse();
        assertThat(documents.mask("045123789")).isEqualTo("*******89");
    }
}
