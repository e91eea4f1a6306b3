package kz.opendata.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IinTest {

    @Test
    void acceptsNumberWithFirstPassCheckDigit() {
        // 870412 3 0012: born 12 April 1987, a man of the 20th century (3), serial 0012.
        // First pass, weights 1..11 on 8 7 0 4 1 2 3 0 0 1 2:
        // 8 + 14 + 0 + 16 + 5 + 12 + 21 + 0 + 0 + 10 + 22 = 108; 108 mod 11 = 9.
        assertThat(Iin.isValid("870412300129")).isTrue();
    }

    @Test
    void acceptsNumberThatNeedsSecondWeightPass() {
        // 900101 4 0040: born 1 January 1990, a woman of the 20th century (4), serial 0040.
        // First pass on 9 0 0 1 0 1 4 0 0 4 0: 9 + 0 + 0 + 4 + 0 + 6 + 28 + 0 + 0 + 40 + 0 = 87;
        // 87 mod 11 = 10, so a second pass with weights 3 4 5 6 7 8 9 10 11 1 2:
        // 27 + 0 + 0 + 6 + 0 + 8 + 36 + 0 + 0 + 4 + 0 = 81; 81 mod 11 = 4.
        assertThat(Iin.isValid("900101400404")).isTrue();
        assertThat(Iin.isValid("900101400400")).isFalse();
    }

    @Test
    void rejectsPrefixWhoseBothPassesGiveTen() {
        // 9 0 0 1 0 1 4 0 0 4 3, first pass: 9 + 4 + 6 + 28 + 40 + 33 = 120; 120 mod 11 = 10.
        // Second pass: 27 + 6 + 8 + 36 + 4 + 6 = 87; 87 mod 11 = 10, so no check digit exists.
        for (int last = 0; last <= 9; last++) {
            assertThat(Iin.isValid("90010140043" + last))
                    .as("check digit %d", last)
                    .isFalse();
        }
    }

    @Test
    void rejectsBrokenCheckDigit() {
        assertThat(Iin.isValid("870412300128")).isFalse();
        assertThat(Iin.isValid("870412300120")).isFalse();
    }

    @Test
    void rejectsImpossibleBirthDate() {
        // 31 February 1987 does not exist; the check digit is computed so only the date is wrong.
        String prefix = "8702313" + "0012";
        assertThat(Iin.isValid(prefix + TestIins.checkDigit(prefix))).isFalse();
    }

    @Test
    void rejectsCenturyDigitOutsideOneToSix() {
        for (char century : new char[] {'0', '7', '8', '9'}) {
            String prefix = "870412" + century + "0012";
            int check = TestIins.checkDigit(prefix);
            if (check >= 0) {
                assertThat(Iin.isValid(prefix + check))
                        .as("century digit %s", century)
                        .isFalse();
            }
        }
    }

    @Test
    void rejectsWrongLengthAndLetters() {
        assertThat(Iin.isValid("87041230012")).isFalse();
        assertThat(Iin.isValid("8704123001290")).isFalse();
        assertThat(Iin.isValid("87041230012A")).isFalse();
        assertThat(Iin.isValid(null)).isFalse();
    }

    @Test
    void readsBirthDateAndCentury() {
        String womanOf2005 = TestIins.generate(LocalDate.of(2005, 2, 28), false, 17);

        assertThat(Iin.isValid(womanOf2005)).isTrue();
        assertThat(Iin.birthDate(womanOf2005)).contains(LocalDate.of(2005, 2, 28));
        assertThat(womanOf2005.charAt(6)).isEqualTo('6');
    }

    @Test
    void acceptsGeneratedNumbersAcrossCenturies() {
        for (int year : new int[] {1899, 1950, 1999, 2000, 2024}) {
            for (int serial = 0; serial < 300; serial++) {
                String iin = TestIins.generate(
                        LocalDate.of(year, 1 + serial % 12, 1 + serial % 28), serial % 2 == 0, serial);
                if (iin != null) {
                    assertThat(Iin.isValid(iin))
                            .as("generated for %d serial %d", year, serial)
                            .isTrue();
                }
            }
        }
    }
}
