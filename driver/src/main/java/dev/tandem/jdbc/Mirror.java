package dev.tandem.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.rowset.CachedRowSet;

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
         * PostgreSQL's {@code UPDATE … FROM} and {@code DELETE … USING}: the key qualified with the written
         * table's alias or name appended to its {@code RETURNING} (or as one), since a bare key column may
         * be a column of the list's tables too; the columns after the application's are left out again.
         */
        QUALIFIED_RETURNING,
        /**
         * MariaDB: {@code SELECT <key> FROM <table> WHERE <its condition> FOR UPDATE} before an UPDATE,
         * without its ORDER BY and LIMIT: a superset of the rows it changes, locked (with the gaps
         * between them, under InnoDB's default REPEATABLE READ) so that no row can start to match
         * before the update runs. Copying a row the update did not change copies it unchanged.
         */
        LOCKING_SELECT,
        /**
         * MariaDB's multi-table UPDATE and DELETE, which return no rows: {@code SELECT DISTINCT <key, qualified with
         * the written table> FROM <its table references> WHERE <its condition> FOR UPDATE} before it, locking the
         * rows of every table joined, then the statement restricted to those keys, as {@link #LOCKING_SELECT}; the
         * rows are then copied, or for a DELETE removed from the mirror where the primary has none left.
         */
        JOINED_LOCKING_SELECT,
        /**
         * MariaDB's {@code INSERT … ON DUPLICATE KEY UPDATE} and {@code REPLACE} whose VALUES give every key
         * column, on a table whose key is its only unique key: the rows it changes are exactly those with the
         * keys given (each inserted, updated, or deleted and inserted again), selected from the statement's
         * own values, and the statement runs as written, with its count and generated keys.
         */
        GIVEN_KEYS
    }

    /**
     * What the application asked of the real driver's generated keys: {@code auto} for
     * {@code RETURN_GENERATED_KEYS}, the columns by name, or by index; nothing when all are unset.
     */
    record KeysRequest(boolean auto, String[] names, int[] indexes) {
        static final KeysRequest NONE = new KeysRequest(false, null, null);
        static final KeysRequest AUTO = new KeysRequest(true, null, null);

        static KeysRequest names(String[] names) {
            return new KeysRequest(false, names, null);
        }

        static KeysRequest indexes(int[] indexes) {
            return new KeysRequest(false, null, indexes);
        }

        boolean wanted() {
            return auto || names != null || indexes != null;
        }
    }

    /**
     * What {@code getGeneratedKeys()} answers after a mirrored write: the rows {@code kept}, shaped as the
     * real driver gives them for the statement as written; or, when {@code blank}, what a real statement
     * that ran without asking for keys answers (an empty result on PostgreSQL and H2, an exception on
     * MariaDB), asked of a statement Tandem prepares and never runs.
     */
    record Keys(ResultSet kept, boolean blank) {
        static final Keys BLANK = new Keys(null, true);

        static Keys kept(ResultSet rows) {
            return new Keys(rows, false);
        }
    }

    /**
     * What the application sees of a mirrored statement: exactly what its statement gave.
     *
     * @param count    its update count (for a query, the rows it returned)
     * @param rows     its {@code RETURNING} rows, or null
     * @param keys     its generated keys
     * @param counts   the update counts {@code getUpdateCount()} answers, the next one after each
     *                 {@code getMoreResults()}: the statement's count, none after a query, and after a batch
     *                 what the real driver answers then (see {@link #afterBatch})
     * @param warnings the warnings of the real statement that ran it, read before anything else ran
     */
    record Outcome(long count, ResultSet rows, Keys keys, long[] counts, SQLWarning warnings) {

        static Outcome of(long count, ResultSet rows, Keys keys, SQLWarning warnings) {
            return new Outcome(count, rows, keys, rows != null ? new long[0] : new long[] {count}, warnings);
        }
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

        /** Runs {@code text}, a statement with the same parameters in the same order, as an update. */
        long updateAs(String text) throws SQLException;

        /**
         * The warnings of the real statement that ran the write last; called at once after it, since
         * MariaDB keeps them per connection, for the next statement to replace.
         */
        SQLWarning warnings() throws SQLException;

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

    /**
     * How {@code shape} is mirrored on {@code dialect}, or the reason it cannot be mirrored exactly.
     *
     * @throws IllegalArgumentException with the reason, when it cannot be
     */
    static Mirror of(Applied applied, MirrorCopy copy, WriteShape shape, Dialect dialect) {
        return new Mirror(applied, copy, shape, capture(shape, dialect, copy), dialect);
    }

    /** How {@code shape} is mirrored on {@code dialect}, its keys found by {@code capture} ({@link #capture}). */
    static Mirror of(Applied applied, MirrorCopy copy, WriteShape shape, Capture capture, Dialect dialect) {
        return new Mirror(applied, copy, shape, capture, dialect);
    }

    /**
     * How the keys of the rows {@code shape} changes are found on {@code dialect}.
     *
     * @param copy the copy the plan made, which knows the table's unique keys; null in a plan without a
     *             catalog (a MariaDB upsert is then taken as its table allowed it)
     * @throws IllegalArgumentException with the reason, when they cannot be found exactly
     */
    static Capture capture(WriteShape shape, Dialect dialect, MirrorCopy copy) {
        String id = shape.migration().id();
        if (shape.fromList() != null) {
            if (dialect.mariadb() && shape.captureFrom() != null) {
                return Capture.JOINED_LOCKING_SELECT;
            }
            if (dialect != Dialect.POSTGRESQL) {
                throw new IllegalArgumentException("only PostgreSQL's UPDATE … FROM and DELETE … USING and MariaDB's"
                        + " multi-table UPDATE and DELETE are mirrored");
            }
            return Capture.QUALIFIED_RETURNING;
        }
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
                default -> {
                    // MariaDB reports the rows these change only by their update count or only by RETURNING (then
                    // without the ones updated), and a row found by another unique key would be changed unseen
                    String what = shape.upsert() == WriteShape.Upsert.REPLACE ? "REPLACE" : "INSERT … ON DUPLICATE KEY UPDATE";
                    if (shape.givenKeys() == null) {
                        throw new IllegalArgumentException(what + " is mirrored only when it names its columns and its"
                                + " VALUES give every key column of migration " + id + " as a number or a parameter, since"
                                + " MariaDB does not report which rows it changed; give the key, or write it as INSERT"
                                + " IGNORE and UPDATE");
                    }
                    if (copy != null && !copy.keyOnlyUnique()) {
                        throw new IllegalArgumentException(what + " is mirrored only on a table whose only unique key is"
                                + " the key of migration " + id + ", and " + copy.primaryTable() + " has another (or its"
                                + " indexes cannot be read), by which it could change a row Tandem cannot find; write it"
                                + " as INSERT IGNORE and UPDATE");
                    }
                    yield Capture.GIVEN_KEYS;
                }
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

    /**
     * Whether the application asking for generated keys {@code keys} can be answered exactly; answers
     * as the real driver does a request it refuses before running anything.
     */
    void checkKeys(java.sql.Connection real, String sql, KeysRequest keys) throws SQLException {
        if (keys.wanted() && shape.returning() != null) {
            throw Errors.refused(sql, "it asks for generated keys and has its own RETURNING clause");
        }
        if (dialect == Dialect.POSTGRESQL && keys.indexes() != null && keys.indexes().length > 0) {
            // the PostgreSQL driver refuses keys by column index, before running anything: let it say so itself
            real.prepareStatement(sql, keys.indexes()).close();
        }
    }

    /**
     * The request as the real driver reads it: MariaDB's answers every request with its auto-increment
     * values; PostgreSQL's and H2's take no names or indexes as no request.
     */
    private KeysRequest effective(KeysRequest keys) {
        if (dialect.mariadb()) {
            return keys.wanted() ? KeysRequest.AUTO : KeysRequest.NONE;
        }
        if (keys.names() != null && keys.names().length == 0 || keys.indexes() != null && keys.indexes().length == 0) {
            return KeysRequest.NONE;
        }
        return keys;
    }

    /**
     * The update counts the real driver answers after a batch, first to last as {@code getMoreResults()}
     * moves on: PostgreSQL's none; H2's the last entry's after a {@code Statement}'s batch and none after a
     * prepared one; MariaDB's every entry's.
     */
    static long[] afterBatch(Dialect dialect, boolean prepared, long[] counts) {
        if (dialect == null) {
            return new long[0];
        }
        return switch (dialect) {
            case POSTGRESQL -> new long[0];
            case H2 -> prepared || counts.length == 0 ? new long[0] : new long[] {counts[counts.length - 1]};
            default -> counts.clone();
        };
    }

    /** Work on the real connection that must be all or nothing. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection real) throws SQLException;
    }

    /**
     * Runs the statement and its mirror as one unit: as one statement where the database allows it
     * ({@link #oneStatement}), else as two in a transaction or under a savepoint ({@link #atomically}).
     */
    Outcome run(TandemConnection connection, Runner runner, KeysRequest keys) throws SQLException {
        String one = effective(keys).wanted() ? null : oneStatement(runner.sql());
        if (one == null || !connection.autoCommitNow()) {
            return atomically(connection, real -> runInside(connection, runner, keys));
        }
        try {
            long count = runner.updateAs(one);
            SQLWarning warnings = runner.warnings();
            applied.monitor().mirroredWrites.increment();
            return Outcome.of(count, null, Keys.BLANK, warnings);
        } catch (SQLException e) {
            // Under autocommit the statement failed as a whole, in a transaction of its own, and changed nothing.
            // Run as two, which says exactly which table failed and why (the write itself, or its mirror, named
            // with the migration); if the two succeed, the database does not take this text in one statement
            // (a PostgreSQL write with its own WITH, say): do not try it again.
            Outcome outcome = atomically(connection, real -> runInside(connection, runner, keys));
            copy.notInOneStatement(runner.sql());
            return outcome;
        }
    }

    /**
     * The write and the upsert of the rows it changed as one statement ({@link MirrorCopy#oneStatement}),
     * for an INSERT or UPDATE whose keys come from the driver's generated keys (H2, PostgreSQL) and whose
     * application asked for no generated keys; null otherwise. Used only under autocommit, where one
     * statement is one unit with nothing around it, and where, if it fails, running it again as two
     * statements loses nothing: in the caller's transaction a failure may have ended the transaction
     * (a deadlock), and running the write again would hide that.
     */
    String oneStatement(String sql) {
        if (capture != Capture.GENERATED_KEYS || copy == null || shape.verb() == WriteShape.Verb.DELETE) {
            return null;
        }
        return copy.oneStatement(sql, shape.end());
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
        Outcome outcome = primary(connection, runner, effective(keys), changed);
        try {
            if (capture == Capture.JOINED_LOCKING_SELECT && shape.verb() == WriteShape.Verb.DELETE) {
                // the keys locked are those the delete removes; a key it kept would keep its mirror row too
                copy.deleteOrphans(connection::copyStatement, changed);
            } else if (shape.verb() == WriteShape.Verb.DELETE) {
                copy.delete(connection::copyStatement, changed);
            } else {
                copy.upsert(connection::copyStatement, changed);
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

    private Outcome primary(TandemConnection connection, Runner runner, KeysRequest keys, List<Object[]> changed)
            throws SQLException {
        String sql = runner.sql();
        String[] keyNames = copy.primaryKeyNames();
        switch (capture) {
            case GENERATED_KEYS -> {
                // PostgreSQL returns every column for RETURN_GENERATED_KEYS, H2 its generated and primary-key ones;
                // columns asked by name or index are asked with the key after them, and left out again
                String[] names = keyNames;
                int asked = -1;
                if (keys.auto()) {
                    names = null;
                } else if (keys.wanted()) {
                    String[] wanted = keys.names() != null ? keys.names() : columnsAt(keys.indexes());
                    names = union(wanted, keyNames);
                    asked = names.length > wanted.length ? wanted.length : -1;
                }
                long count = runner.updateReturning(sql, names);
                SQLWarning warnings = runner.warnings();
                ResultSet generated = runner.generatedKeys();
                if (!keys.wanted()) {
                    try (generated) {
                        readKeys(generated, keyNames, changed);
                    }
                    return Outcome.of(count, null, Keys.BLANK, warnings);
                }
                CachedRowSet kept = KeptRows.keep(generated);
                readKeys(kept, keyNames, changed);
                kept.beforeFirst();
                return Outcome.of(count, null, Keys.kept(asked < 0 ? kept : KeptRows.firstColumns(kept, asked)), warnings);
            }
            case OWN_RETURNING -> {
                CachedRowSet kept = KeptRows.keep(runner.query(sql));
                SQLWarning warnings = runner.warnings();
                readKeys(kept, keyNames, changed);
                kept.beforeFirst();
                return Outcome.of(kept.size(), kept, Keys.BLANK, warnings);
            }
            case QUALIFIED_RETURNING -> {
                StringBuilder text = new StringBuilder(sql.substring(0, shape.end()));
                if (shape.returning() != null) {
                    text.append(", ");
                } else {
                    text.append(" RETURNING ");
                    if (keys.auto()) {
                        text.append("*, ");
                    } else if (keys.wanted()) {
                        for (String name : keys.names() != null ? keys.names() : columnsAt(keys.indexes())) {
                            // as the PostgreSQL driver asks for them: quoted, unless quoted already
                            text.append(name.startsWith("\"") && name.endsWith("\"") ? name
                                    : "\"" + name.replace("\"", "\"\"") + "\"").append(", ");
                        }
                    }
                }
                for (int i = 0; i < keyNames.length; i++) {
                    text.append(i == 0 ? "" : ", ").append(shape.captureQualifier()).append('.')
                            .append(dialect.identifier(keyNames[i]));
                }
                CachedRowSet kept = KeptRows.keep(runner.query(text.toString()));
                SQLWarning warnings = runner.warnings();
                int asked = kept.getMetaData().getColumnCount() - keyNames.length;
                while (kept.next()) {
                    Object[] key = new Object[keyNames.length];
                    for (int i = 0; i < key.length; i++) {
                        key[i] = kept.getObject(asked + 1 + i);
                    }
                    changed.add(key);
                }
                if (shape.returning() != null) {
                    return Outcome.of(kept.size(), KeptRows.firstColumns(kept, asked), Keys.BLANK, warnings);
                }
                return Outcome.of(kept.size(), null, keys.wanted() ? Keys.kept(KeptRows.firstColumns(kept, asked))
                        : Keys.BLANK, warnings);
            }
            case APPEND_RETURNING, OLD_TABLE -> {
                // MariaDB reports as generated key the first value its auto-increment column was given by the
                // statement, or without one, the value the last row has: the column is returned to find it
                String autoIncrement = capture == Capture.APPEND_RETURNING && keys.wanted()
                        && shape.verb() == WriteShape.Verb.INSERT ? copy.primaryAutoIncrement() : null;
                String keyList = copy.primaryKeyList();
                String returned = autoIncrement == null || Arrays.asList(keyNames).contains(autoIncrement) ? keyList
                        : keyList + ", " + dialect.identifier(autoIncrement);
                String text = capture == Capture.OLD_TABLE
                        ? "SELECT " + keyList + " FROM OLD TABLE (" + sql.substring(0, shape.end()) + ")"
                        : sql.substring(0, shape.end()) + " RETURNING " + returned;
                List<Long> values = new ArrayList<>();
                int count;
                try (ResultSet rows = runner.query(text)) {
                    count = readKeys(rows, keyNames, changed, autoIncrement, values);
                }
                SQLWarning warnings = runner.warnings();
                if (!keys.wanted() || capture == Capture.OLD_TABLE) {
                    return Outcome.of(count, null, Keys.BLANK, warnings); // H2 gives no generated keys for a DELETE
                }
                return Outcome.of(count, null, Keys.kept(KeptRows.insertIds(insertId(connection, values))), warnings);
            }
            case GIVEN_KEYS -> {
                try (ResultSet rows = runner.capture(shape.givenKeys(), shape.captureParameters())) {
                    while (rows.next()) {
                        Object[] key = new Object[keyNames.length];
                        for (int i = 0; i < key.length; i++) {
                            key[i] = rows.getObject(i + 1);
                        }
                        changed.add(key);
                    }
                }
                long count = keys.wanted() ? runner.updateReturning(sql, null) : runner.update();
                SQLWarning warnings = runner.warnings();
                return Outcome.of(count, null, keys.wanted() ? Keys.kept(KeptRows.keep(runner.generatedKeys()))
                        : Keys.BLANK, warnings);
            }
            case LOCKING_SELECT, JOINED_LOCKING_SELECT -> {
                try (ResultSet rows = runner.capture(captureSql(sql), shape.captureParameters())) {
                    readKeys(rows, keyNames, changed);
                }
                // an outer join's rows without the written table's row change none of it
                changed.removeIf(key -> Arrays.asList(key).contains(null));
                // MariaDB reports no generated key for an UPDATE or a multi-table DELETE
                Keys answer = keys.wanted() ? Keys.kept(KeptRows.insertIds(List.of())) : Keys.BLANK;
                if (changed.isEmpty()) {
                    return Outcome.of(0, null, answer, null);
                }
                if (changed.size() > RESTRICTED) {
                    String verb = shape.verb() == WriteShape.Verb.DELETE ? "delete" : "update";
                    throw new SQLException("tandem: the " + verb + " would change more than " + RESTRICTED + " rows of "
                            + copy.primaryTable() + " (migration " + applied.config().id() + "), more than Tandem mirrors"
                            + " in one MariaDB " + verb + "; nothing was changed, " + verb + " fewer rows at a time",
                            "54000");
                }
                // The update is restricted to the rows the locking select found, so that it changes no row the
                // mirror does not copy: a row that came to match after the select (a phantom under READ
                // COMMITTED, or a row a same-table subquery sees differently) is left as if the update ran first.
                long count = runner.updateWithKeys(restricted(runner.sql(), changed.size()), shape.parametersBefore(),
                        changed);
                return Outcome.of(count, null, answer, runner.warnings());
            }
            default -> throw new IllegalStateException(capture.name());
        }
    }

    /**
     * MariaDB's generated key for an INSERT that gave its auto-increment column {@code values} (in row
     * order): the first value the statement generated, which {@code LAST_INSERT_ID()} now holds, or when
     * it generated none, the last row's value; none when it inserted no row or the table has no such column.
     * A statement that generated none but gave a row the value {@code LAST_INSERT_ID()} held before is
     * taken as having generated it.
     */
    private static List<Long> insertId(TandemConnection connection, List<Long> values) throws SQLException {
        if (values.isEmpty()) {
            return List.of();
        }
        long last;
        try (java.sql.Statement statement = connection.delegate.createStatement();
                ResultSet rows = statement.executeQuery("SELECT LAST_INSERT_ID()")) {
            last = rows.next() ? rows.getLong(1) : 0;
        }
        Long answer = values.contains(last) ? Long.valueOf(last) : values.get(values.size() - 1);
        return answer == null || answer == 0 ? List.of() : List.of(answer);
    }

    /** The names of the primary's columns at {@code indexes} (from 1), as the real driver reads column indexes. */
    private String[] columnsAt(int[] indexes) throws SQLException {
        List<String> columns = copy.primaryColumns();
        String[] names = new String[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            if (indexes[i] < 1 || indexes[i] > columns.size()) {
                throw new SQLException("tandem: column index " + indexes[i] + " asked for generated keys is not a"
                        + " column of " + copy.primaryTable() + ", which has " + columns.size(), "42S22");
            }
            names[i] = columns.get(indexes[i] - 1);
        }
        return names;
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
            case LOCKING_SELECT, JOINED_LOCKING_SELECT -> {
                String[] keyNames = copy.primaryKeyNames();
                // the join may give one written row many times
                StringBuilder select = new StringBuilder(capture == Capture.JOINED_LOCKING_SELECT ? "SELECT DISTINCT "
                        : "SELECT ");
                for (int i = 0; i < keyNames.length; i++) {
                    select.append(i == 0 ? "" : ", ").append(shape.captureQualifier()).append('.')
                            .append(dialect.identifier(keyNames[i]));
                }
                yield select.append(' ').append(shape.captureFrom()).append(" FOR UPDATE").toString();
            }
            case GIVEN_KEYS -> shape.givenKeys();
            case GENERATED_KEYS, OWN_RETURNING, QUALIFIED_RETURNING -> null;
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
    private int readKeys(ResultSet rows, String[] keyNames, List<Object[]> into) throws SQLException {
        return readKeys(rows, keyNames, into, null, null);
    }

    /** As above, and the values of column {@code also}, when not null, into {@code values}. */
    private int readKeys(ResultSet rows, String[] keyNames, List<Object[]> into, String also, List<Long> values)
            throws SQLException {
        int[] columns = new int[keyNames.length];
        for (int i = 0; i < keyNames.length; i++) {
            columns[i] = column(rows, keyNames[i]);
        }
        int other = also == null ? 0 : column(rows, also);
        int count = 0;
        while (rows.next()) {
            Object[] key = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                key[i] = rows.getObject(columns[i]);
            }
            into.add(key);
            if (also != null) {
                Object value = rows.getObject(other);
                values.add(value == null ? null : ((Number) value).longValue());
            }
            count++;
        }
        return count;
    }

    private int column(ResultSet rows, String name) throws SQLException {
        java.sql.ResultSetMetaData meta = rows.getMetaData();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            if (name.equalsIgnoreCase(meta.getColumnLabel(c))) {
                return c;
            }
        }
        // H2 returns for RETURN_GENERATED_KEYS its identity, defaulted and primary-key columns only
        throw new SQLException("tandem: the database did not return the key column " + name + " of " + copy.primaryTable()
                + " (migration " + applied.config().id() + "), which Tandem needs to mirror the write, so it was undone;"
                + " ask for the generated keys by column name", "0A000");
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
