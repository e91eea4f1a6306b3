package kz.opendata.hub.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import kz.opendata.hub.analysis.detect.ColumnScan;
import kz.opendata.hub.analysis.detect.QuasiIdentifiers;
import kz.opendata.hub.analysis.read.CellCache;
import kz.opendata.hub.analysis.read.RowBatch;
import kz.opendata.hub.analysis.read.UnloadTable;
import kz.opendata.hub.analysis.types.ColumnProfiler;
import kz.opendata.hub.analysis.types.MissingValues;

/**
 * Feeds a table's rows to the per-column accumulators on worker threads while the calling thread
 * parses, so that parsing and the per-cell work run on separate cores. Rows travel in batches
 * through bounded queues, which keeps memory bounded whatever the file's size. Each column
 * belongs to one worker, so no accumulator is shared between threads, and every accumulator gets
 * the rows in file order. The first worker also counts the quasi-identifier combinations.
 *
 * <p>Columns first go to the workers by position. Each worker times its columns, and after
 * {@value #FIRST_REBALANCE} and {@value #SECOND_REBALANCE} batches the calling thread waits for
 * the workers to finish the batches handed over, then shares the columns out again so that the
 * workers get about equal measured work. The timing decides only which thread processes a
 * column, never the result.
 */
final class ColumnWorkers {

    private static final int BATCH_ROWS = 512;
    private static final int QUEUED_BATCHES = 16;
    private static final int FIRST_REBALANCE = 64;
    private static final int SECOND_REBALANCE = 512;
    private static final long WAIT_NANOS = 100_000;

    private final List<CellCache> caches;
    private final List<ColumnProfiler> profilers;
    private final List<ColumnScan> scans;
    private final QuasiIdentifiers quasiIdentifiers;
    private final int workerCount;
    /** Nanoseconds each column took since the last rebalance, written by the worker that owns it. */
    private final long[] costs;

    /**
     * @param cacheCapacity short cells of each column whose values are remembered by their bytes
     */
    ColumnWorkers(
            List<ColumnProfiler> profilers,
            List<ColumnScan> scans,
            QuasiIdentifiers quasiIdentifiers,
            int workerCount,
            int cacheCapacity) {
        this.caches = new ArrayList<>(profilers.size());
        for (int i = 0; i < profilers.size(); i++) {
            caches.add(new CellCache(cacheCapacity, MissingValues::valueOrNull, ColumnProfiler::hash));
        }
        this.profilers = profilers;
        this.scans = scans;
        this.quasiIdentifiers = quasiIdentifiers;
        this.workerCount = Math.max(1, Math.min(workerCount, Math.max(1, profilers.size())));
        this.costs = new long[profilers.size()];
    }

    /** The batch that marks the end of the rows for a worker. */
    private RowBatch end;

