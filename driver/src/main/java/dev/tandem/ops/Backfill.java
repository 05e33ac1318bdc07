package dev.tandem.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tandem.jdbc.MigrationTables;
import dev.tandem.sql.Migration;

/**
 * {@code tandem backfill}: copies every source row of a migration into the target, through the mapping,
 * in key order and in chunks, overwriting what the target has, beside live mirrored writes.
 *
 * <p><b>The plan.</b> The first process to run a migration's backfill cuts the source's keys into chunks
 * of {@code chunk} rows (the last one open-ended, so it also takes rows added after the plan) and writes
 * them to {@code tandem_backfill_chunk}, holding the lock on the migration's {@code tandem_backfill_run}
 * row meanwhile, so a second process waits for the plan instead of making another.
 *
 * <p><b>Claiming, resuming, sharing.</b> A worker claims the first chunk not done by locking its row
 * with {@code SELECT … FOR UPDATE SKIP LOCKED} (PostgreSQL, MariaDB 10.6 and H2 2 all have it) and keeps that lock while it copies the chunk and marks it
 * done, all in one transaction. So a chunk is copied and marked together or not at all: a worker killed
 * in the middle leaves nothing half done, its database session ends, its lock goes, and the chunk is
 * there to claim again. Workers of any number of processes skip the chunks others hold. When none is
 * left to skip to, a worker waits on the first chunk still held ({@code FOR UPDATE} without
 * {@code SKIP LOCKED}): its holder commits it (done) or dies (then this worker copies it).
 *
 * <p><b>Beside live writes.</b> {@link MigrationTables#copyRange} says why a chunk's copy can neither
 * undo a mirrored write nor bring back a deleted row.
 *
 * <p><b>The end.</b> The process that finds every chunk done advances the target's key generator past the
 * source's largest key and marks the run finished; a finished run is not copied again unless restarted.
 */
