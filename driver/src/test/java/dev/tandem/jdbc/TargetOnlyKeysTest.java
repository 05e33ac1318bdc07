package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tandem.routing.RoutingFile;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.TableName;

/**
 * The switch to {@code target-only} on every database (DESIGN §5): until then the source's generator
 * issues every key and the mirror copies it into the target, so the target's own generator lags however
 * far the backfill advanced it. When the driver applies a routing that takes the migration into {@code
 * target-only}, it advances that generator past the keys of both tables before the routing takes a
 * statement, never moves it back, leaves a target without a generator alone, and applies the routing even
 * when the advance fails.
 */
class TargetOnlyKeysTest {

    private static final String ID = "keys";
    private static final String SOURCE = "ko_items";
    private static final String TARGET = "ko_items_v2";

    @TempDir
    Path dir;

    private Path routing;
    private RoutingFile file;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void enteringTargetOnly_advancesTheTargetsGenerator_pastEveryKeyTheMirrorCopied(TestDatabase db) throws Exception {
        setUp(db, true);
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            statement.execute("INSERT INTO " + SOURCE + " (name, qty) VALUES ('old-1', 1), ('old-2', 2), ('old-3', 3)");
            statement.execute("INSERT INTO " + TARGET + " (id, title, qty) SELECT id, name, qty FROM " + SOURCE);
            // The end of a backfill: the target's generator is moved past the source's keys.
            MigrationTables.of(raw, migration()).advanceKeyGenerator(raw);
            assertThat(generator(db).next()).isEqualTo(new BigDecimal(4));
        }
        try (Connection connection = connect(db, routing); Statement statement = connection.createStatement()) {
            insertWithoutKey(statement, SOURCE, "dual", 4);
            apply("verify", "");
            insertWithoutKey(statement, SOURCE, "verify", 2);
            apply("cutover", "    reads: {percent: 100}\n");
            insertWithoutKey(statement, SOURCE, "cutover", 2);
            assertThat(ids(db, TARGET)).as("keys the source issued, copied by the mirror").isEqualTo(ids(db, SOURCE))
                    .hasSize(11);
            if (db != TestDatabase.MARIADB) {
                // MariaDB raises AUTO_INCREMENT past a key given explicitly, as the mirror gives it; the others don't.
                assertThat(generator(db).past(new BigDecimal(11))).as("the target's generator lags again").isFalse();
            }

            apply("target-only", "");
            insertWithoutKey(statement, SOURCE, "translated", 1);
            insertWithoutKey(statement, TARGET, "new-shape", 1);
        }
        List<Integer> target = ids(db, TARGET);
        assertThat(target).hasSize(13).doesNotHaveDuplicates();
        assertThat(target.subList(11, 13)).as("keys the target issued in target-only").allMatch(id -> id > 11);
        assertThat(ids(db, SOURCE)).as("the source is not written in target-only").hasSize(11);
        BigDecimal next = generator(db).next();
        assertThat(next).isGreaterThan(new BigDecimal(target.get(12)));

