package kz.opendata.hub.analysis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import kz.opendata.hub.analysis.Restriction;
import kz.opendata.hub.analysis.TestIins;
import kz.opendata.hub.analysis.detect.RestrictedDataDetector.Finding;
import org.junit.jupiter.api.Test;

class RestrictedDataDetectorTest {

    private final RestrictedDataDetector detector = new RestrictedDataDetector(ColumnHints.load(null), 3);

    @Test
    void phonesBesideNamesAreRestricted() {
        List<Finding> findings = evaluate(List.of("Руководитель", "Телефон"), new String[][] {
            {"Иванова Наталья Николаевна", "(499) 672-7602"},
            {"Кузнецов Андрей Сергеевич", "(495) 282-8874"}
        });

        assertThat(findings.get(0).restriction().severity()).isEqualTo(Restriction.SEVERITY_RESTRICTED);
        assertThat(findings.get(1).restriction().kind()).isEqualTo("phone");
        assertThat(findings.get(1).restriction().severity()).isEqualTo(Restriction.SEVERITY_RESTRICTED);
    }

    @Test
    void institutionPhonesAloneNeedReview() {
        List<Finding> findings = evaluate(List.of("Название", "Телефон"), new String[][] {
            {"Детский сад № 499", "(499) 046-72-76"},
            {"Детский сад № 550", "(499) 023-51-97"}
        });

        assertThat(findings.get(0).restriction()).isNull();
        assertThat(findings.get(1).restriction().severity()).isEqualTo(Restriction.SEVERITY_REVIEW);
        assertThat(findings.get(1).semanticType()).isEqualTo("phone");
    }

    @Test
    void fewIinsInColumnAreStillRestricted() {
        String[][] rows = new String[40][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new String[] {i < 3 ? TestIins.generate(LocalDate.of(1990, 1, 1 + i), true, i) : "нет"};
        }

        Finding finding = evaluate(List.of("Примечание"), rows).get(0);

        assertThat(finding.restriction().kind()).isEqualTo("iin");
        assertThat(finding.restriction().severity()).isEqualTo(Restriction.SEVERITY_RESTRICTED);
        assertThat(finding.restriction().share()).isEqualTo(0.075);
        assertThat(finding.restriction().evidence()).hasSize(3).allMatch(sample -> sample.contains("******"));
    }

    @Test
    void iinsInsideCommentsAreRestricted() {
        String[][] rows = new String[20][];
        for (int i = 0; i < rows.length; i++) {
            String iin = TestIins.generate(LocalDate.of(1991, 8, 1 + i), true, i);
            rows[i] = new String[] {i < 2 ? "Заявитель ИИН " + iin + " просит справку" : "Заявитель просит справку"};
        }

        Finding finding = evaluate(List.of("Комментарий"), rows).get(0);

        assertThat(finding.restriction().kind()).isEqualTo("iin");
        assertThat(finding.restriction().severity()).isEqualTo(Restriction.SEVERITY_RESTRICTED);
        assertThat(finding.restriction().share()).isEqualTo(0.1);
        assertThat(finding.restriction().evidence())
                .hasSize(2)
                .allMatch(sample -> sample.matches("\\d{2}\\*{6}\\d{4}"));
        assertThat(finding.semanticType()).isNull();
    }

    /** A BIN, a wrong check digit, a longer run of digits and a contract number leave a comment column alone. */
    @Test
    void lookAlikesInsideCommentsAreNot() {
        String iin = TestIins.generate(LocalDate.of(1991, 8, 13), true, 4379);
        String wrongCheckDigit = iin.substring(0, 11) + (char) ('0' + (iin.charAt(11) - '0' + 1) % 10);
        String[][] rows = new String[40][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new String[] {
                switch (i % 4) {
                    case 0 -> "Поставщик БИН 040540001230";
                    case 1 -> "Номер " + wrongCheckDigit + " неверен";
                    case 2 -> "Счёт 7" + iin + " закрыт";
                    default -> "Договор 2023-0145-12 от 01.02.2024";
                }
            };
        }

        Finding finding = evaluate(List.of("Комментарий"), rows).get(0);

        assertThat(finding.restriction()).isNull();
    }

    /** One IIN in 40 comments is under the trace share of an IIN finding, so a person reviews it. */
    @Test
    void rareIinInCommentsIsReview() {
        String iin = TestIins.generate(LocalDate.of(1991, 8, 13), true, 4379);
        String[][] rows = new String[40][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new String[] {i == 3 ? "Заявитель ИИН " + iin : "Без замечаний"};
        }

        Finding finding = evaluate(List.of("Комментарий"), rows).get(0);

        assertThat(finding.restriction().kind()).isEqualTo("iin");
        assertThat(finding.restriction().severity()).isEqualTo(Restriction.SEVERITY_REVIEW);
        assertThat(finding.restriction().share()).isEqualTo(0.025);
        assertThat(finding.restriction().evidence()).containsExactly("91******" + iin.substring(8));
        assertThat(finding.semanticType()).isNull();
    }

