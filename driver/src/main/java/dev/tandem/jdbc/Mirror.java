package dev.tandem.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetProvider;

import dev.tandem.jdbc.RoutedDatabase.Applied;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.WriteShape;

/**
 * One write to a migrated table and how it reaches the other table (DESIGN §5): the statement runs as
 * the application wrote it on the table it names (the primary), the keys of the rows it changed are
 * collected, and those rows are then copied by key from the primary into the mirror through the
 * mapping, in the same transaction.
 *
 * <p>Why a copy by key and not the statement translated: a statement run twice would evaluate
 * twice what the database makes (identity and sequence keys, defaults, {@code now()},
 * {@code random()}, triggers) and could give the two tables different rows. Copying the primary's
 * rows as they are after the statement makes the mirror equal mapping(primary) for every row the
 * statement touched, whatever it computed. The row locks the statement took on the primary are held
 * until the transaction ends, so no other writer (nor a backfill that locks the source rows it
 * copies) can change those rows between the statement and its copy.
 *
 * <p>How the keys are found, per database and statement (see {@link Capture}): from the rows the
 * statement itself returns where the database can return them (PostgreSQL for every write, H2 for
 * inserts, updates and {@code MERGE … KEY}, MariaDB for inserts and deletes), so the keys are exactly
 * those of the rows changed; otherwise (H2 deletes, MariaDB updates) from the rows the statement will
 * change, read first with the same condition and locked.
 */
final class Mirror {

    /** How the keys of the rows a statement changed are found. */
    enum Capture {
        /**
         * The real driver's generated keys, asked for by the key columns' names: PostgreSQL appends
         * {@code RETURNING} to any write; H2 returns the named columns of inserted, updated and merged rows.
         */
        GENERATED_KEYS,
        /** The statement's own {@code RETURNING}, which returns the key: its rows are kept for the application. */
        OWN_RETURNING,
        /** MariaDB: {@code RETURNING <key>} appended to an INSERT or a DELETE; the update count is the rows returned. */
        APPEND_RETURNING,
        /** H2: {@code SELECT <key> FROM OLD TABLE (<delete>)}, the rows the delete removed. */
        OLD_TABLE,
        /**
         * MariaDB: {@code SELECT <key> FROM <table> WHERE <its condition> FOR UPDATE} before an UPDATE,
         * without its ORDER BY and LIMIT: a superset of the rows it changes, locked (with the gaps
         * between them, under InnoDB's default REPEATABLE READ) so that no row can start to match
         * before the update runs. Copying a row the update did not change copies it unchanged.
         */
        LOCKING_SELECT
    }

    /**
     * What the application asked of the real driver's generated keys: {@code auto} for
     * {@code RETURN_GENERATED_KEYS} (and for column indexes, which are answered the same way), or the
     * columns by name.
     */
    record KeysRequest(boolean auto, String[] names) {
        static final KeysRequest NONE = new KeysRequest(false, null);
        static final KeysRequest AUTO = new KeysRequest(true, null);

        boolean wanted() {
            return auto || names != null;
        }
    }

    /** What the application sees of a mirrored statement: exactly what its statement gave. */
    record Outcome(long count, ResultSet rows, ResultSet generatedKeys) {
    }

    /** Runs the primary statement one way or another, for a {@code Statement} or a {@code PreparedStatement}. */
    interface Runner {
        /** The statement's text as the application wrote it. */
        String sql();

        /** Runs {@code text} (the statement or a form of it with the same parameters) as a query. */
        ResultSet query(String text) throws SQLException;

        /** Runs {@code text} asking the real driver for the generated keys {@code names} (or all, when null). */
        long updateReturning(String text, String[] names) throws SQLException;

        /** The generated keys of the last {@link #updateReturning}. */
        ResultSet generatedKeys() throws SQLException;

        /** Runs the statement as written as an update. */
        long update() throws SQLException;

        /** Runs {@code text}, a query over some of the statement's parameters ({@code parameters}, from 1). */
        ResultSet capture(String text, int[] parameters) throws SQLException;

        /**
         * Runs {@code text}, the statement with {@code keys} (their values set by {@link #bindKeys})
         * spliced in after its first {@code boundary} parameters, as an update.
         */
        long updateWithKeys(String text, int boundary, List<Object[]> keys) throws SQLException;
    }

    /** How many rows one MariaDB update restricted to its locked keys may change. */
    private static final int RESTRICTED = 10_000;

    /** How many keys one copy statement carries: well under every driver's limit on parameters. */
    private static final int CHUNK = 500;

