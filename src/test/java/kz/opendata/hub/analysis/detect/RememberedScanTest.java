package kz.opendata.hub.analysis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import kz.opendata.hub.analysis.TestIins;
import kz.opendata.hub.analysis.detect.RestrictedDataDetector.Finding;
import org.junit.jupiter.api.Test;

class RememberedScanTest {

    private final RestrictedDataDetector detector = new RestrictedDataDetector(ColumnHints.load(null), 3);

    /**
     * Repeated values come from the memo after their first test. The findings, shares and masked
     * samples must still be those of a scan that tests every value.
     */
    @Test
    void memoLeavesFindingsUnchanged() {
        List<String> header = List.of("ФИО", "Телефон", "ИИН", "Адрес проживания", "Статус");
        String[] names = {"Иванова Наталья Николаевна", "Кузнецов Андрей Сергеевич", "Ахметов Ерлан"};
        String[] phones = {"(499) 672-7602", "+7 (727) 272-12-34", "8 701 123 45 67", "нет"};
        String[] addresses = {"г. Алматы, ул. Абая, д. 10, кв. 5", "ул. Абая, д. 10", "-"};
        String[] iins = Stream.concat(
                        IntStream.range(1, 6)
                                .mapToObj(serial -> TestIins.generate(LocalDate.of(1980, 3, 1), true, serial)),
                        Stream.of("123"))
                .filter(Objects::nonNull)
                .toArray(String[]::new);
        String[] statuses = {"исполнено", "в работе"};
        SplittableRandom random = new SplittableRandom(3);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(new String[] {
                pick(random, names),
                pick(random, phones),
                pick(random, iins),
                pick(random, addresses),
                pick(random, statuses)
            });
        }

        List<Finding> remembered = evaluate(header, rows, 16);
        List<Finding> testedEachTime = evaluate(header, rows, 0);

        assertThat(remembered).isEqualTo(testedEachTime);
        assertThat(remembered.get(0).restriction().kind()).isEqualTo("person-name");
        assertThat(remembered.get(2).restriction().kind()).isEqualTo("iin");
    }

    private List<Finding> evaluate(List<String> header, List<String[]> rows, int memoCapacity) {
        List<ColumnScan> scans = header.stream()
                .map(name -> detector.newScan(name, memoCapacity))
                .toList();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                scans.get(i).accept(row[i]);
            }
        }
        return detector.evaluate(header, scans);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
