package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Thousands of seeded random writes through one Tandem connection in {@code dual-write}, in every
 * form the three databases take (plain and prepared, single and batched, autocommit and explicit
 * transactions ending in commit or rollback, statements naming the source or the target), prove
 * DESIGN §5 differentially: after every commit, rollback and autocommit statement the target equals
 * mapping(source) row for row (and inside transactions too, read through Tandem with route hints);
 * update counts and returned ids are those the statement gives on the database alone; a statement that
 * fails (a duplicate key, or a check only the other table has, so that its mirror fails) and a
 * statement Tandem refuses change nothing; a rolled-back transaction leaves both tables as they were;
 * and the core forms are never refused. A failure names the seed that replays it
 * ({@code -Dtandem.seed=…}) and the statements since the tables were last in step; every statement run
 * is also written to {@code target/mirror-logs/}. Two deterministic tests compare with the driver alone
 * what random statements cannot: generated keys, and how failures answer.
 */
class MirroredWritesDifferentialTest {

    /** Statements per database; {@code -Dtandem.mirror.statements} changes it (for shrinking a failure). */
    private static final int STATEMENTS = Integer.getInteger("tandem.mirror.statements", 2000);
    private static final int IDS = 200;
    /** Ids from here on belong to the statements that change more rows than one mirror chunk. */
    private static final int BAND = 1000;
    /** Values a check constraint keeps out of the target's title, and out of the source's name. */
    private static final String NOT_IN_TARGET = "bad";
    private static final String NOT_IN_SOURCE = "worse";
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @TempDir
    Path dir;