    private final Applied applied;
    private final MirrorCopy copy;
    private final WriteShape shape;
    private final Capture capture;
    private final Dialect dialect;

    private Mirror(Applied applied, MirrorCopy copy, WriteShape shape, Capture capture, Dialect dialect) {
        this.applied = applied;
        this.copy = copy;
        this.shape = shape;
        this.capture = capture;
        this.dialect = dialect;
    }

    /** How {@code shape} is mirrored on {@code dialect}, its keys found by {@code capture} ({@link #capture}). */
    static Mirror of(Applied applied, MirrorCopy copy, WriteShape shape, Capture capture, Dialect dialect) {
        return new Mirror(applied, copy, shape, capture, dialect);
    }

    /**
     * How the keys of the rows {@code shape} changes are found on {@code dialect}.
     *
     * @throws IllegalArgumentException with the reason, when they cannot be found exactly
     */
    static Capture capture(WriteShape shape, Dialect dialect) {
        String id = shape.migration().id();
        if (shape.returning() != null) {
            if (!shape.returningGivesKey()) {
                throw new IllegalArgumentException("its RETURNING clause does not return the key of migration " + id
                        + ", which Tandem needs to mirror the rows it changed; add the key columns to it");
            }
            return Capture.OWN_RETURNING;
        }
        if (dialect == Dialect.POSTGRESQL) {
            return Capture.GENERATED_KEYS;
        }
        if (dialect == Dialect.H2) {
            return shape.verb() == WriteShape.Verb.DELETE ? Capture.OLD_TABLE : Capture.GENERATED_KEYS;
        }
        return switch (shape.verb()) {
            case UPDATE -> Capture.LOCKING_SELECT;
            case DELETE -> Capture.APPEND_RETURNING;
            case INSERT -> switch (shape.upsert()) {
                case NONE, IGNORE -> Capture.APPEND_RETURNING;
                default -> throw new IllegalArgumentException("MariaDB reports the rows a " + (shape.upsert()
                        == WriteShape.Upsert.REPLACE ? "REPLACE" : "INSERT … ON DUPLICATE KEY UPDATE")
                        + " changed only with its update count or only with RETURNING, not both, and it may change a"
                        + " row found by another unique key; write it as INSERT IGNORE and UPDATE (migration " + id + ")");
            };
        };
    }

    /** The key columns of the table written, as stored: what the real driver is asked to return. */
    String[] keyNames() {
        return copy.primaryKeyNames();
    }

    WriteShape shape() {
        return shape;
    }

    Capture capture() {
        return capture;
    }

    /** Whether the application asking for generated keys {@code keys} can be answered exactly. */
    void checkKeys(String sql, KeysRequest keys) throws SQLException {
        if (keys.wanted() && capture == Capture.OWN_RETURNING) {
            throw Errors.refused(sql, "it asks for generated keys and has its own RETURNING clause");
        }
    }

    /** Work on the real connection that must be all or nothing. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection real) throws SQLException;
    }

    /**
     * Runs the statement and its mirror as one unit; see {@link #atomically}.
     */
    Outcome run(TandemConnection connection, Runner runner, KeysRequest keys) throws SQLException {
        return atomically(connection, real -> runInside(connection, runner, keys));
    }

    /**
     * Runs {@code work} as one unit: in a transaction of its own under autocommit, else under a
     * savepoint of the caller's transaction, so that if any of it fails none of it stays and the
     * caller's transaction stays usable.
     */
    static <T> T atomically(TandemConnection connection, Work<T> work) throws SQLException {
        Connection real = connection.delegate;
        boolean wrap = connection.autoCommitNow();
        // a transaction opened with SQL BEGIN under JDBC autocommit: the drivers refuse JDBC savepoints
        boolean sqlSavepoint = !wrap && connection.inSqlTransaction();
        Savepoint savepoint = null;
        if (wrap) {
            real.setAutoCommit(false);
        } else if (sqlSavepoint) {
            sql(real, "SAVEPOINT tandem_mirror");
        } else {
            savepoint = real.setSavepoint();
        }
        boolean done = false;
        try {
            T result = work.run(real);
            if (wrap) {
                real.commit();
            } else if (sqlSavepoint) {
                sql(real, "RELEASE SAVEPOINT tandem_mirror");
            } else {
                real.releaseSavepoint(savepoint);
            }
            done = true;
            return result;
        } finally {
            if (!done) {
                if (sqlSavepoint) {
                    try {
                        sql(real, "ROLLBACK TO SAVEPOINT tandem_mirror");
                    } catch (SQLException e) {
                        // the connection is broken: the database rolls the transaction back itself
                    }
                } else {
                    undo(real, wrap, savepoint);
                }
            }
            if (wrap) {
                restoreAutoCommit(real, done);
            }
        }
    }