        // Forward only: moved far ahead by hand, neither a reload in the same phase nor another process
        // loading the routing in target-only for the first time moves it back.
        try (Connection raw = db.raw()) {
            advanceTo(raw, db, 999);
        }
        assertThat(generator(db).next()).isEqualTo(new BigDecimal(1000));
        apply("target-only", "    owner: keys-team\n");
        Path elsewhere = Files.writeString(dir.resolve("other-process.yaml"), Files.readString(routing));
        try (Connection connection = connect(db, routing); Connection other = connect(db, elsewhere);
                Statement statement = connection.createStatement(); Statement otherStatement = other.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE " + SOURCE + " SET qty = 0 WHERE id = 1")).isEqualTo(1);
            assertThat(otherStatement.executeUpdate("UPDATE " + SOURCE + " SET qty = 0 WHERE id = 2")).isEqualTo(1);
            assertThat(generator(db).next()).as("not moved back").isEqualTo(new BigDecimal(1000));
            insertWithoutKey(otherStatement, SOURCE, "elsewhere", 1);
        }
        assertThat(ids(db, TARGET)).last().isEqualTo(1000);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void enteringTargetOnly_withATargetKeyNoGeneratorIssues_leavesItAlone(TestDatabase db) throws Exception {
        setUp(db, false);
        try (Connection connection = connect(db, routing); Statement statement = connection.createStatement()) {
            insertWithoutKey(statement, SOURCE, "dual", 3);
            apply("verify", "");
            apply("cutover", "    reads: {percent: 100}\n");
            apply("target-only", "");
            long translated = MigrationMonitor.of(file, ID).getTranslatedWrites();
            assertThat(statement.executeUpdate("INSERT INTO " + SOURCE + " (id, name, qty) VALUES (50, 'given', 5)"))
                    .isEqualTo(1);
            assertThat(MigrationMonitor.of(file, ID).getTranslatedWrites()).isEqualTo(translated + 1);
        }
        try (Connection raw = db.raw()) {
            assertThat(KeyGenerator.of(raw, new Session(raw).dialect(), schema(raw, db), TableName.parse(TARGET), "id", null))
                    .isNull();
        }
        assertThat(ids(db, TARGET)).containsExactly(1, 2, 3, 50);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void anAdvanceThatFails_stillAppliesTheRouting_andTheNextRoutingChangeTriesAgain(TestDatabase db) throws Exception {
        setUp(db, true);
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            // Keys the target lacks (no backfill yet), so that even MariaDB's counter lags them.
            statement.execute("INSERT INTO " + SOURCE + " (name, qty) VALUES ('old-1', 1), ('old-2', 2), ('old-3', 3)");
            if (db == TestDatabase.H2) {
                // H2's RESTART waits for no writer: the advance fails for want of the right to alter the table.
                statement.execute("DROP USER IF EXISTS KEYS_APP");
                statement.execute("CREATE USER KEYS_APP PASSWORD 'keys'");
                statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + SOURCE + ", " + TARGET + " TO KEYS_APP");
            }
        }
        apply("verify", "");
        apply("cutover", "    reads: {percent: 100}\n");
        try (Connection connection = connect(db, routing, db == TestDatabase.H2 ? "KEYS_APP" : null);
                Statement statement = connection.createStatement()) {
            try (Connection holder = db.raw(); Statement held = holder.createStatement()) {
                // A writer that keeps the target locked past the switch's wait: the advance gives up.
                holder.setAutoCommit(false);
                held.executeUpdate("INSERT INTO " + TARGET + " (id, title, qty) VALUES (-1, 'held', 0)");
                apply("target-only", "");
                assertThat(rows(connection, "SELECT COUNT(*) FROM " + SOURCE)).as("read from the target")
                        .containsExactly(0);
                assertThat(generator(db).past(new BigDecimal(3))).as("not advanced").isFalse();
                holder.rollback();
            }
            long translated = MigrationMonitor.of(file, ID).getTranslatedWrites();
            assertThat(statement.executeUpdate("DELETE FROM " + SOURCE + " WHERE id = 2")).as("the target lacks it")
                    .isZero();
            assertThat(MigrationMonitor.of(file, ID).getTranslatedWrites()).as("target-only is in force")
                    .isEqualTo(translated + 1);
            if (db == TestDatabase.H2) {
                try (Connection raw = db.raw(); Statement grant = raw.createStatement()) {
                    grant.execute("GRANT ALTER ANY SCHEMA TO KEYS_APP");
                }
            }
            apply("target-only", "    owner: keys-team\n");
            insertWithoutKey(statement, SOURCE, "translated", 1);
        } finally {
            if (db == TestDatabase.H2) {
                try (Connection raw = db.raw(); Statement drop = raw.createStatement()) {
                    drop.execute("DROP USER IF EXISTS KEYS_APP");
                }
            }
        }
        assertThat(ids(db, TARGET)).as("a key past the source's, which the target lacks").containsExactly(4);
        assertThat(ids(db, SOURCE)).containsExactly(1, 2, 3);
    }

    // ------------------------------------------------------------------ fixture

    /** Both tables empty, the source's key an identity, the target's one when {@code targetGenerates}. */
    private void setUp(TestDatabase db, boolean targetGenerates) throws Exception {
        String identity = db == TestDatabase.MARIADB ? "INT AUTO_INCREMENT PRIMARY KEY"
                : "INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + SOURCE);
            statement.execute("DROP TABLE IF EXISTS " + TARGET);
            statement.execute("CREATE TABLE " + SOURCE + " (id " + identity + ", name VARCHAR(40), qty INT)");
            statement.execute("CREATE TABLE " + TARGET + " (id " + (targetGenerates ? identity : "INT PRIMARY KEY")
                    + ", title VARCHAR(40), qty INT)");
        }
        routing = dir.resolve("routing.yaml");
        writeRouting("dual-write", "");
        file = RoutingFile.open(routing, 0);
    }

    private void writeRouting(String phase, String extra) throws IOException {
        Files.writeString(routing, """
                migrations:
                  keys:
                    source: ko_items
                    target: ko_items_v2
                    key: [id]
                    columns:
                      name: title
                    phase: %s
                """.formatted(phase) + extra);
    }

    /** Edits the file and reloads it now, as the reload thread would at its next check. */
    private void apply(String phase, String extra) throws IOException {
        writeRouting(phase, extra);
        RoutingFile.Reload reload = file.reload();
        assertThat(reload.outcome()).as("%s: %s", phase, reload.message()).isEqualTo(RoutingFile.Outcome.APPLIED);
    }

    private Migration migration() {
        return file.current().migration(ID).migration();
    }

    private static Connection connect(TestDatabase db, Path routing) throws SQLException {
        return connect(db, routing, null);
    }

    /** Through Tandem as {@code user} (password {@code keys}), or as the URL says when null. */
    private static Connection connect(TestDatabase db, Path routing, String user) throws SQLException {
        Properties given = new Properties();
        if (user != null) {
            given.setProperty("user", user);
            given.setProperty("password", "keys");
        }
        given.setProperty("tandem.config", routing.toString());
        given.setProperty("tandem.reload", "0");
        String url = db.tandemUrl();
        if (user != null && db == TestDatabase.H2) {
            url = url.substring(0, url.indexOf(';')); // the database is open; only an admin may set how it closes
        }
        return DriverManager.getConnection(url, given);
    }

    private static void insertWithoutKey(Statement statement, String table, String name, int count)
            throws SQLException {
        String columns = table.equals(SOURCE) ? "(name, qty)" : "(title, qty)";
        for (int i = 0; i < count; i++) {
            assertThat(statement.executeUpdate("INSERT INTO " + table + " " + columns + " VALUES ('" + name + "-" + i
                    + "', " + i + ")")).as("%s into %s", name, table).isEqualTo(1);
        }
    }

    /** The target's key generator as the database reports it now. */
    private static KeyGenerator generator(TestDatabase db) throws SQLException {
        try (Connection raw = db.raw()) {
            return KeyGenerator.of(raw, new Session(raw).dialect(), schema(raw, db), TableName.parse(TARGET), "id", null);
        }
    }

    private static void advanceTo(Connection raw, TestDatabase db, int largest) throws SQLException {
        KeyGenerator generator = KeyGenerator.of(raw, new Session(raw).dialect(), schema(raw, db), TableName.parse(TARGET), "id",
                new BigDecimal(largest));
        try (Statement statement = raw.createStatement()) {
            statement.execute(generator.advance());
        }
    }

    private static String schema(Connection raw, TestDatabase db) throws SQLException {
        return db == TestDatabase.MARIADB ? raw.getCatalog() : raw.getSchema();
    }

    private static List<Integer> ids(TestDatabase db, String table) throws SQLException {
        return rows(db, "SELECT id FROM " + table + " ORDER BY id");
    }

    private static List<Integer> rows(TestDatabase db, String sql) throws SQLException {
        try (Connection raw = db.raw()) {
            return rows(raw, sql);
        }
    }

    private static List<Integer> rows(Connection connection, String sql) throws SQLException {
        List<Integer> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getInt(1));
            }
        }
        return values;
    }
}
