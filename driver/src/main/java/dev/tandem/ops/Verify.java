package dev.tandem.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.tandem.jdbc.MigrationTables;
import dev.tandem.jdbc.MigrationTables.DriftKind;
import dev.tandem.sql.Migration;

/**
 * {@code tandem verify}: compares the target with mapping(source) in key order, chunk by chunk, and
 * lists the keys where they differ; with {@code repair}, makes the target equal mapping(source) for
 * exactly those keys.
 *
 * <p>Each chunk is compared by the database in one statement ({@link MigrationTables#compare}) that
 * returns only the drifting keys, so equal rows never leave it. A run keeps where it stands in its
 * {@code tandem_verify_run} row and the keys it found in {@code tandem_verify_drift}, both written in
 * the chunk's transaction, with the chunk's repair: a run that was killed resumes after the last chunk
 * it committed, and reports everything it found. The run row is locked for each chunk, so two
 * processes verifying one migration take turns rather than comparing a chunk twice.
 */
public final class Verify {

    private static final int ATTEMPTS = 1000;

    /** @param chunk source rows per chunk; @param repair whether to repair the drift found */
    public record Options(int chunk, boolean repair) {
    }

    /**
     * A run's outcome.
     *
     * @param run        its number, per migration
     * @param resumed    whether this process took over a run that had stopped
     * @param chunks     chunks compared in the whole run
     * @param drift      the drifting keys of the whole run, by kind, in key order within a chunk
     * @param repaired   keys repaired
     * @param keyColumns the key's columns as the routing file names them, to show keys with
     */
    public record Result(int run, boolean resumed, int chunks, Map<DriftKind, List<Object[]>> drift, long repaired,
            List<String> keyColumns) {

        public long driftCount() {
            return drift.values().stream().mapToLong(List::size).sum();
        }

        /** A key as {@code id=42}. */
        public String show(Object[] key) {
            return KeyText.show(keyColumns, key);
        }
    }

    private final Connections connections;
    private final Migration migration;
    private final Options options;
    private final Progress progress;

    public Verify(Connections connections, Migration migration, Options options, Progress progress) {
        this.connections = connections;
        this.migration = migration;
        this.options = options;
        this.progress = progress;
    }

    /**
     * Runs (or resumes) a verify run to its end.
     *
     * @throws IllegalArgumentException when the migration does not fit the database
     */
    public Result run() throws SQLException {
        try (Connection connection = connections.open()) {
            MigrationTables tables = MigrationTables.of(connection, migration);
            OpsTables.create(connection, tables.dialect());
            int[] run = start(connection, tables);
            boolean resumed = run[1] == 1;
            int done = run[2];
            long sourceRows = tables.countSource(connection);
            progress.start(-1, sourceRows, 0, 0);
            progress.line((resumed ? "resuming run " + run[0] + " after " + done + " chunks" : "run " + run[0])
                    + ", " + sourceRows + " source rows, chunks of " + options.chunk() + " rows"
                    + (options.repair() ? ", repairing" : ""));
            connection.setAutoCommit(false);
            int conflicts = 0;
            while (true) {
                try {
                    int[] chunk = chunk(connection, tables, run[0]);
                    connection.commit();
                    conflicts = 0;
                    if (chunk == null) {
                        break;
                    }
                    progress.chunk(chunk[0], options.chunk(), chunk[1] == 0 ? "equal" : chunk[1] + " drifting keys"
                            + (options.repair() ? ", repaired" : ""));
                } catch (SQLException e) {
                    connection.rollback();
                    if (!Transient.is(e) || ++conflicts >= ATTEMPTS) {
                        throw e;
                    }
                }
            }
            connection.setAutoCommit(true);
            return result(connection, tables, run[0], resumed);
        }
    }