    private static void sql(Connection real, String sql) throws SQLException {
        try (java.sql.Statement statement = real.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Rolls back what the pair did; a connection that is gone has rolled back on its own. */
    static void undo(Connection real, boolean wrap, Savepoint savepoint) {
        try {
            if (wrap) {
                real.rollback();
            } else {
                real.rollback(savepoint);
            }
        } catch (SQLException | RuntimeException e) {
            // the connection is broken: the database rolls the transaction back itself
        }
    }

    static void restoreAutoCommit(Connection real, boolean raise) throws SQLException {
        try {
            real.setAutoCommit(true);
        } catch (SQLException e) {
            if (raise) {
                throw e;
            }
        }
    }

    /** The statement, then its mirror, in whatever transaction is open. */
    Outcome runInside(TandemConnection connection, Runner runner, KeysRequest keys) throws SQLException {
        List<Object[]> changed = new ArrayList<>();
        Outcome outcome = primary(runner, keys, changed);
        try {
            if (shape.verb() == WriteShape.Verb.DELETE) {
                copy.delete(connection, changed);
            } else {
                copy.upsert(connection, changed);
            }
        } catch (SQLException e) {
            throw mirrorFailed(e);
        }
        applied.monitor().mirroredWrites.increment();
        return outcome;
    }

    private SQLException mirrorFailed(SQLException cause) {
        return new SQLException("tandem: the write to " + copy.primaryTable() + " could not be mirrored to "
                + copy.mirrorTable() + " for migration " + applied.config().id() + ", so neither was changed: "
                + cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
    }

    private Outcome primary(Runner runner, KeysRequest keys, List<Object[]> changed) throws SQLException {
        String sql = runner.sql();
        String[] keyNames = copy.primaryKeyNames();
        switch (capture) {
            case GENERATED_KEYS -> {
                String[] names = keys.auto() && dialect == Dialect.POSTGRESQL ? null : union(keys.names(), keyNames);
                long count = runner.updateReturning(sql, names);
                ResultSet generated = runner.generatedKeys();
                if (keys.wanted()) {
                    CachedRowSet kept = keep(generated);
                    readKeys(kept, keyNames, changed);
                    kept.beforeFirst();
                    return new Outcome(count, null, kept);
                }
                try (generated) {
                    readKeys(generated, keyNames, changed);
                }
                return new Outcome(count, null, null);
            }
            case OWN_RETURNING -> {
                CachedRowSet kept = keep(runner.query(sql));
                readKeys(kept, keyNames, changed);
                kept.beforeFirst();
                return new Outcome(kept.size(), kept, null);
            }
            case APPEND_RETURNING, OLD_TABLE -> {
                ResultSet rows = runner.query(captureSql(sql));
                if (keys.wanted()) {
                    CachedRowSet kept = keep(rows);
                    int count = readKeys(kept, keyNames, changed);
                    kept.beforeFirst();
                    return new Outcome(count, null, kept);
                }
                try (rows) {
                    return new Outcome(readKeys(rows, keyNames, changed), null, null);
                }
            }
            case LOCKING_SELECT -> {
                try (ResultSet rows = runner.capture(captureSql(sql), shape.captureParameters())) {
                    readKeys(rows, keyNames, changed);
                }
                if (changed.isEmpty()) {
                    return new Outcome(0, null, null);
                }
                if (changed.size() > RESTRICTED) {
                    throw new SQLException("tandem: the update would change more than " + RESTRICTED + " rows of "
                            + copy.primaryTable() + " (migration " + applied.config().id() + "), more than Tandem mirrors"
                            + " in one MariaDB update; nothing was changed, update fewer rows at a time", "54000");
                }
                // The update is restricted to the rows the locking select found, so that it changes no row the
                // mirror does not copy: a row that came to match after the select (a phantom under READ
                // COMMITTED, or a row a same-table subquery sees differently) is left as if the update ran first.
                return new Outcome(runner.updateWithKeys(restricted(runner.sql(), changed.size()), shape.parametersBefore(),
                        changed), null, null);
            }
            default -> throw new IllegalStateException(capture.name());
        }
    }

    /**
     * The statement that finds the changed keys, for the captures that run one of their own: {@code sql}
     * (the statement as written) with {@code RETURNING <key>} appended, inside {@code SELECT … FROM OLD TABLE},
     * or the locking select that precedes it; null for the captures that use the statement's own results.
     */
    String captureSql(String sql) {
        return switch (capture) {
            case APPEND_RETURNING -> sql.substring(0, shape.end()) + " RETURNING " + copy.primaryKeyList();
            case OLD_TABLE -> "SELECT " + copy.primaryKeyList() + " FROM OLD TABLE (" + sql.substring(0, shape.end()) + ")";
            case LOCKING_SELECT -> {
                String[] keyNames = copy.primaryKeyNames();
                StringBuilder select = new StringBuilder("SELECT ");
                for (int i = 0; i < keyNames.length; i++) {
                    select.append(i == 0 ? "" : ", ").append(shape.captureQualifier()).append('.')
                            .append(dialect.identifier(keyNames[i]));
                }
                yield select.append(' ').append(shape.captureFrom()).append(" FOR UPDATE").toString();
            }
            case GENERATED_KEYS, OWN_RETURNING -> null;
        };
    }

    /** The statements that copy the changed rows into the other table; null in a plan without a catalog. */
    MirrorCopy copy() {
        return copy;
    }

    /** {@code sql}, an UPDATE or DELETE, restricted to {@code keys} rows by key, their values as parameters. */
    String restricted(String sql, int keys) {
        String[] keyNames = copy.primaryKeyNames();
        StringBuilder term = new StringBuilder(keyNames.length == 1 ? "" : "(");
        for (int i = 0; i < keyNames.length; i++) {
            term.append(i == 0 ? "" : ", ").append(shape.captureQualifier()).append('.')
                    .append(dialect.identifier(keyNames[i]));
        }
        term.append(keyNames.length == 1 ? "" : ")").append(" IN (");
        String one = keyNames.length == 1 ? "?" : "(" + "?, ".repeat(keyNames.length - 1) + "?)";
        for (int i = 0; i < keys; i++) {
            term.append(i == 0 ? "" : ", ").append(one);
        }
        term.append(')');
        int start = shape.conditionStart();
        int end = shape.conditionEnd();
        return start < 0
                ? sql.substring(0, end) + " WHERE " + term + " " + sql.substring(end)
                : sql.substring(0, start) + " (" + sql.substring(start, end) + ") AND " + term + " " + sql.substring(end);
    }

    /** The application's names, then the key columns it did not name; null when it named none. */
    private static String[] union(String[] asked, String[] keys) {
        if (asked == null) {
            return keys;
        }
        List<String> all = new ArrayList<>(Arrays.asList(asked));
        for (String key : keys) {
            if (all.stream().noneMatch(key::equalsIgnoreCase)) {
                all.add(key);
            }
        }
        return all.toArray(String[]::new);
    }

    /** Reads the key columns of every row; returns how many rows there were. */
    private static int readKeys(ResultSet rows, String[] keyNames, List<Object[]> into) throws SQLException {
        int[] columns = new int[keyNames.length];
        for (int i = 0; i < keyNames.length; i++) {
            columns[i] = rows.findColumn(keyNames[i]);
        }
        int count = 0;
        while (rows.next()) {
            Object[] key = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                key[i] = rows.getObject(columns[i]);
            }
            into.add(key);
            count++;
        }
        return count;
    }

    /** The rows of {@code rows}, read into memory and closed, so that they can be read again. */
    private static CachedRowSet keep(ResultSet rows) throws SQLException {
        try (rows) {
            CachedRowSet kept = RowSetProvider.newFactory().createCachedRowSet();
            kept.populate(rows);
            return kept;
        }
    }

    /** Splits {@code keys} into chunks a copy statement can carry. */
    static List<List<Object[]>> chunks(List<Object[]> keys) {
        List<List<Object[]>> chunks = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += CHUNK) {
            chunks.add(keys.subList(i, Math.min(keys.size(), i + CHUNK)));
        }
        return chunks;
    }

    /** Sets the key values on a copy statement, in order. */
    static void bindKeys(PreparedStatement statement, List<Object[]> keys) throws SQLException {
        bindKeys(statement, keys, 1);
    }

    /** Sets the key values on a statement, in order, from parameter {@code first}. */
    static void bindKeys(PreparedStatement statement, List<Object[]> keys, int first) throws SQLException {
        int index = first;
        for (Object[] key : keys) {
            for (Object value : key) {
                statement.setObject(index++, value);
            }
        }
    }
}