    /**
     * Random statements of every form leave no drift, answer as the database does, and the core forms
     * are accepted and never refused; prints the seed, and the forms Tandem accepted and refused.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void seededRandomWrites_ofEveryForm_leaveNoDrift_andAnswerAsTheDatabaseDoes(TestDatabase db) throws Exception {
        long seed = Long.getLong("tandem.seed", System.nanoTime());
        System.out.println("MirroredWritesDifferentialTest " + db + " (phase " + MirrorFixture.PHASE + "): seed " + seed
                + " (replay with -Dtandem.seed=" + seed + ")");
        MirrorFixture fixture = new MirrorFixture(db, dir, "mw").create();
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            // checks only the other table has, so that a mirror fails where the statement alone would not
            statement.execute("ALTER TABLE " + fixture.target + " ADD CONSTRAINT mw_title_check CHECK (title <> '"
                    + NOT_IN_TARGET + "')");
            statement.execute("ALTER TABLE " + fixture.source + " ADD CONSTRAINT mw_name_check CHECK (name <> '"
                    + NOT_IN_SOURCE + "')");
        }
        long started = System.nanoTime();
        try (Run run = new Run(fixture, seed)) {
            try {
                run.seedRows(50);
                while (run.statements < STATEMENTS) {
                    run.unit();
                }
            } catch (AssertionError e) {
                throw e;
            } catch (Exception | Error e) {
                throw run.failure("unexpected " + e, e);
            } finally {
                System.out.println(run.table(System.nanoTime() - started));
                run.writeLog();
            }
            run.assertCoreFormsAcceptedAndNeverRefused();
        }
    }



    /** Runs {@code use} on rows 1-3 (qty 1-3) of {@code table}; answers its outcome and the rows after. */
    private static String failing(Use use, Connection connection, String table) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + table);
            statement.executeUpdate("INSERT INTO " + table + " (id, name, qty) VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)");
        }
        String outcome = answer(use, connection, table);
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        return outcome + "; rows after " + MirrorFixture.rows(connection, "SELECT id, qty FROM " + table + " ORDER BY id");
    }

    private static String attempt(Statement statement, String sql) {
        try {
            return String.valueOf(statement.executeUpdate(sql));
        } catch (SQLException e) {
            return "error " + e.getSQLState();
        }
    }

    private static String batchOutcome(Executable batch) {
        try {
            return "counts " + Arrays.toString(batch.run());
        } catch (BatchUpdateException e) {
            return "BatchUpdateException " + e.getSQLState() + ", counts " + Arrays.toString(e.getUpdateCounts());
        } catch (SQLException e) {
            return e.getClass().getSimpleName() + " " + e.getSQLState();
        }
    }

    private interface Executable {
        int[] run() throws SQLException;
    }

    private static final List<Use> FAILURES = List.of(
            new Use("in a transaction: update, duplicate insert, update, commit", (c, t) -> {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    String outcome = attempt(s, "UPDATE " + t + " SET qty = 50 WHERE id = 1") + ", "
                            + attempt(s, "INSERT INTO " + t + " (id, name) VALUES (2, 'duplicate')") + ", "
                            + attempt(s, "UPDATE " + t + " SET qty = 60 WHERE id = 3");
                    c.commit();
                    return outcome + ", commit";
                }
            }),
            new Use("autocommit Statement batch: update, duplicate insert, update", (c, t) -> {
                try (Statement s = c.createStatement()) {
                    s.addBatch("UPDATE " + t + " SET qty = 100 WHERE id = 1");
                    s.addBatch("INSERT INTO " + t + " (id, name) VALUES (2, 'duplicate')");
                    s.addBatch("UPDATE " + t + " SET qty = 300 WHERE id = 3");
                    return batchOutcome(s::executeBatch);
                }
            }),
            new Use("autocommit prepared batch: inserts of ids 10, 2 (duplicate), 11", (c, t) -> {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO " + t + " (id, name) VALUES (?, 'x')")) {
                    for (int id : new int[] {10, 2, 11}) {
                        p.setInt(1, id);
                        p.addBatch();
                    }
                    return batchOutcome(p::executeBatch);
                }
            }),
            new Use("in a transaction: Statement batch as above, then commit", (c, t) -> {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.addBatch("UPDATE " + t + " SET qty = 100 WHERE id = 1");
                    s.addBatch("INSERT INTO " + t + " (id, name) VALUES (2, 'duplicate')");
                    s.addBatch("UPDATE " + t + " SET qty = 300 WHERE id = 3");
                    String outcome = batchOutcome(s::executeBatch);
                    c.commit();
                    return outcome + ", commit";
                }
            }),
            new Use("in a transaction: prepared batch as above, then commit", (c, t) -> {
                c.setAutoCommit(false);
                try (PreparedStatement p = c.prepareStatement("INSERT INTO " + t + " (id, name) VALUES (?, 'x')")) {
                    for (int id : new int[] {10, 2, 11}) {
                        p.setInt(1, id);
                        p.addBatch();
                    }
                    String outcome = batchOutcome(p::executeBatch);
                    c.commit();
                    return outcome + ", commit";
                }
            }));

    /** An unmigrated table of the source's shape, for what the driver answers alone. */
    private static final String PLAIN = "mw_plain";

    private static void createPlain(Connection raw, MirrorFixture fixture) throws SQLException {
        try (Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + PLAIN);
            statement.execute("CREATE TABLE " + PLAIN + " (id INT PRIMARY KEY, name VARCHAR(40), qty INT, status INT,"
                    + " legacy_flag INT, touched " + fixture.timestampType() + ")");
        }
    }

    /** One use of the JDBC API on table {@code table}, answering what the application sees. */
    private record Use(String name, Call call) {
    }

    private interface Call {
        String on(Connection connection, String table) throws SQLException;
    }

    private static String answer(Use use, Connection connection, String table) {
        try {
            return use.call().on(connection, table);
        } catch (SQLException e) {
            return "error " + e.getSQLState() + " (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** A result set as text: column labels in lower case, then the rows. */
    private static String keys(ResultSet rows) throws SQLException {
        if (rows == null) {
            return "no result set";
        }
        try (rows) {
            StringBuilder text = new StringBuilder("[");
            for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                text.append(c == 1 ? "" : ",").append(rows.getMetaData().getColumnLabel(c).toLowerCase(Locale.ROOT));
            }
            text.append("]");
            while (rows.next()) {
                text.append(" (");
                for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                    text.append(c == 1 ? "" : ",").append(rows.getString(c));
                }
                text.append(")");
            }
            return text.toString();
        }
    }

    private static final List<Use> KEYS_AND_COUNTS = List.of(
            new Use("executeUpdate(insert, {\"id\"}), getGeneratedKeys()", (c, t) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("INSERT INTO " + t + " (id, name, qty) VALUES (10, 'k', 1), (11, 'k', 2)",
                        new String[] {"id"}) + " " + keys(s.getGeneratedKeys());
            }),
            new Use("executeUpdate(insert, RETURN_GENERATED_KEYS), getGeneratedKeys()", (c, t) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("INSERT INTO " + t + " (id, name, qty) VALUES (12, 'k', 1)",
                        Statement.RETURN_GENERATED_KEYS) + " " + keys(s.getGeneratedKeys());
            }),
            new Use("executeUpdate(insert), getGeneratedKeys() not asked for", (c, t) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("INSERT INTO " + t + " (id, name, qty) VALUES (13, 'k', 1)") + " "
                        + keys(s.getGeneratedKeys());
            }),
            new Use("executeUpdate(update, {\"id\"}), getGeneratedKeys()", (c, t) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("UPDATE " + t + " SET qty = 7 WHERE id >= 10", new String[] {"id"}) + " "
                        + keys(s.getGeneratedKeys());
            }),
            new Use("executeUpdate(update, RETURN_GENERATED_KEYS), getGeneratedKeys()", (c, t) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("UPDATE " + t + " SET qty = 8 WHERE id >= 10", Statement.RETURN_GENERATED_KEYS) + " "
                        + keys(s.getGeneratedKeys());
            }),
            new Use("executeUpdate(update, {1}), getGeneratedKeys()", (c, t) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("UPDATE " + t + " SET qty = 9 WHERE id >= 10", new int[] {1}) + " "
                        + keys(s.getGeneratedKeys());
            }),
            new Use("executeUpdate(delete, {\"id\"}), getGeneratedKeys()", (c, t) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("DELETE FROM " + t + " WHERE id = 13", new String[] {"id"}) + " "
                        + keys(s.getGeneratedKeys());
            }),
            new Use("execute(insert, RETURN_GENERATED_KEYS), getUpdateCount(), getGeneratedKeys()", (c, t) -> {
                Statement s = c.createStatement();
                return s.execute("INSERT INTO " + t + " (id, name) VALUES (14, 'e')", Statement.RETURN_GENERATED_KEYS) + " "
                        + s.getUpdateCount() + " " + keys(s.getGeneratedKeys());
            }),
            new Use("prepareStatement(insert, {\"id\"}).executeUpdate(), getGeneratedKeys()", (c, t) -> {
                PreparedStatement p = c.prepareStatement("INSERT INTO " + t + " (id, name) VALUES (?, ?)", new String[] {"id"});
                p.setInt(1, 15);
                p.setString(2, "p");
                return p.executeUpdate() + " " + keys(p.getGeneratedKeys());
            }),
            new Use("prepareStatement(insert, RETURN_GENERATED_KEYS).executeBatch(), getGeneratedKeys()", (c, t) -> {
                PreparedStatement p = c.prepareStatement("INSERT INTO " + t + " (id, name) VALUES (?, ?)",
                        Statement.RETURN_GENERATED_KEYS);
                for (int id = 20; id <= 21; id++) {
                    p.setInt(1, id);
                    p.setString(2, "p");
                    p.addBatch();
                }
                return Arrays.toString(p.executeBatch()) + " " + keys(p.getGeneratedKeys());
            }),
            new Use("prepareStatement(insert, {\"id\"}).executeBatch(), getGeneratedKeys()", (c, t) -> {
                PreparedStatement p = c.prepareStatement("INSERT INTO " + t + " (id, name) VALUES (?, ?)", new String[] {"id"});
                for (int id = 22; id <= 23; id++) {
                    p.setInt(1, id);
                    p.setString(2, "p");
                    p.addBatch();
                }
                return Arrays.toString(p.executeBatch()) + " " + keys(p.getGeneratedKeys());
            }),
            new Use("prepareStatement(update, {\"id\"}).executeBatch(), getGeneratedKeys()", (c, t) -> {
                PreparedStatement p = c.prepareStatement("UPDATE " + t + " SET qty = ? WHERE id = ?", new String[] {"id"});
                for (int id = 22; id <= 23; id++) {
                    p.setInt(1, id);
                    p.setInt(2, id);
                    p.addBatch();
                }
                return Arrays.toString(p.executeBatch()) + " " + keys(p.getGeneratedKeys());
            }),
            new Use("Statement.executeBatch(), getGeneratedKeys() not asked for", (c, t) -> {
                Statement s = c.createStatement();
                s.addBatch("INSERT INTO " + t + " (id, name) VALUES (30, 'b')");
                s.addBatch("UPDATE " + t + " SET qty = 3 WHERE id = 30");
                return Arrays.toString(s.executeBatch()) + " " + keys(s.getGeneratedKeys());
            }),
            new Use("executeLargeUpdate(update), getLargeUpdateCount()", (c, t) -> {
                Statement s = c.createStatement();
                return s.executeLargeUpdate("UPDATE " + t + " SET qty = 4 WHERE id >= 10") + " " + s.getLargeUpdateCount();
            }),
            new Use("execute(delete), getUpdateCount(), getResultSet(), getMoreResults(), getUpdateCount()", (c, t) -> {
                Statement s = c.createStatement();
                return s.execute("DELETE FROM " + t + " WHERE id = 30") + " " + s.getUpdateCount() + " " + s.getResultSet()
                        + " " + s.getMoreResults() + " " + s.getUpdateCount();
            }),
            new Use("prepared execute(update), getUpdateCount(), getMoreResults(), getUpdateCount()", (c, t) -> {
                PreparedStatement p = c.prepareStatement("UPDATE " + t + " SET qty = ? WHERE id >= ?");
                p.setInt(1, 6);
                p.setInt(2, 10);
                return p.execute() + " " + p.getUpdateCount() + " " + p.getMoreResults() + " " + p.getUpdateCount();
            }));

    // ------------------------------------------------------------------ the forms

    private static final int CORE = 1;
    private static final int BATCH = 2;
    private static final int QUERY = 4;
    private static final int TARGET = 8;
    private static final int FAILS = 16;
    private static final int STATEMENT_ONLY = 32;

    private static final Set<TestDatabase> ALL = EnumSet.allOf(TestDatabase.class);
    private static final Set<TestDatabase> PG = EnumSet.of(TestDatabase.POSTGRES);
    private static final Set<TestDatabase> MARIA = EnumSet.of(TestDatabase.MARIADB);
    private static final Set<TestDatabase> H2 = EnumSet.of(TestDatabase.H2);

    /** One form of write; core forms must never be refused. */
    private enum Form {
        INSERT_ROW("insert, column list, one row", CORE | BATCH, ALL),
        INSERT_ROWS("insert, column list, multi-row values", CORE | BATCH, ALL),
        INSERT_NO_COLUMN_LIST("insert without column list", BATCH, ALL),
        INSERT_SELECT("insert … select from the same table", BATCH, ALL),
        INSERT_DATABASE_VALUES("insert, random()/now() values", BATCH, ALL),
        INSERT_DUPLICATE("insert, duplicate key (fails)", FAILS, ALL),
        UPDATE_KEY("update by key", CORE | BATCH, ALL),
        UPDATE_RANGE("update by key range", CORE | BATCH, ALL),
        UPDATE_NON_KEY("update by non-key where", CORE | BATCH, ALL),
        UPDATE_IN_SUBQUERY("update, in (same-table subquery)", CORE | BATCH, ALL),
        UPDATE_EXISTS("update, exists (same-table subquery)", CORE | BATCH, ALL),
        UPDATE_DATABASE_VALUES("update, random()/now() values", BATCH, ALL),
        UPDATE_SOURCE_ONLY_COLUMN("update of a source-only column", BATCH, ALL),
        UPDATE_OF_THE_KEY("update of the key", BATCH, ALL),
        UPDATE_ORDER_LIMIT("update … order by id limit n", BATCH, MARIA),
        DELETE_KEY("delete by key", CORE | BATCH, ALL),
        DELETE_RANGE("delete by key range", CORE | BATCH, ALL),
        DELETE_NON_KEY("delete by non-key where", 0, ALL),
        DELETE_IN_SUBQUERY("delete, in (same-table subquery)", CORE, ALL),
        DELETE_EXISTS("delete, exists (same-table subquery)", CORE, ALL),
        DELETE_ORDER_LIMIT("delete … order by id limit n", 0, MARIA),
        UPDATE_FROM("update … from (select the ids, from either table, some twice)", CORE | BATCH, PG),
        DELETE_USING("delete … using (select the ids, from either table, some twice)", CORE, PG),
        MULTI_UPDATE_JOIN("update t join (select the ids, from either table, some twice) f … set", CORE | BATCH, MARIA),
        MULTI_UPDATE_COMMA("update (select the ids …) f, t set … where f.fid = t.id", CORE | BATCH, MARIA),
        MULTI_DELETE("delete t from t join (select the ids, from either table, some twice) f", CORE, MARIA),
        MULTI_DELETE_USING("delete from t using (select the ids …) f join t", CORE, MARIA),
        ON_CONFLICT_UPDATE("insert … on conflict (id) do update", CORE | BATCH, PG),
        ON_CONFLICT_NOTHING("insert … on conflict (id) do nothing", CORE | BATCH, PG),
        ON_DUPLICATE_KEY_UPDATE("insert … on duplicate key update", CORE | BATCH, MARIA),
        INSERT_IGNORE("insert ignore", CORE | BATCH, MARIA),
        REPLACE("replace into", CORE | BATCH, MARIA),
        MERGE_KEY("merge into … key (id) values", CORE | BATCH, H2),
        MERGE_USING("merge into … using … when matched", STATEMENT_ONLY, EnumSet.of(TestDatabase.H2, TestDatabase.POSTGRES)),
        INSERT_RETURNING("insert … returning id", QUERY, EnumSet.of(TestDatabase.POSTGRES, TestDatabase.MARIADB)),
        UPDATE_RETURNING("update … returning id", QUERY, PG),
        DELETE_RETURNING("delete … returning id", QUERY, EnumSet.of(TestDatabase.POSTGRES, TestDatabase.MARIADB)),
        WRITABLE_CTE("with d as (delete/update … returning id) select", QUERY, PG),
        DELTA_TABLE("select id from final/old table (insert/update/delete)", QUERY, H2),
        TARGET_INSERT("target: insert", CORE | BATCH | TARGET, ALL),
        TARGET_INSERT_NOTE("target: insert giving the target-only column", BATCH | TARGET, ALL),
        TARGET_INSERT_SELECT("target: insert … select from the target", BATCH | TARGET, ALL),
        TARGET_INSERT_DUPLICATE("target: insert, duplicate key (fails)", FAILS | TARGET, ALL),
        TARGET_UPDATE_KEY("target: update by key", CORE | BATCH | TARGET, ALL),
        TARGET_UPDATE_RANGE("target: update by key range", CORE | BATCH | TARGET, ALL),
        TARGET_UPDATE_NON_KEY("target: update by non-key where", CORE | BATCH | TARGET, ALL),
        TARGET_UPDATE_NOTE("target: update of the target-only column", BATCH | TARGET, ALL),
        TARGET_DELETE_KEY("target: delete by key", CORE | BATCH | TARGET, ALL),
        TARGET_DELETE_RANGE("target: delete by key range", CORE | BATCH | TARGET, ALL),
        TARGET_DELETE_NON_KEY("target: delete by non-key where", CORE | TARGET, ALL),
        TARGET_UPSERT("target: upsert (on conflict / merge key / insert ignore)", BATCH | TARGET, ALL),
        TABLE_SPELLINGS("table named otherwise (schema, quotes, case, alias, --)", BATCH, ALL),
        TARGET_TABLE_SPELLINGS("target: table named otherwise", BATCH | TARGET, ALL),
        MORE_THAN_ONE_CHUNK("insert/update/delete of 499-1001 rows at once", 0, ALL),
        MIRROR_FAILS("write whose mirror fails (a check on the target)", FAILS, ALL),
        TARGET_MIRROR_FAILS("target: write whose mirror fails (check on source)", FAILS | TARGET, ALL);

        final String label;
        final int flags;
        final Set<TestDatabase> on;

        Form(String label, int flags, Set<TestDatabase> on) {
            this.label = label;
            this.flags = flags;
            this.on = on;
        }

        boolean is(int flag) {
            return (flags & flag) != 0;
        }
    }

    /** How a statement reaches the driver. */
    private enum Mode {
        STATEMENT("Statement"), PREPARED("PreparedStatement"), PREPARED_BATCH("prepared batch"),
        STATEMENT_BATCH("Statement batch");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private enum On { SOURCE, TARGET }

    private enum Outcome { ACCEPTED, REFUSED, FAILED }

    // ------------------------------------------------------------------ SQL with its values apart

    /** A value to write: literal in a Statement, bound with its type in a PreparedStatement. */
    private record Value(Object value, int type) {
    }

    /** SQL text with its values kept apart, so it can be written with literals or with {@code ?}. */
    private static final class Sql {
        private final List<Object> parts = new ArrayList<>();

        Sql s(String text) {
            parts.add(text);
            return this;
        }

        Sql v(Object value, int type) {
            parts.add(new Value(value, type));
            return this;
        }

        Sql v(int value) {
            return v(value, Types.INTEGER);
        }

        Sql add(Sql other) {
            parts.addAll(other.parts);
            return this;
        }

        String text(boolean placeholders) {
            StringBuilder text = new StringBuilder();
            for (Object part : parts) {
                text.append(part instanceof Value value ? placeholders ? "?" : literal(value.value()) : part);
            }
            return text.toString();
        }

        List<Value> values() {
            List<Value> values = new ArrayList<>();
            for (Object part : parts) {
                if (part instanceof Value value) {
                    values.add(value);
                }
            }
            return values;
        }

        private static String literal(Object value) {
            if (value == null) {
                return "NULL";
            }
            if (value instanceof String text) {
                return "'" + text.replace("'", "''") + "'";
            }
            if (value instanceof LocalDateTime time) {
                return "TIMESTAMP '" + MICROS.format(time) + "'";
            }
            return value.toString();
        }
    }

    /** A WHERE condition over one table's columns, and the ids it matches when they follow from the ids alone. */
    private record Condition(Sql sql, Set<Integer> ids) {
    }

    /** One generated statement and what the database alone would answer to it. */
    private static final class Op {
        final Form form;
        final On side;
        final Sql sql = new Sql();
        /** Update count expected, inclusive bounds; unknown when min is -1. */
        int min = -1;
        int max = -1;
        /** Whether the statement must fail (duplicate key, or a check its mirror breaks) and change nothing. */
        boolean fails;
        /** Ids a query form must answer, sorted; null when unknown. */
        List<Integer> returned;
        /** Ids the statement adds and removes, for the next statements of a batch. */
        final Set<Integer> added = new LinkedHashSet<>();
        final Set<Integer> removed = new LinkedHashSet<>();

        Op(Form form) {
            this.form = form;
            this.side = form.is(TARGET) ? On.TARGET : On.SOURCE;
        }

        void count(int exactly) {
            min = exactly;
            max = exactly;
        }

        void count(Set<Integer> matched) {
            if (matched != null) {
                count(matched.size());
            }
        }

        String expected() {
            return returned != null ? "ids " + returned : min < 0 ? "?" : min == max ? String.valueOf(min)
                    : min + ".." + max;
        }
    }

    /** Both tables as the connection sees them (inside its transaction), or their ids as a batch leaves them. */
    private static final class View {
        final TreeSet<Integer> source = new TreeSet<>();
        final TreeSet<Integer> target = new TreeSet<>();
        List<List<String>> sourceRows = List.of();
        List<List<String>> targetRows = List.of();

        TreeSet<Integer> ids(On side) {
            return side == On.SOURCE ? source : target;
        }

        View copy() {
            View copy = new View();
            copy.source.addAll(source);
            copy.target.addAll(target);
            copy.sourceRows = sourceRows;
            copy.targetRows = targetRows;
            return copy;
        }

        void apply(Op op, boolean mirrors) {
            for (On side : On.values()) {
                if (mirrors || side == op.side) {
                    ids(side).removeAll(op.removed);
                    ids(side).addAll(op.added);
                }
            }
        }

        /** The rows of {@code side} whose id is {@code id}, as read, or null. */
        List<String> row(On side, int id) {
            for (List<String> row : side == On.SOURCE ? sourceRows : targetRows) {
                if (Integer.parseInt(row.get(0)) == id) {
                    return row;
                }
            }
            return null;
        }
    }

    // ------------------------------------------------------------------ one run

    /** One database's run: the generator, the executor and the checks, with the log of every statement. */
    private static final class Run implements AutoCloseable {
        private final MirrorFixture fixture;
        private final TestDatabase db;
        private final long seed;
        private final Random rnd;
        private final boolean mirrors;
        private final Connection raw;
        private final Connection tandem;
        private final Map<String, PreparedStatement> prepared = new HashMap<>();
        private final Map<String, int[]> tally = new TreeMap<>();
        private final List<String> unitLog = new ArrayList<>();
        private final StringBuilder log = new StringBuilder();
        private final Path logFile;
        private final List<Form> forms = new ArrayList<>();
        /** The schema (MariaDB: database) the tables are in, as a statement would name it. */
        private final String schema;
        int statements;
        private int units;
        private boolean inTransaction;

        Run(MirrorFixture fixture, long seed) throws SQLException {
            this.fixture = fixture;
            this.db = fixture.db;
            this.seed = seed;
            this.rnd = new Random(seed);
            this.mirrors = fixture.mirrors();
            this.raw = fixture.raw();
            this.tandem = fixture.tandem();
            this.schema = db == TestDatabase.MARIADB ? raw.getCatalog() : raw.getSchema();
            this.logFile = Path.of("target", "mirror-logs", "differential-" + db.name().toLowerCase() + "-" + seed + ".log");
            for (Form form : Form.values()) {
                if (form.on.contains(db)) {
                    forms.add(form);
                }
            }
        }

        String seedNote() {
            return "seed " + seed + " (replay with -Dtandem.seed=" + seed + ")";
        }

        // -------------------------------------------------------------- units

        /** ~50 rows through Tandem, so that both tables have them. */
        void seedRows(int rows) throws Exception {
            tandem.setAutoCommit(true);
            Op op = new Op(Form.INSERT_ROWS);
            op.sql.s("INSERT INTO " + fixture.source + " (id, name, qty, status, legacy_flag, touched) VALUES ");
            List<Integer> ids = new ArrayList<>();
            for (int id = 1; id <= IDS; id++) {
                ids.add(id);
            }
            Collections.shuffle(ids, rnd);
            for (int r = 0; r < rows; r++) {
                op.sql.s(r == 0 ? "(" : ", (").v(ids.get(r)).s(", ").add(values(On.SOURCE,
                        List.of("name", "qty", "status", "legacy_flag", "touched"))).s(")");
            }
            log("-- seed rows");
            log(op.sql.text(false));
            try (Statement statement = tandem.createStatement()) {
                int count = statement.executeUpdate(op.sql.text(false));
                if (count != rows) {
                    throw failure("the seed insert answered " + count + ", expected " + rows, null);
                }
            }
            fixture.assertApplied();
            checkDrift("after the seed rows");
        }

        /**
         * One autocommit statement, or one transaction of 1-5 statements ending in commit or rollback,
         * opened and ended through JDBC or in SQL ({@code BEGIN} … {@code COMMIT} under autocommit).
         */
        void unit() throws Exception {
            units++;
            unitLog.clear();
            boolean transaction = rnd.nextInt(100) < 45;
            boolean inSql = transaction && rnd.nextInt(100) < 30;
            tandem.setAutoCommit(!transaction || inSql);
            if (!transaction) {
                log("-- unit " + units + ": autocommit");
                step();
                checkDrift("after an autocommit statement");
                return;
            }
            String before = fixture.contents(raw);
            if (inSql) {
                String begin = db == TestDatabase.H2 || rnd.nextBoolean() ? "BEGIN" : "START TRANSACTION";
                log("-- unit " + units + ": transaction opened in SQL");
                sql(begin);
            } else {
                log("-- unit " + units + ": transaction");
            }
            inTransaction = true;
            try {
                int length = 1 + rnd.nextInt(5);
                for (int i = 0; i < length; i++) {
                    if (step() == Outcome.FAILED && db == TestDatabase.POSTGRES) {
                        end(inSql, false, "the rollback of a transaction the database aborted");
                        checkUnchanged(before, "after the rollback of a transaction the database aborted");
                        return;
                    }
                }
                boolean commit = rnd.nextInt(100) < 65;
                end(inSql, commit, commit ? "commit" : "rollback");
                if (!commit) {
                    checkUnchanged(before, "after rollback");
                }
            } finally {
                inTransaction = false;
            }
        }

        /** Ends the transaction through JDBC or in SQL, then checks for drift. */
        private void end(boolean inSql, boolean commit, String what) throws SQLException {
            if (inSql) {
                sql(commit ? db == TestDatabase.POSTGRES && rnd.nextBoolean() ? "END" : "COMMIT" : "ROLLBACK");
            } else if (commit) {
                tandem.commit();
                log("COMMIT");
            } else {
                tandem.rollback();
                log("ROLLBACK");
            }
            checkDrift("after " + what);
        }

        private void sql(String control) throws SQLException {
            log(control + "   -- in SQL");
            try (Statement statement = tandem.createStatement()) {
                statement.execute(control);
            }
        }

        /** One statement or batch: generated, run, and its answer compared with the database's own. */
        private Outcome step() throws Exception {
            View before = view();
            if (mirrors) {
                String drift = MirrorFixture.firstDifference(mapped(before.sourceRows), shape(before.targetRows));
                if (drift != null) {
                    throw failure("the tables differ inside the transaction (uncommitted, read through Tandem with"
                            + " route hints), after the statements above: " + drift, null);
                }
            }
            Mode mode = switch (rnd.nextInt(20)) {
                case 0, 1, 2, 3, 4, 5, 6, 7 -> Mode.STATEMENT;
                case 8, 9, 10, 11, 12, 13 -> Mode.PREPARED;
                case 14, 15, 16 -> Mode.PREPARED_BATCH;
                default -> Mode.STATEMENT_BATCH;
            };
            List<Op> ops = generate(mode, before);
            statements += ops.size();
            for (Op op : ops) {
                log("[" + mode.label + (mode == Mode.PREPARED || mode == Mode.PREPARED_BATCH ? ", values inlined" : "")
                        + "] " + op.sql.text(false) + "   -- " + op.form.label + "; expect " + (op.fails
                                ? "an integrity error, nothing changed" : op.expected()));
            }
            Object answer;
            try {
                answer = execute(mode, ops);
            } catch (SQLException e) {
                if (refused(e)) {
                    count(mode, ops, Outcome.REFUSED);
                    log("  -> refused: " + e.getMessage());
                    View after = view();
                    if (!after.sourceRows.equals(before.sourceRows) || !after.targetRows.equals(before.targetRows)) {
                        throw failure("a refused statement changed the tables: before " + before.sourceRows + " / "
                                + before.targetRows + ", after " + after.sourceRows + " / " + after.targetRows, e);
                    }
                    return Outcome.REFUSED;
                }
                if (ops.size() == 1 && ops.get(0).fails && e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    count(mode, ops, Outcome.FAILED);
                    log("  -> failed in the database, as expected: " + e.getSQLState() + " " + e.getMessage());
                    if (!(db == TestDatabase.POSTGRES && inTransaction)) {
                        // (PostgreSQL aborts the transaction: the caller rolls it back and compares then)
                        View after = view();
                        if (!after.sourceRows.equals(before.sourceRows) || !after.targetRows.equals(before.targetRows)) {
                            throw failure("a statement that failed changed the tables: before " + before.sourceRows + " / "
                                    + before.targetRows + ", after " + after.sourceRows + " / " + after.targetRows, e);
                        }
                    }
                    return Outcome.FAILED;
                }
                throw failure("an error the database alone would not give: " + e, e);
            }
            count(mode, ops, Outcome.ACCEPTED);
            compare(mode, ops, answer);
            return Outcome.ACCEPTED;
        }

        private static boolean refused(SQLException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("refused, nothing was run")) {
                    return true;
                }
            }
            return e.getNextException() != null && refused(e.getNextException());
        }

        private void count(Mode mode, List<Op> ops, Outcome outcome) {
            Set<Form> seen = new LinkedHashSet<>();
            for (Op op : ops) {
                if (seen.add(op.form)) {
                    tally.computeIfAbsent(op.form.name() + "\t" + mode.name(), k -> new int[3])[outcome.ordinal()]++;
                }
            }
        }

        private void compare(Mode mode, List<Op> ops, Object answer) {
            if (answer instanceof List<?> ids) {
                log("  -> ids " + ids);
                Op op = ops.get(0);
                if (op.fails) {
                    throw failure("a statement that must fail was accepted", null);
                }
                if (op.returned != null && !op.returned.equals(ids)) {
                    throw failure("the statement answered ids " + ids + ", the database alone answers " + op.returned, null);
                }
                return;
            }
            int[] counts = (int[]) answer;
            log("  -> " + (counts.length == 1 ? String.valueOf(counts[0]) : Arrays.toString(counts)));
            if (counts.length != ops.size()) {
                throw failure("a batch of " + ops.size() + " answered " + counts.length + " update counts", null);
            }
            if (mode == Mode.PREPARED_BATCH && db == TestDatabase.MARIADB) {
                // MariaDB's bulk protocol knows only the batch's total: it answers the average for every
                // element, or SUCCESS_NO_INFO when the total does not divide; so only the total compares
                int total = 0;
                int min = 0;
                int max = 0;
                for (int i = 0; i < counts.length; i++) {
                    total += counts[i];
                    min = min < 0 || ops.get(i).min < 0 ? -1 : min + ops.get(i).min;
                    max += ops.get(i).max;
                }
                if (Arrays.stream(counts).noneMatch(c -> c == Statement.SUCCESS_NO_INFO) && min >= 0
                        && (total < min || total > max)) {
                    throw failure(mode.label + ": update counts " + Arrays.toString(counts) + ", the database alone answers"
                            + " a total of " + (min == max ? min : min + ".." + max), null);
                }
                return;
            }
            for (int i = 0; i < counts.length; i++) {
                Op op = ops.get(i);
                if (op.fails) {
                    throw failure("a statement that must fail was accepted", null);
                }
                if (op.min >= 0 && (counts[i] < op.min || counts[i] > op.max)) {
                    throw failure((ops.size() > 1 ? mode.label + " element " + (i + 1) + ": " : "") + "update count "
                            + counts[i] + ", the database alone answers " + op.expected(), null);
                }
            }
        }

        // -------------------------------------------------------------- running

        /** Runs {@code ops} through Tandem; answers update counts, or the ids a query form returned. */
        private Object execute(Mode mode, List<Op> ops) throws SQLException {
            Op first = ops.get(0);
            switch (mode) {
                case STATEMENT -> {
                    String sql = first.sql.text(false);
                    try (Statement statement = tandem.createStatement()) {
                        if (first.form.is(QUERY)) {
                            return ids(statement.executeQuery(sql));
                        }
                        if (rnd.nextBoolean()) {
                            return new int[] {statement.executeUpdate(sql)};
                        }
                        if (statement.execute(sql)) {
                            throw failure("execute() of a write answered a result set", null);
                        }
                        return new int[] {statement.getUpdateCount()};
                    }
                }
                case PREPARED -> {
                    PreparedStatement statement = prepare(first.sql.text(true));
                    bind(statement, first.sql.values());
                    if (first.form.is(QUERY)) {
                        return ids(statement.executeQuery());
                    }
                    if (rnd.nextBoolean()) {
                        return new int[] {statement.executeUpdate()};
                    }
                    if (statement.execute()) {
                        throw failure("execute() of a write answered a result set", null);
                    }
                    return new int[] {statement.getUpdateCount()};
                }
                case PREPARED_BATCH -> {
                    PreparedStatement statement = prepare(first.sql.text(true));
                    try {
                        for (Op op : ops) {
                            bind(statement, op.sql.values());
                            statement.addBatch();
                        }
                        return statement.executeBatch();
                    } finally {
                        statement.clearBatch();
                    }
                }
                default -> {
                    try (Statement statement = tandem.createStatement()) {
                        for (Op op : ops) {
                            statement.addBatch(op.sql.text(false));
                        }
                        return statement.executeBatch();
                    }
                }
            }
        }

        private PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement statement = prepared.get(sql);
            if (statement == null) {
                statement = tandem.prepareStatement(sql);
                prepared.put(sql, statement);
            }
            return statement;
        }

        private static void bind(PreparedStatement statement, List<Value> values) throws SQLException {
            statement.clearParameters();
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i).value();
                if (value == null) {
                    statement.setNull(i + 1, values.get(i).type());
                } else if (value instanceof Integer number) {
                    statement.setInt(i + 1, number);
                } else if (value instanceof String text) {
                    statement.setString(i + 1, text);
                } else {
                    statement.setTimestamp(i + 1, Timestamp.valueOf((LocalDateTime) value));
                }
            }
        }

        private static List<Integer> ids(ResultSet rows) throws SQLException {
            List<Integer> ids = new ArrayList<>();
            try (rows) {
                while (rows.next()) {
                    ids.add(rows.getInt(1));
                }
            }
            Collections.sort(ids);
            return ids;
        }

        // -------------------------------------------------------------- reading and checking

        /** Both tables through Tandem, inside the connection's transaction, each from its own table (route hints). */
        private View view() throws SQLException {
            View view = new View();
            view.sourceRows = MirrorFixture.rows(tandem, "/* tandem:route=source */ SELECT id, name, qty, status,"
                    + " legacy_flag, touched FROM " + fixture.source + " ORDER BY id");
            view.targetRows = MirrorFixture.rows(tandem, "/* tandem:route=target */ SELECT id, title, qty, status_code,"
                    + " touched, note FROM " + fixture.target + " ORDER BY id");
            view.sourceRows.forEach(row -> view.source.add(Integer.parseInt(row.get(0))));
            view.targetRows.forEach(row -> view.target.add(Integer.parseInt(row.get(0))));
            return view;
        }

        /** Source rows in the drift check's shape: id, name, qty, status, touched. */
        private static List<List<String>> mapped(List<List<String>> rows) {
            return rows.stream().map(r -> Arrays.asList(r.get(0), r.get(1), r.get(2), r.get(3), r.get(5))).toList();
        }

        /** Target rows in the drift check's shape: id, title, qty, status_code, touched. */
        private static List<List<String>> shape(List<List<String>> rows) {
            return rows.stream().map(r -> Arrays.asList(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4))).toList();
        }

        private Set<Integer> readIds(On side, Condition condition) throws SQLException {
            Set<Integer> ids = new TreeSet<>();
            try (Statement statement = tandem.createStatement(); ResultSet rows = statement.executeQuery("/* tandem:route="
                    + (side == On.SOURCE ? "source" : "target") + " */ SELECT id FROM " + table(side) + " WHERE "
                    + condition.sql().text(false))) {
                while (rows.next()) {
                    ids.add(rows.getInt(1));
                }
            }
            return ids;
        }

        private void checkDrift(String when) throws SQLException {
            if (!mirrors) {
                return; // phase off: both tables are written as named, so they drift by design
            }
            String drift = fixture.drift(raw);
            if (drift != null) {
                throw failure("drift " + when + ": " + drift, null);
            }
        }

        private void checkUnchanged(String before, String when) throws SQLException {
            String after = fixture.contents(raw);
            if (!after.equals(before)) {
                throw failure("the tables changed " + when + ":\nbefore " + before + "\nafter  " + after, null);
            }
        }

        AssertionError failure(String what, Throwable cause) {
            writeLog();
            return new AssertionError(db + ", " + seedNote() + ": " + what + "\nstatements since the tables were last in"
                    + " step:\n  " + String.join("\n  ", unitLog) + "\nevery statement of the run: " + logFile.toAbsolutePath(),
                    cause);
        }

        private void log(String line) {
            unitLog.add(line);
            log.append(line).append('\n');
        }

        void writeLog() {
            try {
                Files.createDirectories(logFile.getParent());
                Files.writeString(logFile, log);
            } catch (IOException e) {
                System.out.println("could not write " + logFile + ": " + e);
            }
        }

        // -------------------------------------------------------------- the report

        String table(long nanos) {
            StringBuilder text = new StringBuilder(String.format("%s: %d statements in %d units, %.1f s, %s%n", db,
                    statements, units, nanos / 1e9, seedNote()));
            text.append(String.format("%-58s %-18s %8s %8s %8s%n", "form", "mode", "accepted", "refused", "db error"));
            for (Form form : forms) {
                for (Mode mode : Mode.values()) {
                    int[] counts = tally.get(form.name() + "\t" + mode.name());
                    if (counts != null) {
                        text.append(String.format("%-58s %-18s %8d %8d %8d%n", (form.is(CORE) ? "* " : "  ") + form.label,
                                mode.label, counts[0], counts[1], counts[2]));
                    }
                }
            }
            return text.append("(* core: must be accepted and never refused)").toString();
        }

        void assertCoreFormsAcceptedAndNeverRefused() {
            List<String> problems = new ArrayList<>();
            for (Form form : forms) {
                int accepted = 0;
                for (Mode mode : Mode.values()) {
                    int[] counts = tally.getOrDefault(form.name() + "\t" + mode.name(), new int[3]);
                    accepted += counts[0];
                    if (form.is(CORE) && counts[1] > 0) {
                        problems.add(form.label + " [" + mode.label + "] refused " + counts[1] + " times");
                    }
                }
                if (form.is(CORE) && accepted == 0) {
                    problems.add(form.label + " never accepted");
                }
            }
            if (!problems.isEmpty()) {
                throw new AssertionError(db + ", " + seedNote() + ": core forms refused or never run: " + problems
                        + "\nthe refusals are in " + logFile.toAbsolutePath());
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : prepared.values()) {
                statement.close();
            }
            tandem.close();
            raw.close();
        }

        // -------------------------------------------------------------- generating

        /** The statements of one step: one, or a batch of 2-4 whose expectations follow the batch's own effects. */
        private List<Op> generate(Mode mode, View view) throws SQLException {
            while (true) {
                Form form = forms.get(rnd.nextInt(forms.size()));
                switch (mode) {
                    case STATEMENT, PREPARED -> {
                        if (mode == Mode.PREPARED && form.is(STATEMENT_ONLY)) {
                            continue;
                        }
                        Op op = make(form, view, rnd, false);
                        if (op != null) {
                            return List.of(op);
                        }
                    }
                    case PREPARED_BATCH -> {
                        if (!form.is(BATCH) || db == TestDatabase.MARIADB
                                && (form == Form.INSERT_SELECT || form == Form.TARGET_INSERT_SELECT)) {
                            // MariaDB: "This command is not supported in the prepared statement protocol yet"
                            continue;
                        }
                        long shape = rnd.nextLong();
                        View simulated = view.copy();
                        List<Op> ops = new ArrayList<>();
                        for (int n = 2 + rnd.nextInt(3); ops.size() < n; ) {
                            Op op = make(form, simulated, new Random(shape), true);
                            simulated.apply(op, mirrors);
                            ops.add(op);
                            if (!op.sql.text(true).equals(ops.get(0).sql.text(true))) {
                                throw new IllegalStateException("a prepared batch needs one shape: " + op.sql.text(true)
                                        + " / " + ops.get(0).sql.text(true));
                            }
                        }
                        return ops;
                    }
                    default -> {
                        View simulated = view.copy();
                        List<Op> ops = new ArrayList<>();
                        for (int n = 2 + rnd.nextInt(3); ops.size() < n; ) {
                            Form element = forms.get(rnd.nextInt(forms.size()));
                            if (element.is(CORE) && element.is(BATCH)) {
                                Op op = make(element, simulated, rnd, true);
                                simulated.apply(op, mirrors);
                                ops.add(op);
                            }
                        }
                        return ops;
                    }
                }
            }
        }

        /**
         * One statement of {@code form} over the ids {@code view} holds. Choices of shape come from
         * {@code shape}, values from {@code rnd}, so a prepared batch's statements share one text. In a
         * batch nothing is read: counts that need a read stay unknown. Null when the form cannot be made now.
         */
        private Op make(Form form, View view, Random shape, boolean batch) throws SQLException {
            Op op = new Op(form);
            On side = op.side;
            String table = table(side);
            Sql sql = op.sql;
            switch (form) {
                case INSERT_ROW, TARGET_INSERT -> insert(op, view, shape, 1, false);
                case INSERT_ROWS -> insert(op, view, shape, 2 + shape.nextInt(3), false);
                case TARGET_INSERT_NOTE -> insert(op, view, shape, 1 + shape.nextInt(2), true);
                case INSERT_NO_COLUMN_LIST -> {
                    sql.s("INSERT INTO " + table + " VALUES ");
                    int rows = 1 + shape.nextInt(2);
                    for (int r = 0; r < rows; r++) {
                        int id = fresh(view, side, op.added);
                        op.added.add(id);
                        sql.s(r == 0 ? "(" : ", (").v(id).s(", ")
                                .add(values(side, List.of("name", "qty", "status", "legacy_flag", "touched"))).s(")");
                    }
                    op.count(rows);
                }
                case INSERT_SELECT, TARGET_INSERT_SELECT -> {
                    int width = rnd.nextInt(10);
                    int from = 1 + rnd.nextInt(IDS);
                    int shift = width + 1 + rnd.nextInt(40);
                    String columns = side == On.SOURCE ? "name, qty, status, legacy_flag, touched" : "title, qty, status_code, touched";
                    sql.s("INSERT INTO " + table + " (id, " + columns + ") SELECT id + ").v(shift).s(", " + columns + " FROM "
                            + table + " WHERE id BETWEEN ").v(from).s(" AND ").v(from + width).s(" AND NOT EXISTS (SELECT 1 FROM "
                            + table + " x WHERE x.id = " + table + ".id + ").v(shift).s(")");
                    for (int id : view.ids(side).subSet(from, true, from + width, true)) {
                        if (!view.ids(side).contains(id + shift)) {
                            op.added.add(id + shift);
                        }
                    }
                    op.count(op.added.size());
                }
                case INSERT_DATABASE_VALUES -> {
                    int rows = 1 + shape.nextInt(3);
                    String qty = fixture.randomQty();
                    String touched = shape.nextBoolean() ? "CURRENT_TIMESTAMP" : fixture.clock();
                    sql.s("INSERT INTO " + table + " (id, name, qty, touched) VALUES ");
                    for (int r = 0; r < rows; r++) {
                        int id = fresh(view, side, op.added);
                        op.added.add(id);
                        sql.s(r == 0 ? "(" : ", (").v(id).s(", ").v(name(), Types.VARCHAR).s(", " + qty + ", " + touched + ")");
                    }
                    op.count(rows);
                }
                case INSERT_DUPLICATE, TARGET_INSERT_DUPLICATE -> {
                    if (view.ids(side).isEmpty()) {
                        return null;
                    }
                    sql.s("INSERT INTO " + table + " (id, " + (side == On.SOURCE ? "name" : "title") + ", qty) VALUES ");
                    int rows = 1 + shape.nextInt(2);
                    int duplicateAt = shape.nextInt(rows);
                    for (int r = 0; r < rows; r++) {
                        int id = r == duplicateAt ? existing(view, side) : fresh(view, side, op.added);
                        op.added.add(id);
                        sql.s(r == 0 ? "(" : ", (").v(id).s(", ").v(name(), Types.VARCHAR).s(", ").v(qty()).s(")");
                    }
                    op.added.clear(); // it fails: nothing is added
                    op.fails = true;
                }
                case TABLE_SPELLINGS, TARGET_TABLE_SPELLINGS -> {
                    int kind = shape.nextInt(3);
                    switch (kind) {
                        case 0 -> update(op, assignments(side, shape, false), key(view, side, shape, shape.nextInt(3)), batch);
                        case 1 -> delete(op, key(view, side, shape, 1));
                        default -> insert(op, view, shape, 1 + shape.nextInt(2), false);
                    }
                    String first = (String) sql.parts.get(0);
                    String spelled = switch (shape.nextInt(kind == 0 ? 6 : 5)) {
                        case 0 -> schema + "." + table;
                        case 1 -> db == TestDatabase.MARIADB ? "`" + table + "`"
                                : db == TestDatabase.H2 ? "\"" + table.toUpperCase() + "\"" : "\"" + table + "\"";
                        case 2 -> db == TestDatabase.MARIADB ? "`" + table + "`" : table.toUpperCase();
                        case 3 -> table;
                        case 4 -> table;
                        default -> table + " z";
                    };
                    sql.parts.set(0, first.replaceFirst(" " + table + " ", " " + spelled + " "));
                    if (spelled.equals(table)) {
                        sql.parts.add(0, shape.nextBoolean() ? "/* app: a comment */ " : "-- app: a comment\n");
                    }
                }
                case MORE_THAN_ONE_CHUNK -> {
                    NavigableSet<Integer> band = view.ids(side).tailSet(BAND, true);
                    if (band.isEmpty()) {
                        int rows = List.of(499, 500, 501, 1001).get(rnd.nextInt(4));
                        sql.s("INSERT INTO " + table + " (id, name, qty) VALUES ");
                        for (int r = 0; r < rows; r++) {
                            sql.s(r == 0 ? "(" : ", (").v(BAND + r).s(", 'bulk', ").v(qty()).s(")");
                            op.added.add(BAND + r);
                        }
                        op.count(rows);
                    } else if (rnd.nextBoolean()) {
                        sql.s("UPDATE " + table + " SET qty = COALESCE(qty, 0) + 1, status = ").v(status(), Types.INTEGER)
                                .s(" WHERE id >= ").v(BAND);
                        op.count(band.size());
                    } else {
                        sql.s("DELETE FROM " + table + " WHERE id >= ").v(BAND);
                        op.removed.addAll(band);
                        op.count(band.size());
                    }
                }
                case MIRROR_FAILS, TARGET_MIRROR_FAILS -> {
                    String refused = side == On.SOURCE ? NOT_IN_TARGET : NOT_IN_SOURCE;
                    String name = side == On.SOURCE ? "name" : "title";
                    if (shape.nextBoolean() || view.ids(side).isEmpty()) {
                        int rows = 1 + shape.nextInt(3);
                        int at = shape.nextInt(rows);
                        sql.s("INSERT INTO " + table + " (id, " + name + ", qty) VALUES ");
                        for (int r = 0; r < rows; r++) {
                            int id = fresh(view, side, op.added);
                            op.added.add(id);
                            sql.s(r == 0 ? "(" : ", (").v(id).s(", ").v(r == at ? refused : name(), Types.VARCHAR).s(", ")
                                    .v(qty()).s(")");
                        }
                        op.added.clear();
                        op.fails = true;
                    } else {
                        Condition where = key(view, side, shape, 1 + shape.nextInt(2));
                        sql.s("UPDATE " + table + " SET qty = COALESCE(qty, 0) + 1, " + name + " = ").v(refused, Types.VARCHAR)
                                .s(" WHERE ").add(where.sql());
                        op.fails = !where.ids().isEmpty();
                        op.count(0);
                    }
                }
                case UPDATE_KEY, TARGET_UPDATE_KEY -> update(op, assignments(side, shape, false), key(view, side, shape, 0), batch);
                case UPDATE_RANGE, TARGET_UPDATE_RANGE ->
                        update(op, assignments(side, shape, false), key(view, side, shape, 1 + shape.nextInt(2)), batch);
                case UPDATE_NON_KEY, TARGET_UPDATE_NON_KEY ->
                        update(op, assignments(side, shape, false), nonKey(view, side, shape, false), batch);
                case UPDATE_IN_SUBQUERY -> update(op, assignments(side, shape, false), inSubquery(side, shape, false), batch);
                case UPDATE_FROM -> {
                    Condition where = shape.nextBoolean() ? key(view, side, shape, shape.nextInt(3))
                            : nonKey(view, side, shape, false);
                    String alias = shape.nextBoolean() ? "u" : null;
                    sql.s("UPDATE " + table + (alias == null ? "" : " AS " + alias) + " SET ")
                            .add(assignments(side, shape, false)).s(" FROM ").add(ids(side, shape, where))
                            .s(" WHERE f.fid = " + (alias == null ? table : alias) + ".id");
                    op.count(matched(side, where, batch));
                }
                case DELETE_USING -> {
                    Condition where = shape.nextBoolean() ? key(view, side, shape, shape.nextInt(3))
                            : nonKey(view, side, shape, true);
                    String alias = shape.nextBoolean() ? "u" : null;
                    sql.s("DELETE FROM " + table + (alias == null ? "" : " " + alias) + " USING ").add(ids(side, shape, where))
                            .s(" WHERE " + (alias == null ? table : alias) + ".id = f.fid");
                    Set<Integer> matched = matched(side, where, false);
                    op.removed.addAll(matched);
                    op.count(matched);
                }
                case MULTI_UPDATE_JOIN, MULTI_UPDATE_COMMA -> {
                    // the join's parameters come before those of SET, and the capture binds only the join's
                    Condition where = shape.nextBoolean() ? key(view, side, shape, shape.nextInt(3))
                            : nonKey(view, side, shape, false);
                    String alias = shape.nextBoolean() ? "u" : null;
                    String written = table + (alias == null ? "" : " " + alias);
                    String qualifier = alias == null ? table : alias;
                    if (form == Form.MULTI_UPDATE_JOIN) {
                        sql.s("UPDATE " + written + " JOIN ").add(ids(side, shape, where)).s(" ON f.fid = " + qualifier
                                + ".id SET ").add(assignments(side, shape, false));
                    } else {
                        sql.s("UPDATE ").add(ids(side, shape, where)).s(", " + written + " SET ")
                                .add(assignments(side, shape, false)).s(" WHERE f.fid = " + qualifier + ".id");
                    }
                    op.count(matched(side, where, batch));
                }
                case MULTI_DELETE, MULTI_DELETE_USING -> {
                    Condition where = shape.nextBoolean() ? key(view, side, shape, shape.nextInt(3))
                            : nonKey(view, side, shape, true);
                    String alias = shape.nextBoolean() ? "u" : null;
                    String written = table + (alias == null ? "" : " " + alias);
                    String qualifier = alias == null ? table : alias;
                    if (form == Form.MULTI_DELETE) {
                        sql.s("DELETE " + qualifier + " FROM " + written + " JOIN ").add(ids(side, shape, where))
                                .s(" ON " + qualifier + ".id = f.fid");
                    } else {
                        sql.s("DELETE FROM " + qualifier + " USING ").add(ids(side, shape, where)).s(" JOIN " + written
                                + " ON " + qualifier + ".id = f.fid");
                    }
                    Set<Integer> matched = matched(side, where, false);
                    op.removed.addAll(matched);
                    op.count(matched);
                }
                case UPDATE_EXISTS -> update(op, assignments(side, shape, false), exists(side, shape, false), batch);
                case UPDATE_DATABASE_VALUES ->
                        update(op, assignments(side, shape, true), key(view, side, shape, shape.nextInt(3)), batch);
                case UPDATE_SOURCE_ONLY_COLUMN -> update(op, new Sql().s("legacy_flag = ").v(legacy(), Types.INTEGER),
                        key(view, side, shape, shape.nextInt(3)), batch);
                case TARGET_UPDATE_NOTE -> {
                    Sql set = new Sql().s("note = ").v("note" + rnd.nextInt(10), Types.VARCHAR);
                    if (shape.nextBoolean()) {
                        set.s(", title = ").v(name(), Types.VARCHAR);
                    }
                    update(op, set, key(view, side, shape, shape.nextInt(3)), batch);
                }
                case UPDATE_OF_THE_KEY -> {
                    int from = existing(view, side);
                    int to = fresh(view, side, Set.of());
                    sql.s("UPDATE " + table + " SET id = ").v(to).s(" WHERE id = ").v(from);
                    if (view.ids(side).contains(from)) {
                        op.removed.add(from);
                        op.added.add(to);
                    }
                    op.count(op.added.size());
                }
                case UPDATE_ORDER_LIMIT -> {
                    Condition where = shape.nextBoolean() ? key(view, side, shape, 1) : nonKey(view, side, shape, false);
                    int limit = 1 + rnd.nextInt(4);
                    sql.s("UPDATE " + table + " SET ").add(assignments(side, shape, false)).s(" WHERE ").add(where.sql())
                            .s(" ORDER BY id LIMIT ").v(limit);
                    Set<Integer> matched = matched(side, where, batch);
                    if (matched != null) {
                        op.count(Math.min(limit, matched.size()));
                    }
                }
                case DELETE_KEY, TARGET_DELETE_KEY -> delete(op, key(view, side, shape, 0));
                case DELETE_RANGE, TARGET_DELETE_RANGE -> delete(op, key(view, side, shape, 1 + shape.nextInt(2)));
                case DELETE_NON_KEY, TARGET_DELETE_NON_KEY -> delete(op, nonKey(view, side, shape, true));
                case DELETE_IN_SUBQUERY -> delete(op, inSubquery(side, shape, true));
                case DELETE_EXISTS -> delete(op, exists(side, shape, true));
                case DELETE_ORDER_LIMIT -> {
                    Condition where = shape.nextBoolean() ? key(view, side, shape, 1) : nonKey(view, side, shape, true);
                    int limit = 1 + rnd.nextInt(4);
                    sql.s("DELETE FROM " + table + " WHERE ").add(where.sql()).s(" ORDER BY id LIMIT ").v(limit);
                    Set<Integer> matched = matched(side, where, false);
                    matched.stream().limit(limit).forEach(op.removed::add);
                    op.count(op.removed.size());
                }
                case ON_CONFLICT_UPDATE, ON_CONFLICT_NOTHING, ON_DUPLICATE_KEY_UPDATE, INSERT_IGNORE, REPLACE, MERGE_KEY,
                        TARGET_UPSERT -> upsert(op, view, shape, batch);
                case MERGE_USING -> {
                    int rows = 1 + shape.nextInt(3);
                    List<Integer> ids = upsertIds(op, view, rows);
                    sql.s("MERGE INTO " + table + " t USING (VALUES ");
                    for (int r = 0; r < rows; r++) {
                        sql.s(r == 0 ? "(" : ", (").v(ids.get(r)).s(", ").v("m" + rnd.nextInt(100), Types.VARCHAR).s(", ")
                                .v(qty()).s(")");
                    }
                    sql.s(") AS v(id, name, qty) ON t.id = v.id WHEN MATCHED THEN UPDATE SET name = v.name, qty = v.qty"
                            + " WHEN NOT MATCHED THEN INSERT (id, name, qty) VALUES (v.id, v.name, v.qty)");
                    op.count(rows);
                }
                case INSERT_RETURNING -> {
                    insert(op, view, shape, 1 + shape.nextInt(3), false);
                    sql.s(" RETURNING id");
                    op.returned = sorted(op.added);
                }
                case UPDATE_RETURNING -> {
                    Condition where = shape.nextBoolean() ? key(view, side, shape, 1) : nonKey(view, side, shape, false);
                    sql.s("UPDATE " + table + " SET ").add(assignments(side, shape, false)).s(" WHERE ").add(where.sql())
                            .s(" RETURNING id");
                    op.returned = sorted(matched(side, where, false));
                }
                case DELETE_RETURNING -> {
                    delete(op, shape.nextBoolean() ? key(view, side, shape, 1) : nonKey(view, side, shape, true));
                    sql.s(" RETURNING id");
                    op.returned = sorted(op.removed);
                }
                case WRITABLE_CTE -> {
                    if (shape.nextBoolean()) {
                        Condition where = key(view, side, shape, 1 + shape.nextInt(2));
                        sql.s("WITH d AS (DELETE FROM " + table + " WHERE ").add(where.sql()).s(" RETURNING id) SELECT id FROM d");
                        op.removed.addAll(where.ids());
                        op.returned = sorted(where.ids());
                    } else {
                        Condition where = nonKey(view, side, shape, false);
                        sql.s("WITH u AS (UPDATE " + table + " SET ").add(assignments(side, shape, false)).s(" WHERE ")
                                .add(where.sql()).s(" RETURNING id) SELECT id FROM u");
                        op.returned = sorted(matched(side, where, false));
                    }
                }
                case DELTA_TABLE -> {
                    switch (shape.nextInt(3)) {
                        case 0 -> {
                            Op insert = new Op(Form.INSERT_ROWS);
                            insert(insert, view, shape, 1 + shape.nextInt(2), false);
                            sql.s("SELECT id FROM FINAL TABLE (").add(insert.sql).s(")");
                            op.added.addAll(insert.added);
                            op.returned = sorted(insert.added);
                        }
                        case 1 -> {
                            Condition where = key(view, side, shape, 1);
                            sql.s("SELECT id FROM OLD TABLE (DELETE FROM " + table + " WHERE ").add(where.sql()).s(")");
                            op.removed.addAll(where.ids());
                            op.returned = sorted(where.ids());
                        }
                        default -> {
                            Condition where = nonKey(view, side, shape, false);
                            sql.s("SELECT id FROM FINAL TABLE (UPDATE " + table + " SET ").add(assignments(side, shape, false))
                                    .s(" WHERE ").add(where.sql()).s(")");
                            op.returned = sorted(matched(side, where, false));
                        }
                    }
                }
                default -> throw new IllegalStateException(form.name());
            }
            return op;
        }

        private void insert(Op op, View view, Random shape, int rows, boolean note) {
            List<String> columns = new ArrayList<>(op.side == On.SOURCE
                    ? List.of("name", "qty", "status", "legacy_flag", "touched")
                    : List.of("title", "qty", "status_code", "touched"));
            Collections.shuffle(columns, shape);
            columns = new ArrayList<>(columns.subList(0, 1 + shape.nextInt(columns.size())));
            if (note) {
                columns.add(shape.nextInt(columns.size() + 1), "note");
            }
            int idAt = shape.nextInt(columns.size() + 1);
            columns.add(idAt, "id");
            op.sql.s("INSERT INTO " + table(op.side) + " (" + String.join(", ", columns) + ") VALUES ");
            for (int r = 0; r < rows; r++) {
                op.sql.s(r == 0 ? "(" : ", (");
                for (int c = 0; c < columns.size(); c++) {
                    op.sql.s(c == 0 ? "" : ", ");
                    if (c == idAt) {
                        int id = fresh(view, op.side, op.added);
                        op.added.add(id);
                        op.sql.v(id);
                    } else {
                        value(op.sql, columns.get(c));
                    }
                }
                op.sql.s(")");
            }
            op.count(rows);
        }

        /** An upsert of 1-3 rows, each on an existing or a fresh id, in the dialect's form. */
        private void upsert(Op op, View view, Random shape, boolean batch) {
            int rows = 1 + shape.nextInt(3);
            List<Integer> ids = upsertIds(op, view, rows);
            int fresh = op.added.size();
            int existing = rows - fresh;
            boolean target = op.side == On.TARGET;
            String table = table(op.side);
            String name = target ? "title" : "name";
            String status = target ? "status_code" : "status";
            Form form = op.form;
            if (form == Form.TARGET_UPSERT) {
                form = switch (db) {
                    case POSTGRES -> Form.ON_CONFLICT_UPDATE;
                    case MARIADB -> Form.INSERT_IGNORE;
                    case H2 -> Form.MERGE_KEY;
                };
            }
            boolean allColumns = form == Form.MERGE_KEY && !target && shape.nextBoolean();
            List<String> columns = allColumns || form == Form.REPLACE && !target
                    ? List.of("id", "name", "qty", "status", "legacy_flag", "touched")
                    : List.of("id", name, "qty", status);
            op.sql.s(switch (form) {
                case INSERT_IGNORE -> "INSERT IGNORE INTO " + table;
                case REPLACE -> "REPLACE INTO " + table;
                case MERGE_KEY -> "MERGE INTO " + table;
                default -> "INSERT INTO " + table;
            });
            op.sql.s(allColumns ? " KEY (id) VALUES " : " (" + String.join(", ", columns) + ")"
                    + (form == Form.MERGE_KEY ? " KEY (id)" : "") + " VALUES ");
            for (int r = 0; r < rows; r++) {
                op.sql.s(r == 0 ? "(" : ", (").v(ids.get(r));
                for (String column : columns.subList(1, columns.size())) {
                    op.sql.s(", ");
                    value(op.sql, column);
                }
                op.sql.s(")");
            }
            switch (form) {
                case ON_CONFLICT_UPDATE -> {
                    op.sql.s(" ON CONFLICT (id) DO UPDATE SET " + name + " = EXCLUDED." + name + ", qty = COALESCE("
                            + table + ".qty, 0) + 1");
                    if (!target && shape.nextInt(3) == 0) {
                        int below = rnd.nextInt(100);
                        op.sql.s(" WHERE " + table + ".qty < ").v(below);
                        if (batch) {
                            op.min = fresh;
                            op.max = rows;
                        } else {
                            int updated = 0;
                            for (int id : ids) {
                                List<String> row = view.row(op.side, id);
                                if (row != null && row.get(2) != null && Integer.parseInt(row.get(2)) < below) {
                                    updated++;
                                }
                            }
                            op.count(fresh + updated);
                        }
                    } else {
                        op.count(rows);
                    }
                }
                case ON_CONFLICT_NOTHING -> {
                    op.sql.s(" ON CONFLICT (id) DO NOTHING");
                    op.count(fresh);
                }
                case ON_DUPLICATE_KEY_UPDATE -> {
                    op.sql.s(" ON DUPLICATE KEY UPDATE name = VALUES(name), qty = COALESCE(qty, 0) + 1");
                    op.count(fresh + 2 * existing); // every existing row changes: its qty goes up
                }
                case INSERT_IGNORE -> op.count(fresh);
                case REPLACE -> {
                    op.min = rows;
                    op.max = fresh + 2 * existing;
                }
                case MERGE_KEY -> op.count(rows);
                default -> throw new IllegalStateException(form.name());
            }
        }

        /** Distinct ids for an upsert's rows, about half of them existing; the fresh ones become {@code op.added}. */
        private List<Integer> upsertIds(Op op, View view, int rows) {
            List<Integer> ids = new ArrayList<>();
            while (ids.size() < rows) {
                boolean existing = rnd.nextBoolean() && !view.ids(op.side).isEmpty();
                int id = existing ? existing(view, op.side) : fresh(view, op.side, op.added);
                if (!ids.contains(id)) {
                    ids.add(id);
                    if (!view.ids(op.side).contains(id)) {
                        op.added.add(id);
                    }
                }
            }
            return ids;
        }

        private void update(Op op, Sql assignments, Condition where, boolean batch) throws SQLException {
            op.sql.s("UPDATE " + table(op.side) + " SET ").add(assignments).s(" WHERE ").add(where.sql());
            op.count(matched(op.side, where, batch));
        }

        private void delete(Op op, Condition where) throws SQLException {
            op.sql.s("DELETE FROM " + table(op.side) + " WHERE ").add(where.sql());
            Set<Integer> matched = matched(op.side, where, false);
            op.removed.addAll(matched);
            op.count(matched);
        }

        /** The ids {@code where} matches now; null in a batch when only a read could tell. */
        private Set<Integer> matched(On side, Condition where, boolean batch) throws SQLException {
            if (where.ids() != null) {
                return where.ids();
            }
            if (batch) {
                return null;
            }
            return readIds(side, where);
        }

        /** By key: 0 {@code id = k}, 1 {@code id BETWEEN a AND b}, 2 {@code id IN (…)}. */
        private Condition key(View view, On side, Random shape, int kind) {
            TreeSet<Integer> ids = view.ids(side);
            Sql sql = new Sql();
            Set<Integer> matched = new TreeSet<>();
            switch (kind) {
                case 0 -> {
                    int id = existing(view, side);
                    sql.s("id = ").v(id);
                    if (ids.contains(id)) {
                        matched.add(id);
                    }
                }
                case 1 -> {
                    int from = 1 + rnd.nextInt(IDS);
                    int to = from + rnd.nextInt(8);
                    sql.s("id BETWEEN ").v(from).s(" AND ").v(to);
                    matched.addAll(ids.subSet(from, true, to, true));
                }
                default -> {
                    int n = 2 + shape.nextInt(3);
                    sql.s("id IN (");
                    for (int i = 0; i < n; i++) {
                        int id = rnd.nextBoolean() ? existing(view, side) : 1 + rnd.nextInt(IDS);
                        sql.s(i == 0 ? "" : ", ").v(id);
                        if (ids.contains(id)) {
                            matched.add(id);
                        }
                    }
                    sql.s(")");
                }
            }
            return new Condition(sql, matched);
        }

        /** A condition on columns other than the key; narrow ones for deletes, so the table keeps rows. */
        private Condition nonKey(View view, On side, Random shape, boolean narrow) {
            boolean target = side == On.TARGET;
            String name = target ? "title" : "name";
            String status = target ? "status_code" : "status";
            Sql sql = new Sql();
            switch (shape.nextInt(target ? 6 : 7)) {
                case 0 -> {
                    int from = rnd.nextInt(100);
                    sql.s("qty BETWEEN ").v(from).s(" AND ").v(from + (narrow ? 3 : 20));
                }
                case 1 -> {
                    List<String> row = someRow(view, side);
                    String value = row == null || row.get(1) == null ? "n" + rnd.nextInt(300) : row.get(1);
                    sql.s(name + " = ").v(value, Types.VARCHAR);
                }
                case 2 -> sql.s(name + " LIKE ").v((narrow ? "n1" : "n") + rnd.nextInt(10) + "%", Types.VARCHAR);
                case 3 -> {
                    int code = rnd.nextInt(10);
                    if (target) {
                        sql.s(status + " = ").v(String.valueOf(code), Types.VARCHAR);
                    } else {
                        sql.s(status + " = ").v(code);
                    }
                    if (narrow) {
                        sql.s(" AND qty < ").v(30);
                    }
                }
                case 4 -> sql.s(status + " IS NULL AND qty < ").v(narrow ? 20 : 60);
                case 5 -> sql.s("touched IS NULL AND id < ").v(narrow ? 30 : 120);
                default -> sql.s("legacy_flag = ").v(rnd.nextInt(2)).s(" AND qty > ").v(narrow ? 90 : 50);
            }
            return new Condition(sql, null);
        }

        /** {@code id IN (SELECT … FROM the same table WHERE …)}. */
        /**
         * The FROM (USING) list of PostgreSQL's UPDATE (DELETE), or a derived table MariaDB's multi-table UPDATE
         * and DELETE join: the ids {@code where} selects, as {@code f.fid};
         * from the other table of the migration when {@code where} names only the key (the tables hold the same
         * ids), and now and then each id twice, so that the written row is matched by two rows of the list.
         */
        private Sql ids(On side, Random shape, Condition where) {
            String from = where.ids() != null && shape.nextBoolean() ? table(side == On.SOURCE ? On.TARGET : On.SOURCE)
                    : table(side);
            Sql sql = new Sql().s("(SELECT id AS fid FROM " + from + " WHERE ").add(where.sql());
            if (shape.nextInt(3) == 0) {
                sql.s(" UNION ALL SELECT id FROM " + from + " WHERE ").add(where.sql());
            }
            return sql.s(") f");
        }

        private Condition inSubquery(On side, Random shape, boolean narrow) {
            String table = table(side);
            String status = side == On.TARGET ? "status_code" : "status";
            Sql sql = new Sql();
            if (shape.nextBoolean()) {
                int above = narrow ? 88 + rnd.nextInt(10) : rnd.nextInt(100);
                sql.s("id IN (SELECT id FROM " + table + " WHERE qty > ").v(above).s(")");
            } else {
                sql.s("id IN (SELECT id + 1 FROM " + table + " WHERE " + status + " IS NULL OR qty < ").v(narrow ? 8 : 40)
                        .s(")");
            }
            return new Condition(sql, null);
        }

        /** A correlated {@code EXISTS} or {@code NOT EXISTS} over the same table. */
        private Condition exists(On side, Random shape, boolean narrow) {
            String table = table(side);
            Sql sql = new Sql();
            if (shape.nextBoolean()) {
                sql.s("EXISTS (SELECT 1 FROM " + table + " o WHERE o.id = " + table + ".id + 1 AND o.qty < ").v(narrow ? 15 : 50)
                        .s(")");
            } else {
                int from = 1 + rnd.nextInt(IDS);
                sql.s("NOT EXISTS (SELECT 1 FROM " + table + " o WHERE o.id = " + table + ".id - 1) AND id BETWEEN ").v(from)
                        .s(" AND ").v(from + (narrow ? 10 : 40));
            }
            return new Condition(sql, null);
        }

        /** {@code SET} of 1-3 columns; with {@code made}, values the database draws (random, now). */
        private Sql assignments(On side, Random shape, boolean made) {
            boolean target = side == On.TARGET;
            Sql sql = new Sql();
            if (made) {
                sql.s("qty = " + fixture.randomQty());
                switch (shape.nextInt(3)) {
                    case 0 -> sql.s(", touched = CURRENT_TIMESTAMP");
                    case 1 -> sql.s(", touched = " + fixture.clock());
                    default -> sql.s(", name = ").v(name(), Types.VARCHAR);
                }
                return sql;
            }
            List<String> columns = new ArrayList<>(List.of(target ? "title" : "name", "qty", target ? "status_code" : "status",
                    "touched"));
            Collections.shuffle(columns, shape);
            int n = 1 + shape.nextInt(3);
            for (int i = 0; i < n; i++) {
                String column = columns.get(i);
                sql.s(i == 0 ? "" : ", ").s(column + " = ");
                switch (column) {
                    case "qty" -> {
                        switch (shape.nextInt(3)) {
                            case 0 -> sql.v(qty());
                            case 1 -> sql.s("qty + 1");
                            default -> sql.s("COALESCE(qty, 0) + ").v(1 + rnd.nextInt(5));
                        }
                    }
                    case "status" -> {
                        if (shape.nextInt(3) == 0) {
                            sql.s("COALESCE(status, 0) + 1");
                        } else {
                            sql.v(status(), Types.INTEGER);
                        }
                    }
                    case "name" -> {
                        if (shape.nextInt(4) == 0) {
                            sql.s("UPPER(name)");
                        } else {
                            sql.v(name(), Types.VARCHAR);
                        }
                    }
                    default -> value(sql, column);
                }
            }
            return sql;
        }

        /** Appends a random value of {@code column}. */
        private void value(Sql sql, String column) {
            switch (column) {
                case "name", "title" -> sql.v(name(), Types.VARCHAR);
                case "qty" -> sql.v(qty());
                case "status" -> sql.v(status(), Types.INTEGER);
                case "status_code" -> {
                    Integer status = status();
                    sql.v(status == null ? null : String.valueOf(status), Types.VARCHAR);
                }
                case "legacy_flag" -> sql.v(legacy(), Types.INTEGER);
                case "touched" -> sql.v(touched(), Types.TIMESTAMP);
                case "note" -> sql.v("note" + rnd.nextInt(10), Types.VARCHAR);
                default -> throw new IllegalArgumentException(column);
            }
        }

        /** Values for {@code columns}, comma-separated. */
        private Sql values(On side, List<String> columns) {
            Sql sql = new Sql();
            for (int i = 0; i < columns.size(); i++) {
                sql.s(i == 0 ? "" : ", ");
                value(sql, columns.get(i));
            }
            return sql;
        }

        private String name() {
            int draw = rnd.nextInt(100);
            return draw < 10 ? null : draw < 18 ? "o'neil" + rnd.nextInt(10) : "n" + rnd.nextInt(300);
        }

        private int qty() {
            return rnd.nextInt(100);
        }

        private Integer status() {
            return rnd.nextInt(100) < 12 ? null : rnd.nextInt(10);
        }

        private Integer legacy() {
            return rnd.nextInt(100) < 30 ? null : rnd.nextInt(2);
        }

        private LocalDateTime touched() {
            return rnd.nextInt(100) < 25 ? null
                    : LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(rnd.nextInt(30_000_000)).plusNanos(rnd.nextInt(1_000_000) * 1000L);
        }

        private int existing(View view, On side) {
            TreeSet<Integer> ids = view.ids(side);
            if (ids.isEmpty()) {
                return 1 + rnd.nextInt(IDS);
            }
            int skip = rnd.nextInt(ids.size());
            for (int id : ids) {
                if (skip-- == 0) {
                    return id;
                }
            }
            throw new IllegalStateException();
        }

        private int fresh(View view, On side, Set<Integer> taken) {
            TreeSet<Integer> ids = view.ids(side);
            for (int tries = 0; tries < 100; tries++) {
                int id = 1 + rnd.nextInt(IDS);
                if (!ids.contains(id) && !taken.contains(id)) {
                    return id;
                }
            }
            for (int id = 1; ; id++) {
                if (!ids.contains(id) && !taken.contains(id)) {
                    return id;
                }
            }
        }

        private List<String> someRow(View view, On side) {
            List<List<String>> rows = side == On.SOURCE ? view.sourceRows : view.targetRows;
            return rows.isEmpty() ? null : rows.get(rnd.nextInt(rows.size()));
        }

        private String table(On side) {
            return side == On.SOURCE ? fixture.source : fixture.target;
        }

        private static List<Integer> sorted(Set<Integer> ids) {
            return ids == null ? null : new ArrayList<>(new TreeSet<>(ids));
        }
    }
}