    /** The run to continue, or a new one: {number, resumed (1) or not, chunks done}. */
    private int[] start(Connection connection, MigrationTables tables) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (PreparedStatement open = connection.prepareStatement("SELECT run_no, chunks FROM tandem_verify_run"
                    + " WHERE migration_id = ? AND finished_at IS NULL AND repair = ? ORDER BY run_no DESC")) {
                open.setString(1, migration.id());
                open.setInt(2, options.repair() ? 1 : 0);
                try (ResultSet row = open.executeQuery()) {
                    if (row.next()) {
                        return new int[] {row.getInt(1), 1, row.getInt(2)};
                    }
                }
            }
            int number;
            try (PreparedStatement last = connection.prepareStatement(
                    "SELECT MAX(run_no) FROM tandem_verify_run WHERE migration_id = ?")) {
                last.setString(1, migration.id());
                try (ResultSet row = last.executeQuery()) {
                    row.next();
                    number = row.getInt(1) + 1;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tandem_verify_run (migration_id,"
                    + " run_no, started_at, chunks, missing, extra, different, repaired, repair)"
                    + " VALUES (?, ?, ?, 0, 0, 0, 0, 0, ?)")) {
                insert.setString(1, migration.id());
                insert.setInt(2, number);
                insert.setString(3, OpsTables.now());
                insert.setInt(4, options.repair() ? 1 : 0);
                insert.executeUpdate();
                return new int[] {number, 0, 0};
            } catch (SQLException e) {
                if (!String.valueOf(e.getSQLState()).startsWith("23") || attempt >= ATTEMPTS) {
                    throw e; // a duplicate: another process started a run at the same moment; join it
                }
            }
        }
    }

    /**
     * Compares (and repairs) the next chunk of the run, in the caller's transaction: {number, drifting
     * keys}, or null when the run had already reached its end.
     */
    private int[] chunk(Connection connection, MigrationTables tables, int run) throws SQLException {
        String position;
        int chunks;
        long[] counts = new long[4];
        try (PreparedStatement select = connection.prepareStatement("SELECT position, chunks, missing, extra,"
                + " different, repaired, finished_at FROM tandem_verify_run WHERE migration_id = ? AND run_no = ?"
                + " FOR UPDATE")) {
            select.setString(1, migration.id());
            select.setInt(2, run);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                if (row.getString(7) != null) {
                    return null;
                }
                position = row.getString(1);
                chunks = row.getInt(2);
                for (int i = 0; i < 4; i++) {
                    counts[i] = row.getLong(3 + i);
                }
            }
        }
        Object[] after = KeyText.decode(position);
        Object[] upTo = tables.chunkEnd(connection, after, options.chunk());
        List<MigrationTables.Drift> drift = tables.compare(connection, after, upTo);
        int repaired = 0;
        if (options.repair() && !drift.isEmpty()) {
            tables.copyKeys(connection, drift.stream().map(MigrationTables.Drift::key).toList());
            repaired = drift.size();
        }
        int seq = 0;
        try (PreparedStatement last = connection.prepareStatement(
                "SELECT MAX(seq) FROM tandem_verify_drift WHERE migration_id = ? AND run_no = ?")) {
            last.setString(1, migration.id());
            last.setInt(2, run);
            try (ResultSet row = last.executeQuery()) {
                row.next();
                seq = row.getInt(1);
            }
        }
        if (!drift.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tandem_verify_drift (migration_id,"
                    + " run_no, seq, kind, key_text, repaired) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (MigrationTables.Drift each : drift) {
                    insert.setString(1, migration.id());
                    insert.setInt(2, run);
                    insert.setInt(3, ++seq);
                    insert.setString(4, each.kind().name().toLowerCase(java.util.Locale.ROOT));
                    insert.setString(5, KeyText.encode(each.key()));
                    insert.setInt(6, options.repair() ? 1 : 0);
                    insert.addBatch();
                    counts[each.kind().ordinal()]++;
                }
                insert.executeBatch();
            }
        }
        counts[3] += repaired;
        boolean end = upTo == null;
        try (PreparedStatement update = connection.prepareStatement("UPDATE tandem_verify_run SET position = ?,"
                + " chunks = ?, missing = ?, extra = ?, different = ?, repaired = ?, finished_at = ?, ok = ?"
                + " WHERE migration_id = ? AND run_no = ?")) {
            update.setString(1, KeyText.encode(upTo));
            update.setInt(2, chunks + 1);
            for (int i = 0; i < 4; i++) {
                update.setLong(3 + i, counts[i]);
            }
            update.setString(7, end ? OpsTables.now() : null);
            if (end) {
                update.setInt(8, counts[0] + counts[1] + counts[2] == 0 ? 1 : 0);
            } else {
                update.setNull(8, java.sql.Types.INTEGER);
            }
            update.setString(9, migration.id());
            update.setInt(10, run);
            update.executeUpdate();
        }
        return new int[] {chunks + 1, drift.size()};
    }

    private Result result(Connection connection, MigrationTables tables, int run, boolean resumed) throws SQLException {
        Map<DriftKind, List<Object[]>> drift = new EnumMap<>(DriftKind.class);
        for (DriftKind kind : DriftKind.values()) {
            drift.put(kind, new ArrayList<>());
        }
        int chunks;
        long repaired;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT chunks, repaired FROM tandem_verify_run WHERE migration_id = ? AND run_no = ?")) {
            select.setString(1, migration.id());
            select.setInt(2, run);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                chunks = row.getInt(1);
                repaired = row.getLong(2);
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT kind, key_text FROM tandem_verify_drift"
                + " WHERE migration_id = ? AND run_no = ? ORDER BY seq")) {
            select.setString(1, migration.id());
            select.setInt(2, run);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    drift.get(DriftKind.valueOf(row.getString(1).toUpperCase(java.util.Locale.ROOT)))
                            .add(KeyText.decode(row.getString(2)));
                }
            }
        }
        return new Result(run, resumed, chunks, drift, repaired, migration.key());
    }
}
