package kz.opendata.hub.cluster;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read locks of the intake, one row per locked file in table intake_read_lock, shared by every
 * node on the database. Taking a lock is one INSERT, or one conditional UPDATE of a lock older
 * than the maximum age, so of two nodes racing for a file exactly one wins. A node refreshes its
 * own locks while it holds them; the lock of a node that died stops being refreshed and is taken
 * over once it is older than the maximum age.
 */
class DatabaseReadLock extends ServiceSupport implements IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReadLock.class);

    private final JdbcClient jdbc;
    private final Duration maxAge;
    private final Duration keepAlive;
    private final String node = UUID.randomUUID().toString();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService refresher;

    DatabaseReadLock(JdbcClient jdbc, Duration maxAge, Duration keepAlive) {
        this.jdbc = jdbc;
        this.maxAge = maxAge;
        this.keepAlive = keepAlive;
    }

    @Override
    public boolean add(String key) {
        OffsetDateTime now = OffsetDateTime.now();
        boolean taken = insert(key, now)
                || jdbc.sql("UPDATE intake_read_lock SET node = ?, locked_at = ? WHERE lock_key = ? AND locked_at < ?")
                                .params(node, now, key, now.minus(maxAge))
                                .update()
                        == 1;
        if (taken) {
            held.add(key);
        }
        return taken;
    }

    private boolean insert(String key, OffsetDateTime now) {
        try {
            return jdbc.sql("INSERT INTO intake_read_lock (lock_key, node, locked_at) VALUES (?, ?, ?)")
                            .params(key, node, now)
                            .update()
                    == 1;
        } catch (DuplicateKeyException e) {
            LOG.trace("Read lock {} is held by another node", key);
            return false;
        }
    }

    @Override
    public boolean contains(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM intake_read_lock WHERE lock_key = ? AND locked_at >= ?")
                        .params(key, OffsetDateTime.now().minus(maxAge))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Releases a lock this node holds; a lock another node took over is left alone. */
    @Override
    public boolean remove(String key) {
        held.remove(key);
        return jdbc.sql("DELETE FROM intake_read_lock WHERE lock_key = ? AND node = ?")
                        .params(key, node)
                        .update()
                == 1;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM intake_read_lock WHERE node = ?").param(node).update();
        held.clear();
    }

    void refreshHeldLocks() {
        OffsetDateTime now = OffsetDateTime.now();
        for (String key : held) {
            jdbc.sql("UPDATE intake_read_lock SET locked_at = ? WHERE lock_key = ? AND node = ?")
                    .params(now, key, node)
                    .update();
        }
    }

    @Override
    protected void doStart() {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "intake-read-lock-refresh"));
        refresher.scheduleWithFixedDelay(
                this::refreshQuietly, keepAlive.toMillis(), keepAlive.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            refreshHeldLocks();
        } catch (RuntimeException e) {
            // A refresh that fails is tried again at the next interval; the locks stay valid until
            // they are older than the maximum age.
            LOG.warn("Could not refresh {} intake read locks; retrying in {}", held.size(), keepAlive, e);
        }
    }

    @Override
    protected void doStop() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }
}