public final class Backfill {

    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);
    private static final int ATTEMPTS = 1000;

    /**
     * @param chunk   rows per chunk, when this run makes the plan
     * @param rate    rows per second for this process at most; 0 for no limit
     * @param workers connections copying at once in this process
     * @param restart forget the checkpoint (and a finished run) and copy everything again
     * @param name    how this process signs the chunks it copies
     */
    public record Options(int chunk, double rate, int workers, boolean restart, String name) {
    }

    /** A chunk this process copied. */
    public record Chunk(int number, int rows, int deleted, String worker) {
    }

    /**
     * What the run came to.
     *
     * @param chunks        chunks in the plan
     * @param sourceRows    source rows when the plan was made
     * @param copiedHere    the chunks this process copied, in the order it did
     * @param finished      whether every chunk is done (by anyone)
     * @param alreadyDone   whether the run had finished before this process started
     * @param keyGenerator  what was done to the target's key generator, or null when another process did it
     */
    public record Result(int chunks, long sourceRows, List<Chunk> copiedHere, boolean finished, boolean alreadyDone,
            String keyGenerator) {

        public long rowsHere() {
            return copiedHere.stream().mapToLong(Chunk::rows).sum();
        }
    }

    private final Connections connections;
    private final Migration migration;
    private final Options options;
    private final Progress progress;
    private final Throttle throttle;
    private final List<Chunk> copied = Collections.synchronizedList(new ArrayList<>());

    public Backfill(Connections connections, Migration migration, Options options, Progress progress) {
        this.connections = connections;
        this.migration = migration;
        this.options = options;
        this.progress = progress;
        this.throttle = new Throttle(options.rate());
    }

    /**
     * Runs the backfill until every chunk is done, or a worker fails.
     *
     * @throws IllegalArgumentException when the migration does not fit the database
     * @throws SQLException             when a chunk fails for a reason other than a lock conflict
     */
    public Result run() throws SQLException, InterruptedException {
        MigrationTables tables;
        Plan plan;
        try (Connection control = connections.open()) {
            tables = MigrationTables.of(control, migration);
            OpsTables.create(control, tables.dialect());
            if (options.restart()) {
                forget(control);
            }
            plan = plan(control, tables);
        }
        if (plan.finishedAt() != null) {
            progress.line("already finished at " + plan.finishedAt() + " (" + plan.chunks() + " chunks); --restart copies"
                    + " it again");
            return new Result(plan.chunks(), plan.sourceRows(), List.of(), true, true, null);
        }
        progress.start(plan.chunks(), plan.sourceRows(), plan.chunksDone(), plan.rowsDone());
        progress.line((plan.chunksDone() > 0 ? "resuming: " + plan.chunksDone() + " of " + plan.chunks() + " chunks done"
                : plan.chunks() + " chunks") + ", " + plan.sourceRows() + " source rows when planned, chunks of "
                + plan.chunkSize() + " rows");
        ExecutorService pool = Executors.newFixedThreadPool(options.workers(), r -> {
            Thread thread = new Thread(r, "tandem-backfill");
            thread.setDaemon(true);
            return thread;
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 1; w <= options.workers(); w++) {
            String worker = options.name() + "/" + w;
            running.add(pool.submit(() -> {
                work(tables, worker, failure);
                return null;
            }));
        }
        try {
            for (Future<?> each : running) {
                each.get();
            }
        } catch (ExecutionException e) {
            failure.compareAndSet(null, e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Throwable failed = failure.get();
        if (failed instanceof SQLException sql) {
            throw sql;
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
        try (Connection control = connections.open()) {
            String generator = finish(control, tables);
            return new Result(plan.chunks(), plan.sourceRows(), List.copyOf(copied), true, false, generator);
        }
    }

    // ------------------------------------------------------------------ the plan

    private record Plan(int chunkSize, int chunks, long sourceRows, String finishedAt, int chunksDone, long rowsDone) {
    }

    private Plan plan(Connection connection, MigrationTables tables) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tandem_backfill_run (migration_id) VALUES (?)")) {
            insert.setString(1, migration.id());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!String.valueOf(e.getSQLState()).startsWith("23")) {
                throw e; // a duplicate key is another run's row: the plan may already be there
            }
        }
        for (int attempt = 1; ; attempt++) {
            connection.setAutoCommit(false);
            try {
                Plan plan = planLocked(connection, tables);
                connection.commit();
                return plan;
            } catch (SQLException e) {
                connection.rollback();
                if (!Transient.is(e) || attempt >= ATTEMPTS) {
                    throw e;
                }
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private Plan planLocked(Connection connection, MigrationTables tables) throws SQLException {
        Integer chunks = null;
        int chunkSize = options.chunk();
        long sourceRows = 0;
        String finishedAt = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT chunk_size, chunks, source_rows, finished_at"
                + " FROM tandem_backfill_run WHERE migration_id = ? FOR UPDATE")) {
            select.setString(1, migration.id());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                if (row.getObject(2) != null) {
                    chunkSize = row.getInt(1);
                    chunks = row.getInt(2);
                    sourceRows = row.getLong(3);
                    finishedAt = row.getString(4);
                }
            }
        }
        if (chunks == null) {
            sourceRows = tables.countSource(connection);
            chunks = 0;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tandem_backfill_chunk (migration_id,"
                    + " chunk_no, after_key, up_to_key, done) VALUES (?, ?, ?, ?, 0)")) {
                Object[] after = null;
                do {
                    Object[] end = tables.chunkEnd(connection, after, chunkSize);
                    insert.setString(1, migration.id());
                    insert.setInt(2, ++chunks);
                    insert.setString(3, KeyText.encode(after));
                    insert.setString(4, KeyText.encode(end));
                    insert.addBatch();
                    after = end;
                } while (after != null);
                insert.executeBatch();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE tandem_backfill_run SET chunk_size = ?,"
                    + " chunks = ?, source_rows = ?, planned_at = ? WHERE migration_id = ?")) {
                update.setInt(1, chunkSize);
                update.setInt(2, chunks);
                update.setLong(3, sourceRows);
                update.setString(4, OpsTables.now());
                update.setString(5, migration.id());
                update.executeUpdate();
            }
            LOG.info("tandem: backfill of {} planned: {} chunks of {} rows, {} source rows", migration.id(), chunks,
                    chunkSize, sourceRows);
        } else if (chunkSize != options.chunk()) {
            progress.line("the plan has chunks of " + chunkSize + " rows; --chunk " + options.chunk()
                    + " applies to a new plan (--restart)");
        }
        int chunksDone = 0;
        long rowsDone = 0;
        try (PreparedStatement done = connection.prepareStatement("SELECT COUNT(*), SUM(rows_copied) FROM"
                + " tandem_backfill_chunk WHERE migration_id = ? AND done = 1")) {
            done.setString(1, migration.id());
            try (ResultSet row = done.executeQuery()) {
                row.next();
                chunksDone = row.getInt(1);
                rowsDone = row.getLong(2);
            }
        }
        return new Plan(chunkSize, chunks, sourceRows, finishedAt, chunksDone, rowsDone);
    }

    private void forget(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement run = connection.prepareStatement("DELETE FROM tandem_backfill_run WHERE migration_id = ?");
                PreparedStatement chunks = connection.prepareStatement(
                        "DELETE FROM tandem_backfill_chunk WHERE migration_id = ?")) {
            run.setString(1, migration.id());
            run.executeUpdate();
            chunks.setString(1, migration.id());
            chunks.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        progress.line("checkpoint forgotten (--restart): copying everything again");
    }

    // ------------------------------------------------------------------ the workers

    private record Claimed(int number, Object[] after, Object[] upTo) {
    }

    private void work(MigrationTables tables, String worker, AtomicReference<Throwable> failure) throws Exception {
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            int conflicts = 0;
            while (failure.get() == null) {
                try {
                    Claimed chunk = claim(connection, true);
                    if (chunk == null) {
                        chunk = claim(connection, false);
                    }
                    if (chunk == null) {
                        connection.commit();
                        return;
                    }
                    MigrationTables.Copied result = tables.copyRange(connection, chunk.after(), chunk.upTo());
                    markDone(connection, chunk, result, worker);
                    connection.commit();
                    conflicts = 0;
                    copied.add(new Chunk(chunk.number(), result.rows(), result.deleted(), worker));
                    progress.chunk(chunk.number(), result.rows(), result.rows() + " rows, " + result.deleted()
                            + " deleted, by " + worker);
                    throttle.pass(result.rows());
                } catch (SQLException e) {
                    rollback(connection);
                    if (!Transient.is(e) || ++conflicts >= ATTEMPTS) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                    LOG.debug("tandem: backfill of {}: {} retries after: {}", migration.id(), worker, e.getMessage());
                }
            }
        } catch (SQLException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /**
     * Locks the first chunk not done that no one else holds ({@code skipLocked}), or waits for the first
     * chunk not done; null when every chunk is done. The chunks not done are listed first and then locked
     * one by one by key: a {@code FOR UPDATE} with {@code ORDER BY … LIMIT 1} may lock every row it sorts
     * (H2 does), which would hand all chunks to the first worker.
     */
    private Claimed claim(Connection connection, boolean skipLocked) throws SQLException {
        String page = connection.getMetaData().getDatabaseProductName().equals("H2") ? " FETCH FIRST 64 ROWS ONLY"
                : " LIMIT 64";
        int from = 0;
        while (true) {
            List<Integer> candidates = new ArrayList<>();
            try (PreparedStatement list = connection.prepareStatement("SELECT chunk_no FROM tandem_backfill_chunk WHERE"
                    + " migration_id = ? AND done = 0 AND chunk_no > ? ORDER BY chunk_no" + page)) {
                list.setString(1, migration.id());
                list.setInt(2, from);
                try (ResultSet rows = list.executeQuery()) {
                    while (rows.next()) {
                        candidates.add(rows.getInt(1));
                    }
                }
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT chunk_no, after_key, up_to_key FROM"
                    + " tandem_backfill_chunk WHERE migration_id = ? AND chunk_no = ? AND done = 0 FOR UPDATE"
                    + (skipLocked ? " SKIP LOCKED" : ""))) {
                for (int candidate : candidates) {
                    lock.setString(1, migration.id());
                    lock.setInt(2, candidate);
                    try (ResultSet row = lock.executeQuery()) {
                        if (row.next()) {
                            return new Claimed(row.getInt(1), KeyText.decode(row.getString(2)),
                                    KeyText.decode(row.getString(3)));
                        }
                    }
                }
            }
            if (candidates.size() < 64) {
                return null;
            }
            from = candidates.get(candidates.size() - 1);
        }
    }

    private void markDone(Connection connection, Claimed chunk, MigrationTables.Copied result, String worker)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE tandem_backfill_chunk SET done = 1,"
                + " rows_copied = ?, rows_deleted = ?, worker = ?, done_at = ? WHERE migration_id = ? AND chunk_no = ?")) {
            update.setLong(1, result.rows());
            update.setLong(2, result.deleted());
            update.setString(3, worker);
            update.setString(4, OpsTables.now());
            update.setString(5, migration.id());
            update.setInt(6, chunk.number());
            update.executeUpdate();
        }
    }

    private String finish(Connection connection, MigrationTables tables) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            connection.setAutoCommit(false);
            try {
                String finishedAt;
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT finished_at FROM tandem_backfill_run WHERE migration_id = ? FOR UPDATE")) {
                    select.setString(1, migration.id());
                    try (ResultSet row = select.executeQuery()) {
                        finishedAt = row.next() ? row.getString(1) : null;
                    }
                }
                if (finishedAt != null) {
                    connection.commit();
                    return null; // another process finished it
                }
                try (PreparedStatement left = connection.prepareStatement(
                        "SELECT COUNT(*) FROM tandem_backfill_chunk WHERE migration_id = ? AND done = 0")) {
                    left.setString(1, migration.id());
                    try (ResultSet row = left.executeQuery()) {
                        row.next();
                        if (row.getInt(1) > 0) {
                            throw new IllegalStateException(row.getInt(1) + " chunks are not done");
                        }
                    }
                }
                // MariaDB commits DDL at once (ALTER TABLE … AUTO_INCREMENT); the run is marked finished after it
                String generator = tables.advanceKeyGenerator(connection);
                try (PreparedStatement update = connection.prepareStatement("UPDATE tandem_backfill_run SET"
                        + " finished_at = ?, key_generator = ? WHERE migration_id = ?")) {
                    update.setString(1, OpsTables.now());
                    update.setString(2, generator.length() > 400 ? generator.substring(0, 400) : generator);
                    update.setString(3, migration.id());
                    update.executeUpdate();
                }
                connection.commit();
                return generator;
            } catch (SQLException e) {
                rollback(connection);
                if (!Transient.is(e) || attempt >= ATTEMPTS) {
                    throw e;
                }
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the connection is gone: the database has rolled back
        }
    }
}
