package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the application sees after a mirrored write is what the real driver gives for the statement as
 * written (DESIGN §5): every use of the result methods below runs once through the real driver and
 * once through Tandem in {@code dual-write}, each on freshly made tables (one with a key the
 * application gives, one with a key the database generates), and must answer the same: update counts,
 * {@code getResultSet()}, generated keys (column labels and rows), {@code getMoreResults()} and the
 * counts after it, and warnings. Tandem's run must also leave no drift, so the writes were mirrored.
 */
class MirroredWriteResultsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyResultOfAMirroredWrite_isTheOneTheDriverGivesAlone(TestDatabase db) throws Exception {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (boolean generated : new boolean[] {false, true}) {
            Path in = Files.createDirectories(dir.resolve(generated ? "generated" : "given"));
            MirrorFixture fixture = new MirrorFixture(db, in, generated ? "mrg" : "mrp");
            if (generated) {
                fixture.generatedKey();
            }
            for (Use use : USES) {
                if (!use.on(db, generated)) {
                    continue;
                }
                fresh(fixture);
                String raw;
                try (Connection connection = fixture.raw()) {
                    raw = answer(use, connection, fixture.source, db);
                }
                fresh(fixture);
                String tandem;
                try (Connection connection = fixture.tandem()) {
                    tandem = answer(use, connection, fixture.source, db);
                }
                fixture.assertApplied();
                String drift;
                try (Connection connection = fixture.raw()) {
                    drift = fixture.drift(connection);
                }
                String table = generated ? "generated key" : "given key";
                if (!raw.equals(tandem)) {
                    differences.add(use.name() + " (" + table + "):\n    driver alone " + raw + "\n    through Tandem " + tandem);
                }
                if (drift != null) {
                    differences.add(use.name() + " (" + table + ") left drift: " + drift);
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(30);
        assertThat(differences).as("uses of the result methods answered differently on %s", db).isEmpty();
    }

    /** Both tables with rows 1 and 2, and on the source what makes a warning where the database has one. */
    private static void fresh(MirrorFixture fixture) throws Exception {
        fixture.create();
        try (Connection raw = fixture.raw(); Statement statement = raw.createStatement()) {
            statement.execute("INSERT INTO " + fixture.source + " (id, name, qty) VALUES (1, 'a', 1), (2, 'b', 2)");
            statement.execute("INSERT INTO " + fixture.target + " (id, title, qty) VALUES (1, 'a', 1), (2, 'b', 2)");
            if (fixture.db == TestDatabase.POSTGRES) {
                statement.execute("CREATE OR REPLACE FUNCTION mr_warn() RETURNS trigger AS $$ BEGIN IF NEW.qty = 77 THEN"
                        + " RAISE WARNING 'qty of % is 77', NEW.id; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
                statement.execute("CREATE TRIGGER mr_warn BEFORE INSERT OR UPDATE ON " + fixture.source
                        + " FOR EACH ROW EXECUTE FUNCTION mr_warn()");
            }
        }
    }

    // ------------------------------------------------------------------ the uses

    private interface Call {
        String on(Connection connection, String table, boolean generated) throws SQLException;
    }

    /** One use of the JDBC API; {@code only} names the databases it applies to (all when empty). */
    private record Use(String name, boolean generatedOnly, List<TestDatabase> only, Call call) {

        Use(String name, Call call) {
            this(name, false, List.of(), call);
        }

        boolean on(TestDatabase db, boolean generated) {
            return (only.isEmpty() || only.contains(db)) && (generated || !generatedOnly);
        }
    }

    private static final List<TestDatabase> RETURNING = List.of(TestDatabase.POSTGRES, TestDatabase.MARIADB);

    private static final List<Use> USES = List.of(
            new Use("executeUpdate(insert)", (c, t, g) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("INSERT INTO " + t + " (id, name, qty) VALUES (10, 'k', 1), (11, 'k', 2)") + after(s);
            }),
            new Use("executeUpdate(update)", (c, t, g) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("UPDATE " + t + " SET qty = 9 WHERE id >= 1") + after(s);
            }),
            new Use("executeUpdate(delete)", (c, t, g) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("DELETE FROM " + t + " WHERE id = 1") + after(s);
            }),
            new Use("execute(update)", (c, t, g) -> {
                Statement s = c.createStatement();
                return s.execute("UPDATE " + t + " SET qty = 9 WHERE id >= 1") + after(s);
            }),
            new Use("executeLargeUpdate(update), getLargeUpdateCount()", (c, t, g) -> {
                Statement s = c.createStatement();
                return s.executeLargeUpdate("UPDATE " + t + " SET qty = 4 WHERE id >= 1") + " " + s.getLargeUpdateCount()
                        + after(s);
            }),
            new Use("executeUpdate(insert, RETURN_GENERATED_KEYS)", (c, t, g) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("INSERT INTO " + t + " (id, name, qty) VALUES (10, 'k', 1), (11, 'k', 2)",
                        Statement.RETURN_GENERATED_KEYS) + after(s);
            }),
            new Use("executeUpdate(insert without the key, RETURN_GENERATED_KEYS)", true, List.of(), (c, t, g) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("INSERT INTO " + t + " (name, qty) VALUES ('k', 1), ('j', 2)",
                        Statement.RETURN_GENERATED_KEYS) + after(s);
            }),
            new Use("executeUpdate(insert of given and generated keys, RETURN_GENERATED_KEYS)", true,
                    List.of(TestDatabase.MARIADB), (c, t, g) -> {
                        Statement s = c.createStatement();
                        return s.executeUpdate("INSERT INTO " + t + " (id, name) VALUES (70, 'k'), (NULL, 'j'), (60, 'l')",
                                Statement.RETURN_GENERATED_KEYS) + after(s);
                    }),
            new Use("executeUpdate(insert … select, RETURN_GENERATED_KEYS)", true, List.of(), (c, t, g) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("INSERT INTO " + t + " (name, qty) SELECT name, qty FROM " + t + " WHERE id <= 2",
                        Statement.RETURN_GENERATED_KEYS) + after(s);
            }),
            new Use("executeUpdate(update, RETURN_GENERATED_KEYS)", (c, t, g) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("UPDATE " + t + " SET qty = 9 WHERE id >= 1", Statement.RETURN_GENERATED_KEYS)
                        + after(s);
            }),
            new Use("executeUpdate(delete, RETURN_GENERATED_KEYS)", (c, t, g) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("DELETE FROM " + t + " WHERE id = 1", Statement.RETURN_GENERATED_KEYS) + after(s);
            }),
            new Use("executeUpdate(update, {\"qty\"}): a column other than the key", (c, t, g) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("UPDATE " + t + " SET qty = 9 WHERE id >= 1", new String[] {"qty"}) + after(s);
            }),
            new Use("executeUpdate(insert, {\"id\", \"name\"})", (c, t, g) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("INSERT INTO " + t + " (id, name) VALUES (12, 'n')", new String[] {"id", "name"})
                        + after(s);
            }),
            new Use("executeUpdate(update, {3}): a column by index", (c, t, g) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("UPDATE " + t + " SET qty = 9 WHERE id >= 1", new int[] {3}) + after(s);
            }),
            new Use("executeUpdate(delete, {\"id\"})", (c, t, g) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("DELETE FROM " + t + " WHERE id = 1", new String[] {"id"}) + after(s);
            }),
            new Use("execute(insert, RETURN_GENERATED_KEYS)", (c, t, g) -> {
                Statement s = c.createStatement();
                return s.execute("INSERT INTO " + t + " (id, name) VALUES (14, 'e')", Statement.RETURN_GENERATED_KEYS)
                        + after(s);
            }),
            new Use("prepareStatement(insert).executeUpdate()", (c, t, g) -> {
                PreparedStatement p = c.prepareStatement("INSERT INTO " + t + " (id, name) VALUES (?, ?)");
                p.setInt(1, 15);
                p.setString(2, "p");
                return p.executeUpdate() + after(p);
            }),
            new Use("prepareStatement(update).executeUpdate()", (c, t, g) -> {
                PreparedStatement p = c.prepareStatement("UPDATE " + t + " SET qty = ? WHERE id >= 1");
                p.setInt(1, 15);
                return p.executeUpdate() + after(p);
            }),
            new Use("prepareStatement(delete).execute()", (c, t, g) -> {
                PreparedStatement p = c.prepareStatement("DELETE FROM " + t + " WHERE id = ?");
                p.setInt(1, 1);
                return p.execute() + after(p);
            }),
            new Use("prepareStatement(insert, RETURN_GENERATED_KEYS).executeUpdate()", (c, t, g) -> {
                PreparedStatement p = c.prepareStatement("INSERT INTO " + t + (g ? " (name) VALUES (?)"
                        : " (id, name) VALUES (16, ?)"), Statement.RETURN_GENERATED_KEYS);
                p.setString(1, "p");
                return p.executeUpdate() + after(p);
            }),
            new Use("prepareStatement(update, {\"qty\"}).executeUpdate()", (c, t, g) -> {
                PreparedStatement p = c.prepareStatement("UPDATE " + t + " SET qty = ? WHERE id = 2", new String[] {"qty"});
                p.setInt(1, 5);
                return p.executeUpdate() + after(p);
            }),
            new Use("prepareStatement(insert, RETURN_GENERATED_KEYS).executeBatch()", (c, t, g) -> {
                PreparedStatement p = c.prepareStatement("INSERT INTO " + t + (g ? " (name) VALUES (?)"
                        : " (id, name) VALUES (?, 'p')"), Statement.RETURN_GENERATED_KEYS);
                for (int id = 20; id <= 22; id++) {
                    if (g) {
                        p.setString(1, "p" + id);
                    } else {
                        p.setInt(1, id);
                    }
                    p.addBatch();
                }
                return Arrays.toString(p.executeBatch()) + after(p);
            }),
            new Use("prepareStatement(insert, {\"id\"}).executeBatch()", (c, t, g) -> {
                PreparedStatement p = c.prepareStatement("INSERT INTO " + t + " (id, name) VALUES (?, ?)", new String[] {"id"});
                for (int id = 22; id <= 23; id++) {
                    p.setInt(1, id);
                    p.setString(2, "p");
                    p.addBatch();
                }
                return Arrays.toString(p.executeBatch()) + after(p);
            }),
            new Use("prepareStatement(update, RETURN_GENERATED_KEYS).executeBatch()", (c, t, g) -> {
                PreparedStatement p = c.prepareStatement("UPDATE " + t + " SET qty = ? WHERE id >= ?",
                        Statement.RETURN_GENERATED_KEYS);
                for (int id = 1; id <= 2; id++) {
                    p.setInt(1, id + 40);
                    p.setInt(2, id);
                    p.addBatch();
                }
                return Arrays.toString(p.executeBatch()) + after(p);
            }),
            new Use("prepareStatement(update).executeBatch()", (c, t, g) -> {
                PreparedStatement p = c.prepareStatement("UPDATE " + t + " SET qty = ? WHERE id >= ?");
                for (int id = 1; id <= 2; id++) {
                    p.setInt(1, id + 50);
                    p.setInt(2, id);
                    p.addBatch();
                }
                return Arrays.toString(p.executeBatch()) + after(p);
            }),
            new Use("Statement.executeBatch(): inserts, update, delete", (c, t, g) -> {
                Statement s = c.createStatement();
                s.addBatch("INSERT INTO " + t + (g ? " (name) VALUES ('b')" : " (id, name) VALUES (49, 'b')"));
                s.addBatch("INSERT INTO " + t + " (id, name) VALUES (50, 'b'), (51, 'c')");
                s.addBatch("UPDATE " + t + " SET qty = 3 WHERE id >= 49");
                s.addBatch("DELETE FROM " + t + " WHERE id = 1");
                return Arrays.toString(s.executeBatch()) + after(s);
            }),
            new Use("Statement.executeLargeBatch(): update, delete", (c, t, g) -> {
                Statement s = c.createStatement();
                s.addBatch("UPDATE " + t + " SET qty = 3 WHERE id >= 1");
                s.addBatch("DELETE FROM " + t + " WHERE id = 1");
                return Arrays.toString(s.executeLargeBatch()) + after(s);
            }),
            new Use("executeQuery(insert … returning)", false, RETURNING, (c, t, g) -> {
                Statement s = c.createStatement();
                return rows(s.executeQuery("INSERT INTO " + t + " (id, name) VALUES (40, 'r'), (41, 's') RETURNING id, name"))
                        + after(s);
            }),
            new Use("execute(delete … returning), getResultSet()", false, RETURNING, (c, t, g) -> {
                Statement s = c.createStatement();
                return s.execute("DELETE FROM " + t + " WHERE id = 2 RETURNING *") + " " + rows(s.getResultSet()) + after(s);
            }),
            new Use("execute(update), getMoreResults(KEEP_CURRENT_RESULT)", (c, t, g) -> {
                Statement s = c.createStatement();
                return s.execute("UPDATE " + t + " SET qty = 9 WHERE id = 2") + " " + s.getUpdateCount() + " "
                        + s.getMoreResults(Statement.KEEP_CURRENT_RESULT) + " " + s.getUpdateCount();
            }),
            new Use("execute(update), getMoreResults(CLOSE_ALL_RESULTS)", (c, t, g) -> {
                Statement s = c.createStatement();
                return s.execute("UPDATE " + t + " SET qty = 9 WHERE id = 2") + " " + s.getUpdateCount() + " "
                        + s.getMoreResults(Statement.CLOSE_ALL_RESULTS) + " " + s.getUpdateCount();
            }),
            new Use("executeUpdate(insert … on duplicate key update, RETURN_GENERATED_KEYS)", false,
                    List.of(TestDatabase.MARIADB), (c, t, g) -> {
                        Statement s = c.createStatement();
                        return s.executeUpdate("INSERT INTO " + t + " (id, name) VALUES (1, 'x'), (9, 'y') ON DUPLICATE KEY"
                                + " UPDATE name = VALUES(name)", Statement.RETURN_GENERATED_KEYS) + after(s);
                    }),
            new Use("prepareStatement(replace, RETURN_GENERATED_KEYS).executeBatch()", false, List.of(TestDatabase.MARIADB),
                    (c, t, g) -> {
                        PreparedStatement p = c.prepareStatement("REPLACE INTO " + t + " (id, name) VALUES (?, ?)",
                                Statement.RETURN_GENERATED_KEYS);
                        for (int id : new int[] {2, 150}) {
                            p.setInt(1, id);
                            p.setString(2, "r" + id);
                            p.addBatch();
                        }
                        return Arrays.toString(p.executeBatch()) + after(p);
                    }),
            new Use("Statement.executeBatch(): replace, insert … on duplicate key update", false,
                    List.of(TestDatabase.MARIADB), (c, t, g) -> {
                        Statement s = c.createStatement();
                        s.addBatch("REPLACE INTO " + t + " (id, name) VALUES (1, 'a1'), (160, 'n')");
                        s.addBatch("INSERT INTO " + t + " (id, qty) VALUES (2, 5) ON DUPLICATE KEY UPDATE qty = qty + 1");
                        return Arrays.toString(s.executeBatch()) + after(s);
                    }),
            new Use("an update that warns", false, List.of(TestDatabase.POSTGRES), (c, t, g) -> {
                Statement s = c.createStatement();
                return s.executeUpdate("UPDATE " + t + " SET qty = 77 WHERE id >= 1") + after(s);
            }),
            new Use("a prepared insert that warns", false, List.of(TestDatabase.POSTGRES), (c, t, g) -> {
                PreparedStatement p = c.prepareStatement("INSERT INTO " + t + " (id, name, qty) VALUES (?, 'w', 77)");
                p.setInt(1, 30);
                return p.executeUpdate() + after(p);
            }),
            new Use("an update that warns (a value cut short)", false, List.of(TestDatabase.MARIADB), (c, t, g) -> {
                Statement s = c.createStatement();
                s.execute("SET SESSION sql_mode = ''");
                return s.executeUpdate("UPDATE " + t + " SET name = REPEAT('x', 50) WHERE id = 1") + after(s);
            }),
            new Use("a prepared update that warns (a value cut short)", false, List.of(TestDatabase.MARIADB), (c, t, g) -> {
                c.createStatement().execute("SET SESSION sql_mode = ''");
                PreparedStatement p = c.prepareStatement("UPDATE " + t + " SET name = ? WHERE id = 1");
                p.setString(1, "y".repeat(50));
                return p.executeUpdate() + after(p);
            }),
            new Use("an insert and a delete that warn (a value cut short)", false, List.of(TestDatabase.MARIADB),
                    (c, t, g) -> {
                        Statement s = c.createStatement();
                        s.execute("SET SESSION sql_mode = ''");
                        String insert = s.executeUpdate("INSERT INTO " + t + " (id, name) VALUES (80, REPEAT('x', 50))")
                                + after(s);
                        return insert + " / " + s.executeUpdate("DELETE FROM " + t + " WHERE name = 1 + 'z'") + after(s);
                    }));

    // ------------------------------------------------------------------ answers as text

    private static String answer(Use use, Connection connection, String table, TestDatabase db) {
        try {
            return use.call().on(connection, table, table.startsWith("mrg"));
        } catch (SQLException e) {
            return "error " + e.getSQLState();
        }
    }

    /** What a statement answers after it ran: count, result set, generated keys, then the same past getMoreResults. */
    private static String after(Statement s) throws SQLException {
        return " | count " + s.getUpdateCount() + ", result set " + (s.getResultSet() != null) + ", keys " + keys(s)
                + ", more " + s.getMoreResults() + ", count " + s.getUpdateCount() + ", more " + s.getMoreResults()
                + ", count " + s.getUpdateCount() + ", warnings " + warnings(s.getWarnings());
    }

    private static String keys(Statement s) {
        try {
            return rows(s.getGeneratedKeys());
        } catch (SQLException e) {
            return "error " + e.getSQLState() + " " + e.getMessage();
        }
    }

    /** A result set as text: column labels in lower case, then the rows. */
    static String rows(ResultSet rows) throws SQLException {
        if (rows == null) {
            return "no result set";
        }
        try (rows) {
            int columns = rows.getMetaData().getColumnCount();
            StringBuilder text = new StringBuilder("[");
            for (int c = 1; c <= columns; c++) {
                text.append(c == 1 ? "" : ",").append(rows.getMetaData().getColumnLabel(c).toLowerCase(Locale.ROOT));
            }
            text.append("]");
            while (rows.next()) {
                text.append(" (");
                for (int c = 1; c <= columns; c++) {
                    text.append(c == 1 ? "" : ",").append(rows.getString(c));
                }
                text.append(")");
            }
            return text.toString();
        }
    }

    private static String warnings(SQLWarning warning) {
        List<String> all = new ArrayList<>();
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            all.add(w.getSQLState() + " " + w.getMessage());
        }
        return all.toString();
    }
}
