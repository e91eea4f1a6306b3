package kz.opendata.hub.analysis.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.AnalysisService;
import kz.opendata.hub.analysis.TestIins;

/**
 * Generates a large CSV unload and analyses it, printing time, throughput and peak heap. Not a
 * unit test: run it by hand with a small heap to check that memory stays bounded, for example
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     kz.opendata.hub.analysis.bench.AnalysisBenchmark 2000000 target/bench
 * </pre>
 */
public final class AnalysisBenchmark {

    private static final String[] REGIONS = {
        "Абай",
        "Акмолинская",
        "Актюбинская",
        "Алматинская",
        "Атырауская",
        "Жетісу",
        "Жамбылская",
        "Карагандинская",
        "Костанайская",
        "Ұлытау",
        "г. Астана",
        "г. Алматы"
    };
    private static final String[] SURNAMES = {"Иванов", "Серікбаев", "Ахметов", "Ким", "Петров", "Нұрланов"};
    private static final String[] GIVEN = {"Асхат", "Сергей", "Ерлан", "Олжас", "Дмитрий", "Бауыржан"};

    private AnalysisBenchmark() {}

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/bench"));
        Path file = dir.resolve("unload-" + rows + ".csv");
        if (!Files.exists(file)) {
            generate(file, rows);
        }
        long size = Files.size(file);

        long start = System.nanoTime();
        AnalysisReport report =
                new AnalysisService().analyze(file, file.getFileName().toString());
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("file: %s, %d rows, %.1f MiB%n", file, report.rowCount(), size / 1048576.0);
        System.out.printf(
                "time: %.2f s, %.0f rows/s, %.1f MiB/s%n",
                seconds, report.rowCount() / seconds, size / 1048576.0 / seconds);
        System.out.printf(
                "heap: max %d MiB, peak used %d MiB%n", Runtime.getRuntime().maxMemory() >> 20, peakHeapBytes() >> 20);
        System.out.printf(
                "verdict: %s, restricted columns: %d%n",
                report.verdict().code(), report.restrictedColumns().size());
    }

    private static void generate(Path file, int rows) throws IOException {
        Random random = new Random(7);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id;ИИН;ФИО;Телефон;Регион;Дата обращения;Сумма;Комментарий\n");
            for (int i = 1; i <= rows; i++) {
                LocalDate birth =
                        LocalDate.of(1950 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
                String iin = TestIins.generate(birth, random.nextBoolean(), random.nextInt(10_000));
                String name = SURNAMES[random.nextInt(SURNAMES.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
                String phone = "+7 (7%02d) %03d-%02d-%02d"
                        .formatted(random.nextInt(100), random.nextInt(1000), random.nextInt(100), random.nextInt(100));
                LocalDate day = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365));
                String amount = "%d,%02d".formatted(random.nextInt(1_000_000), random.nextInt(100));
                String comment = random.nextInt(10) == 0 ? "" : "обращение № " + random.nextInt(1_000_000);
                out.write(String.join(
                        ";",
                        Integer.toString(i),
                        iin == null ? "" : iin,
                        name,
                        phone,
                        REGIONS[random.nextInt(REGIONS.length)],
                        day.toString(),
                        amount,
                        comment));
                out.write('\n');
            }
        }
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