    /**
     * Contacts inside free text: one mobile number after "тел." in 2,000 comments, e-mail addresses,
     * a card and an IBAN each mark the column for review with the masked value as evidence.
     */
    @Test
    void contactsInsideTextAreReview() {
        String[][] rows = new String[2000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new String[] {
                i == 7 ? "Перезвонить заявителю, тел. 701 123 45 67" : "Без замечаний",
                i % 2 == 0 ? "Ответ направлен на ivan.petrov@mail.kz" : "Ответ вручен",
                i == 0 ? "Оплачено картой 4111 1111 1111 1111" : "Оплачено наличными",
                i == 0 ? "Перечислено на счёт KZ86125KZT5004100100" : "Не перечислено"
            };
        }

        List<Finding> findings = evaluate(List.of("Комментарий", "Ответ", "Оплата", "Перечисление"), rows);

        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.restriction().severity()).isEqualTo(Restriction.SEVERITY_REVIEW);
            assertThat(finding.semanticType()).isNull();
        });
        assertThat(findings.get(0).restriction().kind()).isEqualTo("phone");
        assertThat(findings.get(0).restriction().share()).isEqualTo(0.0005);
        assertThat(findings.get(0).restriction().evidence()).containsExactly("*** *** ** 67");
        assertThat(findings.get(1).restriction().kind()).isEqualTo("email");
        assertThat(findings.get(1).restriction().share()).isEqualTo(0.5);
        assertThat(findings.get(2).restriction().kind()).isEqualTo("payment-card");
        assertThat(findings.get(2).restriction().evidence()).containsExactly("**** **** **** 1111");
        assertThat(findings.get(3).restriction().kind()).isEqualTo("iban");
        assertThat(findings.get(3).restriction().evidence()).containsExactly("KZ**************0100");
    }

    /**
     * A bare IIN in 3 % of a status column and one mobile number in 1,000 cells are below the trace
     * share. Each still marks its column for review, so neither reaches the top values.
     */
    @Test
    void rareWholeValuesAreReview() {
        String iin = TestIins.generate(LocalDate.of(1988, 1, 1), true, 3012);
        String[][] rows = new String[1000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new String[] {i % 33 == 0 ? iin : "исполнено", i == 500 ? "+7 701 123 45 67" : "в работе"};
        }

        List<Finding> findings = evaluate(List.of("Статус", "Состояние"), rows);

        assertThat(findings.get(0).restriction().kind()).isEqualTo("iin");
        assertThat(findings.get(0).restriction().severity()).isEqualTo(Restriction.SEVERITY_REVIEW);
        // Cells 0, 33, ..., 990: 31 of 1,000.
        assertThat(findings.get(0).restriction().share()).isEqualTo(0.031);
        assertThat(findings.get(1).restriction().kind()).isEqualTo("phone");
        assertThat(findings.get(1).restriction().severity()).isEqualTo(Restriction.SEVERITY_REVIEW);
        assertThat(findings.get(1).restriction().share()).isEqualTo(0.001);
    }

    /**
     * IINs in 6 % of the values make the column restricted although phone numbers fill 10 % of
     * it, and whole IINs count together with IINs inside text.
     */
    @Test
    void iinTraceOutranksOtherKinds() {
        String[][] rows = new String[10_000][];
        for (int i = 0; i < rows.length; i++) {
            String iin = validIin(LocalDate.of(1970, 1, 1).plusDays(i), i);
            String withPhones = "нет";
            String split = "нет";
            if (i < 300) {
                withPhones = "Заявитель ИИН " + iin + " просит";
                split = iin;
            } else if (i < 600) {
                withPhones = "Заявитель ИИН " + iin + " просит";
                split = "ИИН " + iin + " в заявлении";
            } else if (i < 1600) {
                withPhones = "87011234567";
            }
            rows[i] = new String[] {withPhones, split};
        }

        List<Finding> findings = evaluate(List.of("Комментарий", "Примечание"), rows);

        for (Finding finding : findings) {
            assertThat(finding.restriction().kind()).isEqualTo("iin");
            assertThat(finding.restriction().severity()).isEqualTo(Restriction.SEVERITY_RESTRICTED);
            assertThat(finding.restriction().share()).isEqualTo(0.06);
        }
    }

    /** An e-mail address and a phone number in as many comments: the evidence shows both kinds. */
    @Test
    void evidenceShowsEveryKindFound() {
        String[][] rows = {
            {"Ответ направлен на ivan.petrov@mail.kz"}, {"Перезвонить, тел. 8 701 123 45 67"}, {"Без замечаний"}
        };

        Finding finding = evaluate(List.of("Комментарий"), rows).get(0);

        assertThat(finding.restriction().kind()).isEqualTo("email");
        assertThat(finding.restriction().severity()).isEqualTo(Restriction.SEVERITY_REVIEW);
        assertThat(finding.restriction().evidence()).containsExactly("i***@m***.kz", "* *** *** ** 67");
    }

    /** A number of a phone's shape counts only as a contact: with a plus or bracket, 11 digits, or after a word. */
    @Test
    void phoneShapedNumbersWithoutContactAreNot() {
        String[] cells = {
            "Договор 2023-0145-12 от 01.02.2024",
            "Инвентарный номер 100-200-300",
            "Отель на 272-12-34 мест",
            "Выделено 1 500 000 тенге",
            "Оплата по договору (2023-0145-12) выполнена",
            "Сумма (1 500 000 000) тенге",
            "Прирост +1 500 000 000 тенге",
            "телевизор 272-12-34",
            "сотрудник 123-45-67 табельный",
            "Telecom order 272-12-34",
            "факсимиле 2023-0145-12",
            "Регистрационный номер 71234567890",
            "Документ 80012345678",
            "Версия v1.2.3@build.42 установлена"
        };

        for (String cell : cells) {
            String[][] rows = {{cell}, {"Без замечаний"}};
            assertThat(evaluate(List.of("Комментарий"), rows).get(0).restriction())
                    .as(cell)
                    .isNull();
        }
    }

    /**
     * Contacts next to other numbers or letters: a number before a phone or a card, an IBAN glued
     * to Cyrillic letters, an IIN split in two groups of six, a phone word well before the number.
     */
    @Test
    void contactsInHardPlacesAreFound() {
        String iin = TestIins.generate(LocalDate.of(1988, 1, 1), true, 3012);
        String[][] cases = {
            {"Кабинет 12 87011234567 Иванов", "phone"},
            {"Платеж № 1 4400 4301 2345 6789 прошел", "payment-card"},
            {"р/сKZ86125KZT5004100100 в банке", "iban"},
            {"Счет KZ86125KZT5004100100в банке", "iban"},
            {"ИИН " + iin.substring(0, 6) + "\u00a0" + iin.substring(6), "iin"},
            {"ИИН " + iin.substring(0, 6) + "-" + iin.substring(6) + " указан", "iin"},
            {"телефон заявителя указан в анкете: 272-12-34", "phone"}
        };

        for (String[] testCase : cases) {
            String[][] rows = {{testCase[0]}, {"Без замечаний"}};
            Finding finding = evaluate(List.of("Комментарий"), rows).get(0);
            assertThat(finding.restriction()).as(testCase[0]).isNotNull();
            assertThat(finding.restriction().kind()).as(testCase[0]).isEqualTo(testCase[1]);
            assertThat(EmbeddedValues.mask(testCase[0])).as(testCase[0]).doesNotContainPattern("\\d{4}");
        }
    }

    @Test
    void mistypedIinsUnderIinHeaderAreRestricted() {
        String[][] rows = new String[10][];
        for (int i = 0; i < rows.length; i++) {
            String valid = TestIins.generate(LocalDate.of(1985, 3, 1 + i), true, i);
            String wrongCheckDigit = valid.substring(0, 11) + (char) ('0' + (valid.charAt(11) - '0' + 1) % 10);
            rows[i] = new String[] {wrongCheckDigit, wrongCheckDigit};
        }

        List<Finding> findings = evaluateByHeader(List.of("ИИН", "Код"), rows);

        assertThat(findings.get(0).restriction().kind()).isEqualTo("iin");
        assertThat(findings.get(0).restriction().severity()).isEqualTo(Restriction.SEVERITY_RESTRICTED);
        assertThat(findings.get(0).restriction().share()).isEqualTo(1.0);
        assertThat(findings.get(0).restriction().evidence())
                .hasSize(3)
                .allMatch(sample -> sample.startsWith("85") && sample.contains("******"));
        assertThat(findings.get(1).restriction()).isNull();
    }

    @Test
    void businessNumbersUnderIinBinHeaderStayPublic() {
        // Check digits worked out by hand with the two weight passes of the IIN and BIN algorithm.
        String[][] rows = {{"040340003110"}, {"990740000683"}, {"100140011059"}};

        Finding finding = evaluateByHeader(List.of("ИИН/БИН"), rows).get(0);

        assertThat(finding.restriction()).isNull();
        assertThat(finding.semanticType()).isEqualTo("bin");
    }

    @Test
    void headerHintLowersNeededShare() {
        String[][] rows = new String[10][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new String[] {
                i < 3 ? "Петров Сергей Иванович" : "вакансия", i < 3 ? "Петров Сергей Иванович" : "вакансия"
            };
        }

        List<Finding> findings = evaluate(List.of("ФИО", "Комментарий"), rows);

        assertThat(findings.get(0).restriction().severity()).isEqualTo(Restriction.SEVERITY_RESTRICTED);
        assertThat(findings.get(0).semanticType()).isEqualTo("person-name");
        assertThat(findings.get(1).restriction().severity()).isEqualTo(Restriction.SEVERITY_REVIEW);
        assertThat(findings.get(1).semanticType()).isNull();
    }

    @Test
    void hintsMatchWordStartsInThreeLanguages() {
        ColumnHints hints = ColumnHints.load(null);

        assertThat(hints.hints("Телефон секретаря", "phone")).isTrue();
        assertThat(hints.hints("Contact tel.", "phone")).isTrue();
        assertThat(hints.hints("Hotel", "phone")).isFalse();
        assertThat(hints.hints("Аты-жөні", "person-name")).isTrue();
        assertThat(hints.hints("ЖСН", "iin")).isTrue();
        assertThat(hints.hints("E-mail", "email")).isTrue();
    }

    @Test
    void birthDatesCountOnlyUnderHint() {
        String[][] rows = {{"12.04.1987", "12.04.1987"}, {"01.09.1990", "01.09.1990"}};

        List<Finding> findings = evaluate(List.of("Дата рождения", "Дата регистрации"), rows);

        assertThat(findings.get(0).restriction().kind()).isEqualTo("birth-date");
        assertThat(findings.get(0).restriction().severity()).isEqualTo(Restriction.SEVERITY_RESTRICTED);
        assertThat(findings.get(1).restriction()).isNull();
    }

    @Test
    void binColumnIsPublic() {
        String[][] rows = {{"040540001230"}, {"040540001230"}};

        Finding finding = evaluate(List.of("БИН"), rows).get(0);

        assertThat(finding.restriction()).isNull();
        assertThat(finding.semanticType()).isEqualTo("bin");
    }

    @Test
    void companyAccountsNeedReviewAndPeoplesAreRestricted() {
        String[][] companies = {{"ТОО Алма", "KZ86125KZT5004100100"}};
        String[][] people = {{"Иванова Наталья Николаевна", "KZ86125KZT5004100100"}};

        Finding company =
                evaluate(List.of("Организация", "Реквизиты"), companies).get(1);
        Finding person = evaluate(List.of("ФИО", "Реквизиты"), people).get(1);

        assertThat(company.restriction().kind()).isEqualTo("iban");
        assertThat(company.restriction().severity()).isEqualTo(Restriction.SEVERITY_REVIEW);
        assertThat(person.restriction().severity()).isEqualTo(Restriction.SEVERITY_RESTRICTED);
    }

    @Test
    void homeAddressUnderHintIsRestricted() {
        String[][] rows = {{"г. Алматы, ул. Абая, д. 10, кв. 5"}, {"г. Астана, пр. Республики, д. 3, кв. 41"}};

        Finding hinted = evaluate(List.of("Адрес проживания"), rows).get(0);
        Finding plain = evaluate(List.of("Адрес"), rows).get(0);

        assertThat(hinted.restriction().severity()).isEqualTo(Restriction.SEVERITY_RESTRICTED);
        assertThat(plain.restriction().kind()).isEqualTo("home-address");
        assertThat(plain.restriction().severity()).isEqualTo(Restriction.SEVERITY_REVIEW);
    }

    /** Evaluates with the detectors the hub uses for each header, as the analysis does. */
    private List<Finding> evaluateByHeader(List<String> header, String[][] rows) {
        List<ColumnScan> scans = header.stream().map(detector::newScan).toList();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                scans.get(i).accept(row[i]);
            }
        }
        return detector.evaluate(header, scans);
    }

    /** Returns a valid IIN for the birth date, trying serials from the given one on. */
    private static String validIin(LocalDate birthDate, int serial) {
        for (int next = serial; ; next++) {
            String iin = TestIins.generate(birthDate, next % 2 == 0, next);
            if (iin != null) {
                return iin;
            }
        }
    }

    private List<Finding> evaluate(List<String> header, String[][] rows) {
        List<ColumnScan> scans = header.stream().map(name -> detector.newScan()).toList();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                scans.get(i).accept(row[i]);
            }
        }
        return detector.evaluate(header, scans);
    }
}
