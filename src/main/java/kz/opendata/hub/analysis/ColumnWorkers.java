package kz.opendata.hub.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import kz.opendata.hub.analysis.detect.ColumnScan;
import kz.opendata.hub.analysis.detect.QuasiIdentifiers;
import kz.opendata.hub.analysis.read.UnloadTable;
import kz.opendata.hub.analysis.types.ColumnProfiler;
import kz.opendata.hub.analysis.types.MissingValues;

/**
 * Feeds a table's rows to the per-column accumulators on worker threads while the calling thread
 * parses, so that parsing and the per-cell work run on separate cores. Rows travel in batches
 * through bounded queues, which keeps memory bounded whatever the file's size. Each worker owns
 * every n-th column, so no accumulator is shared between threads; the first worker also counts
 * the quasi-identifier combinations.
 */
final class ColumnWorkers {

    private static final int BATCH_ROWS = 512;
    private static final int QUEUED_BATCHES = 4;
    private static final String[][] END = new String[0][];

    private final List<ColumnProfiler> profilers;
    private final List<ColumnScan> scans;
    private final QuasiIdentifiers quasiIdentifiers;
    private final int workerCount;

    ColumnWorkers(
            List<ColumnProfiler> profilers,
            List<ColumnScan> scans,
            QuasiIdentifiers quasiIdentifiers,
            int workerCount) {
        this.profilers = profilers;
        this.scans = scans;
        this.quasiIdentifiers = quasiIdentifiers;
        this.workerCount = Math.max(1, Math.min(workerCount, Math.max(1, profilers.size())));
    }

    /** Reads every row of the table and returns how many there were. */
    long consume(UnloadTable table) throws IOException {
        List<Worker> workers = new ArrayList<>(workerCount);
        for (int i = 0; i < workerCount; i++) {
            Worker worker = new Worker(i);
            workers.add(worker);
            worker.thread.start();
        }
        long rows = 0;
        try {
            rows = parse(table, workers);
        } finally {
            for (Worker worker : workers) {
                worker.handOver(END);
            }
            for (Worker worker : workers) {
                worker.join();
            }
        }
        for (Worker worker : workers) {
            worker.rethrow();
        }
        return rows;
    }

    private long parse(UnloadTable table, List<Worker> workers) throws IOException {
        long rows = 0;
        String[][] batch = new String[BATCH_ROWS][];
        int filled = 0;
        String[] row;
        while ((row = table.next()) != null) {
            rows++;
            batch[filled++] = row;
            if (filled == BATCH_ROWS) {
                handOver(workers, batch);
                batch = new String[BATCH_ROWS][];
                filled = 0;
            }
        }
        if (filled > 0) {
            String[][] last = new String[filled][];
            System.arraycopy(batch, 0, last, 0, filled);
            handOver(workers, last);
        }
        return rows;
    }

    private static void handOver(List<Worker> workers, String[][] batch) {
        for (Worker worker : workers) {
            worker.handOver(batch);
        }
    }

    /** One thread with its columns and its queue of batches. */
    private final class Worker implements Runnable {

        private final int index;
        private final BlockingQueue<String[][]> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        private final Thread thread;
        private volatile RuntimeException failure;

        Worker(int index) {
            this.index = index;
            this.thread = new Thread(this, "analysis-columns-" + index);
            thread.setDaemon(true);
        }

        void handOver(String[][] batch) {
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing rows to the column workers", e);
            }
        }

        @Override
        public void run() {
            try {
                String[][] batch;
                while ((batch = queue.take()) != END) {
                    // After a failure the worker keeps taking batches, so the parser never blocks on a full queue.
                    if (failure == null) {
                        accept(batch);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void accept(String[][] batch) {
            try {
                for (String[] row : batch) {
                    acceptRow(row);
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        private void acceptRow(String[] row) {
            for (int i = index; i < row.length; i += workerCount) {
                String value = MissingValues.valueOrNull(row[i]);
                profilers.get(i).acceptValue(value);
                scans.get(i).acceptValue(value);
            }
            if (index == 0) {
                quasiIdentifiers.accept(row);
            }
        }

        void join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the column workers", e);
            }
        }

        void rethrow() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
