package kz.opendata.hub.publication;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per data set name, so two publications of the same set never interleave their writes
 * while different sets proceed in parallel.
 *
 * <p>NOTE: the locks hold within one JVM only. Several hub instances rely on the clustered Quartz
 * scheduler firing each publication job on one node.
 */
final class DatasetLocks {

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    <T> T withLock(String datasetName, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(datasetName, name -> new ReentrantLock());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
