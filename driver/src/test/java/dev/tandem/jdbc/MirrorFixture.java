package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import dev.tandem.routing.RoutingFile;

/**
 * The source and target tables of one mirrored-writes test, with the routing file that makes them a
 * migration in {@code dual-write}, and the drift check that compares them through a raw connection.
 *
 * <p>Source {@code <p>_items (id, name, qty, status, legacy_flag, touched)}, target
 * {@code <p>_items_v2 (id, title, qty, status_code, touched, note DEFAULT 'new')}: a rename, a
 * source-only column, an expression pair and a target-only column with a default.
 *
 * <p>The phase is {@code dual-write} unless the system property {@code tandem.mirror.phase} says
 * otherwise; {@code off} runs every statement as written, which only shows that generated SQL is
 * valid on each database (the tables then drift, and {@link #mirrors()} is false).
 */
final class MirrorFixture {

    static final String PHASE = System.getProperty("tandem.mirror.phase", "dual-write");
    static final String MIGRATION = "items-v2";

    final TestDatabase db;
    final String source;
    final String target;
    private final Path routing;
    private final String phase;

    MirrorFixture(TestDatabase db, Path dir, String prefix) {
        this(db, dir, prefix, PHASE);
    }

    MirrorFixture(TestDatabase db, Path dir, String prefix, String phase) {
        this.db = db;
        this.source = prefix + "_items";
        this.target = prefix + "_items_v2";
        this.routing = dir.resolve("routing.yaml");
        this.phase = phase;
    }

    /** Whether the phase mirrors writes, so that the tables must never drift. */
    boolean mirrors() {
        return !phase.equals("off") && !phase.equals("target-only");
    }

    /** Drops and creates both tables (empty) and writes the routing file. */
    /** The column type of {@code touched}: MariaDB's TIMESTAMP would update itself, so DATETIME(6) there. */
    String timestampType() {
        return db == TestDatabase.MARIADB ? "DATETIME(6) NULL" : "TIMESTAMP";
    }

    MirrorFixture create() throws SQLException, IOException {
        String timestamp = timestampType();
        try (Connection raw = raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + source);
            statement.execute("DROP TABLE IF EXISTS " + target);
            statement.execute("CREATE TABLE " + source + " (id INT PRIMARY KEY, name VARCHAR(40), qty INT, status INT,"
                    + " legacy_flag INT, touched " + timestamp + ")");
            statement.execute("CREATE TABLE " + target + " (id INT PRIMARY KEY, title VARCHAR(40), qty INT,"
                    + " status_code VARCHAR(8), touched " + timestamp + ", note VARCHAR(20) DEFAULT 'new')");
        }
        Files.writeString(routing, """
                migrations:
                  %s:
                    source: %s
                    target: %s
                    key: [id]
                    columns:
                      name: title
                      legacy_flag: null
                      status: {target: status_code, toTarget: "CAST(status AS VARCHAR(8))", toSource: "CAST(status_code AS INT)"}
                    phase: %s
                """.formatted(MIGRATION, source, target, phase));
        return this;
    }

    Connection raw() throws SQLException {
        return db.raw();
    }

    /** A Tandem connection under the routing file, never reloaded. */
    Connection tandem() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("tandem.config", routing.toString());
        properties.setProperty("tandem.reload", "0");
        return DriverManager.getConnection(db.tandemUrl(), properties);
    }

    /**
     * Fails unless the migration passed the live-schema check on this database (a migration failing
     * it is treated as off, and its writes would silently not be mirrored). Call after a Tandem
     * connection has run a statement naming a table of the migration.
     */
    void assertApplied() throws Exception {
        if (!phase.equals("off")) {
            String check = MigrationMonitor.of(RoutingFile.open(routing, 0), MIGRATION).getSchemaCheck();
            assertThat(check).as("live-schema check of " + MIGRATION).isNotEmpty().doesNotContain("problem")
                    .endsWith(": ok");
        }
    }

    // ------------------------------------------------------------------ dialect

    /** A set-session statement bounding every lock wait to ten seconds. */
    String lockTimeout() {
        return switch (db) {
            case H2 -> "SET LOCK_TIMEOUT 10000";
            case POSTGRES -> "SET lock_timeout = '10s'";
            case MARIADB -> "SET SESSION innodb_lock_wait_timeout = 10";
        };
    }

    /** An integer 0..99 the database draws at random, differently for each evaluation. */
    String randomQty() {
        return db == TestDatabase.POSTGRES ? "floor(random() * 100)" : "FLOOR(RAND() * 100)";
    }

    /** A timestamp that differs between two evaluations, even inside one transaction. */
    String clock() {
        return switch (db) {
            case H2 -> "DATEADD(MICROSECOND, FLOOR(RAND() * 1000000), LOCALTIMESTAMP)";
            case POSTGRES -> "clock_timestamp()";
            case MARIADB -> "SYSDATE(6)";
        };
    }

    // ------------------------------------------------------------------ comparing the tables

    /** Both tables' rows in the drift check's shape: {@code id, name, qty, status as text, touched}. */
    List<List<String>> sourceRows(Connection raw) throws SQLException {
        return rows(raw, "SELECT id, name, qty, CAST(status AS VARCHAR(8)), touched FROM " + source + " ORDER BY id");
    }

    List<List<String>> targetRows(Connection raw) throws SQLException {
        return rows(raw, "SELECT id, title, qty, status_code, touched FROM " + target + " ORDER BY id");
    }

    /**
     * Where the target differs from mapping(source), read through {@code raw} (never Tandem): the
     * first id whose rows differ or that only one table has, with both rows; or the ids whose
     * {@code note} is NULL; or null when the tables are in step.
     */
    String drift(Connection raw) throws SQLException {
        String drift = firstDifference(sourceRows(raw), targetRows(raw));
        if (drift != null) {
            return drift;
        }
        List<List<String>> noNote = rows(raw, "SELECT id FROM " + target + " WHERE note IS NULL ORDER BY id");
        return noNote.isEmpty() ? null : "target rows with a NULL note: " + noNote;
    }

    /** The first id at which {@code source} (mapped) and {@code target} rows differ, or null. */
    static String firstDifference(List<List<String>> source, List<List<String>> target) {
        int i = 0;
        int j = 0;
        while (i < source.size() || j < target.size()) {
            List<String> s = i < source.size() ? source.get(i) : null;
            List<String> t = j < target.size() ? target.get(j) : null;
            int order = s == null ? 1 : t == null ? -1
                    : Integer.compare(Integer.parseInt(s.get(0)), Integer.parseInt(t.get(0)));
            if (order != 0 || !Objects.equals(s, t)) {
                String id = order <= 0 ? s.get(0) : t.get(0);
                return "id " + id + ": source " + (order <= 0 ? s : "(none)") + ", target " + (order >= 0 ? t : "(none)");
            }
            i++;
            j++;
        }
        return null;
    }

    /** Every column of both tables, for "exactly as before". */
    String contents(Connection raw) throws SQLException {
        return "source " + rows(raw, "SELECT * FROM " + source + " ORDER BY id") + "\ntarget "
                + rows(raw, "SELECT * FROM " + target + " ORDER BY id");
    }

    static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                List<String> row = new ArrayList<>(meta.getColumnCount());
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    row.add(result.getString(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