    /** Reads every row of the table and returns how many there were. */
    long consume(UnloadTable table) throws IOException {
        end = table.newBatch(0);
        List<Worker> workers = new ArrayList<>(workerCount);
        for (int i = 0; i < workerCount; i++) {
            int first = i;
            int[] columns = IntStream.range(0, costs.length)
                    .filter(column -> column % workerCount == first)
                    .toArray();
            Worker worker = new Worker(i, columns);
            workers.add(worker);
            worker.thread.start();
        }
        long rows = 0;
        try {
            rows = parse(table, workers);
        } finally {
            for (Worker worker : workers) {
                worker.handOver(end);
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

    /**
     * Waits until every worker has processed the batches handed to it, then gives the columns out
     * again by their cost since the last rebalance. Workers read their columns when they take a
     * batch, so the next batch handed over is the first under the new shares.
     */
    private void rebalance(List<Worker> workers, long batches) {
        for (Worker worker : workers) {
            worker.awaitBatches(batches);
        }
        List<int[]> shares = shareOut(costs, workerCount);
        for (int i = 0; i < workers.size(); i++) {
            workers.get(i).columns = shares.get(i);
        }
        Arrays.fill(costs, 0);
    }

    /**
     * Gives each column, costliest first, to the worker with the least work so far. The measure
     * only decides which thread does the work, never the result.
     */
    static List<int[]> shareOut(long[] costs, int workerCount) {
        long[] loads = new long[workerCount];
        List<List<Integer>> shares = new ArrayList<>();
        for (int i = 0; i < workerCount; i++) {
            shares.add(new ArrayList<>());
        }
        Integer[] byCost = IntStream.range(0, costs.length).boxed().toArray(Integer[]::new);
        Arrays.sort(
                byCost,
                Comparator.comparingLong((Integer column) -> costs[column]).reversed());
        for (int column : byCost) {
            int lightest = 0;
            for (int i = 1; i < workerCount; i++) {
                if (loads[i] < loads[lightest]) {
                    lightest = i;
                }
            }
            loads[lightest] += costs[column];
            shares.get(lightest).add(column);
        }
        return shares.stream()
                .map(share ->
                        share.stream().mapToInt(Integer::intValue).sorted().toArray())
                .toList();
    }

    private void acceptCell(RowBatch batch, int row, int column) {
        CellCache cells = caches.get(column);
        cells.read(batch, row, column);
        String value = cells.value();
        profilers.get(column).acceptValue(value, cells.valueHash(), cells.entry());
        scans.get(column).acceptValue(value, cells.entry());
    }

    private long parse(UnloadTable table, List<Worker> workers) throws IOException {
        long rows = 0;
        long batches = 0;
        RowBatch batch = table.newBatch(BATCH_ROWS);
        while (table.next(batch)) {
            rows++;
            if (batch.isFull()) {
                handOver(workers, batch);
                batch = table.newBatch(BATCH_ROWS);
                batches++;
                if (workers.size() > 1 && (batches == FIRST_REBALANCE || batches == SECOND_REBALANCE)) {
                    rebalance(workers, batches);
                }
                if (anyFailed(workers)) {
                    // The failure is raised once the workers end; the rest of the file would not change it.
                    return rows;
                }
            }
        }
        if (batch.size() > 0) {
            handOver(workers, batch);
        }
        return rows;
    }

    private static boolean anyFailed(List<Worker> workers) {
        for (Worker worker : workers) {
            if (worker.failure != null) {
                return true;
            }
        }
        return false;
    }

    private static void handOver(List<Worker> workers, RowBatch batch) {
        for (Worker worker : workers) {
            worker.handOver(batch);
        }
    }

    /** One thread with its columns and its queue of batches. */
    private final class Worker implements Runnable {

        private final int index;
        private final BlockingQueue<RowBatch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        private final Thread thread;
        private volatile Throwable failure;
        /** Batches taken and processed, or skipped after a failure. */
        private volatile long processed;
        /** Set by the calling thread only while the worker waits for its next batch. */
        private volatile int[] columns;

        Worker(int index, int[] columns) {
            this.index = index;
            this.columns = columns;
            this.thread = new Thread(this, "analysis-columns-" + index);
            thread.setDaemon(true);
        }

        void handOver(RowBatch batch) {
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
                RowBatch batch;
                while ((batch = queue.take()) != end) {
                    // After a failure the worker keeps taking batches, so the parser never blocks on a full queue.
                    if (failure == null) {
                        accept(batch);
                    }
                    processed++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void accept(RowBatch batch) {
            try {
                int size = batch.size();
                for (int column : columns) {
                    long start = System.nanoTime();
                    for (int row = 0; row < size; row++) {
                        acceptCell(batch, row, column);
                    }
                    costs[column] += System.nanoTime() - start;
                }
                if (index == 0) {
                    for (int row = 0; row < size; row++) {
                        int current = row;
                        quasiIdentifiers.accept(column -> batch.cell(current, column));
                    }
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }

        /** Waits until the worker has processed this many batches, or has ended. */
        void awaitBatches(long batches) {
            while (processed < batches && thread.isAlive()) {
                LockSupport.parkNanos(WAIT_NANOS);
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
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure instanceof RuntimeException exception) {
                throw exception;
            }
        }
    }
}
