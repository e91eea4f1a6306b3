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
 * prints one line per pass: seconds, MB/s, CPU seconds, rows, verdict and peak heap. A second pass
 * in the same JVM shows the cost once the JIT compiler has finished, as in a running hub. Then, on Linux, the CPU seconds of
 * the process by kind of thread: garbage collection and JIT compilation run on threads of their
 * own, and threads that have ended (the column workers) count together. Run with the source
 * launcher and the project's classpath: {@code java -cp CLASSPATH RunService.java FILE [PASSES]}.
 */
public final class RunService {

    /** Clock ticks per second of /proc's CPU times, 100 on every common Linux build. */
    private static final double USER_HZ = 100.0;

    private RunService() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        long size = Files.size(file);
        AnalysisService service = new AnalysisService();
        for (int pass = 1; pass <= passes; pass++) {
            double cpuBefore = processCpuSeconds();
            long start = System.nanoTime();
            AnalysisReport report = service.analyze(file, file.getFileName().toString());
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = processCpuSeconds() - cpuBefore;
            System.out.printf(
                    "service pass %d: %.2f s, %.1f MB/s, %.2f CPU s, %.1f MB/CPU s, %d rows, verdict %s,"
                            + " %d restricted columns, peak heap %d MiB%n",
                    pass,
                    seconds,
                    size / 1e6 / seconds,
                    cpu,
                    size / 1e6 / cpu,
                    report.rowCount(),
                    report.verdict().code(),
                    report.restrictedColumns().size(),
                    peakHeapBytes() >> 20);
        }
        printThreadCpu();
    }

    /** CPU seconds of the whole process so far, or NaN where /proc is missing. */
    private static double processCpuSeconds() throws Exception {
        Path stat = Path.of("/proc/self/stat");
        return Files.exists(stat) ? cpuTicks(Files.readString(stat)) / USER_HZ : Double.NaN;
    }

    /** Prints CPU seconds (user + system) by thread name, digits removed, from /proc/self/task. */
    private static void printThreadCpu() throws Exception {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return;
        }
        Map<String, Double> seconds = new TreeMap<>();
        double live = 0;
        try (var stream = Files.list(tasks)) {
            for (Path task : stream.toList()) {
                String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                double cpu = cpuTicks(Files.readString(task.resolve("stat"))) / USER_HZ;
                seconds.merge(name, cpu, Double::sum);
                live += cpu;
            }
        }
        double total = cpuTicks(Files.readString(Path.of("/proc/self/stat"))) / USER_HZ;
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
