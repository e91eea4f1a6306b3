import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.AnalysisService;

/**
 * Runs the analysis service alone on one file, without the command line's report writing, and
 * prints one line: seconds, MB/s, rows, verdict and peak heap. Run with the source launcher and the
 * project's classpath: {@code java -cp CLASSPATH RunService.java FILE}.
 */
public final class RunService {

    private RunService() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long size = Files.size(file);
        long start = System.nanoTime();
        AnalysisReport report = new AnalysisService().analyze(file, file.getFileName().toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "service: %.2f s, %.1f MB/s, %d rows, verdict %s, %d restricted columns, peak heap %d MiB%n",
                seconds,
                size / 1e6 / seconds,
                report.rowCount(),
                report.verdict().code(),
                report.restrictedColumns().size(),
                peakHeapBytes() >> 20);
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
