import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.AnalysisService;

/**
 * Runs the analysis service alone on one file, without the command line's report writing, and
 * prints one line: seconds, MB/s, rows, verdict and peak heap. Then, on Linux, the CPU seconds of
 * the process by kind of thread: garbage collection and JIT compilation run on threads of their
 * own, and threads that have ended (the column workers) count together. Run with the source
 * launcher and the project's classpath: {@code java -cp CLASSPATH RunService.java FILE}.
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
        printThreadCpu();
    }

    /** Prints CPU seconds (user + system) by thread name, digits removed, from /proc/self/task. */
    private static void printThreadCpu() throws Exception {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return;
        }
        double ticks = 100.0; // USER_HZ, 100 on every common Linux build
        Map<String, Double> seconds = new TreeMap<>();
        double live = 0;
        try (var stream = Files.list(tasks)) {
            for (Path task : stream.toList()) {
                String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                double cpu = cpuTicks(Files.readString(task.resolve("stat"))) / ticks;
                seconds.merge(name, cpu, Double::sum);
                live += cpu;
            }
        }
        double total = cpuTicks(Files.readString(Path.of("/proc/self/stat"))) / ticks;
        seconds.put("(ended threads)", total - live);
        StringBuilder line = new StringBuilder("cpu s by thread:");
        seconds.forEach((name, cpu) -> {
            if (cpu >= 0.05) {
                line.append(String.format(" %s=%.2f", name, cpu));
            }
        });
        System.out.println(line.append(String.format(" total=%.2f", total)));
    }

    /** Fields 14 and 15 of a stat line, user and system time in clock ticks, after the command name. */
    private static double cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Double.parseDouble(fields[11]) + Double.parseDouble(fields[12]);
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
