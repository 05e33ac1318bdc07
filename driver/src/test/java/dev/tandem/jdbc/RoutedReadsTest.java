package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;


import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tandem.Tandem;
import dev.tandem.routing.Cohorts;
import dev.tandem.routing.RoutingFile;

/**
 * Reads through a connection with a routing file, on every database: which table each phase and
 * each rule of the read policy serves them from, prepared statements routed at each execution, a
 * transaction keeping its routing across a reload, shadow reads in verify, and the JMX counters.
 * The two tables hold different names for the same ids, so every answer says which table served it.
 */
class RoutedReadsTest {

    private static final String SOURCE_NAME = "ann";
    private static final String TARGET_NAME = "ann (target)";

    @TempDir
    Path dir;

    private Path routing;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void off_runsEveryStatementAsWritten(TestDatabase db) throws Exception {
        setUp(db, true, "off", "");
        try (Connection connection = connect(db)) {
            assertThat(name(connection, "SELECT name FROM rt_users WHERE id = 1")).isEqualTo(SOURCE_NAME);
            assertThat(name(connection, "SELECT full_name FROM rt_users_v2 WHERE id = 1")).isEqualTo(TARGET_NAME);
            try (Statement statement = connection.createStatement()) {
                assertThat(statement.executeUpdate("UPDATE rt_users SET legacy_flag = 1 WHERE id = 1")).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dualWrite_servesReadsOfEitherTableFromTheSource_andAHintedReadFromTheTarget(TestDatabase db) throws Exception {
        setUp(db, true, "dual-write", "");
        try (Connection connection = connect(db)) {
            assertThat(name(connection, "SELECT name FROM rt_users WHERE id = 1")).isEqualTo(SOURCE_NAME);
            assertThat(name(connection, "SELECT full_name FROM rt_users_v2 WHERE id = 1")).isEqualTo(SOURCE_NAME);
            assertThat(name(connection, "/* tandem:route=target */ SELECT name FROM rt_users WHERE id = 1"))
                    .isEqualTo(TARGET_NAME);
            MigrationMonitor monitor = monitor();
            assertThat(monitor.getReadsFromSource()).isEqualTo(2);
            assertThat(monitor.getReadsFromTarget()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dualWrite_mirrorsWrites_andRefusesOneThatCannotBeMirrored_beforeAnythingIsWritten(TestDatabase db)
            throws Exception {
        setUp(db, false, "dual-write", "");
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE rt_users SET name = 'changed' WHERE id = 1")).isEqualTo(1);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rt_users_v2 (id, full_name) VALUES (?, ?)")) {
                insert.setInt(1, 3);
                insert.setString(2, "cy");
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE rt_users SET id = 5 WHERE id = 1"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("refused, nothing was run", "rt_users", "users-v2", "key column");
            assertThat(name(connection, "/* tandem:route=target */ SELECT name FROM rt_users WHERE id = 1"))
                    .isEqualTo("changed");
            assertThat(name(connection, "SELECT name FROM rt_users WHERE id = 3")).isEqualTo("cy");
            assertThat(count(connection, "rt_users_v2")).isEqualTo(3);
            assertThat(monitor().getMirroredWrites()).isEqualTo(2);
            assertThat(monitor().getRefusedStatements()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void cutover_followsHintThenConsumerThenVersionThenPercent(TestDatabase db) throws Exception {
        setUp(db, true, "cutover", "    reads: {consumers: {reporting: source, checkout: target}, schemaVersion: 2, percent: 50}\n");
        String sql = "SELECT name FROM rt_users WHERE id = 1";
        try (Connection checkout = connect(db, "tandem.client", "checkout");
                Connection reporting = connect(db, "tandem.client", "reporting", "tandem.schemaVersion", "3");
                Connection v2 = connect(db, "tandem.schemaVersion", "2");
                Connection plain = connect(db)) {
            assertThat(name(checkout, sql)).isEqualTo(TARGET_NAME);
            assertThat(name(checkout, "/* tandem:route=source */ " + sql)).isEqualTo(SOURCE_NAME);
            assertThat(name(reporting, sql)).isEqualTo(SOURCE_NAME);
            assertThat(name(v2, sql)).isEqualTo(TARGET_NAME);
            assertThat(name(plain, sql)).as("no cohort").isEqualTo(SOURCE_NAME);

            plain.setClientInfo("tandem.cohort", cohort(true));
            assertThat(name(plain, sql)).isEqualTo(TARGET_NAME);
            plain.setClientInfo("tandem.cohort", cohort(false));
            assertThat(name(plain, sql)).isEqualTo(SOURCE_NAME);
            assertThat(Tandem.withCohort(cohort(true), () -> name(plain, sql))).as("withCohort wins")
                    .isEqualTo(TARGET_NAME);
        }
    }

    /** H2 has no client info {@code ApplicationName}. */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRES", "MARIADB"})
    void theConsumer_defaultsToTheApplicationName(TestDatabase db) throws Exception {
        setUp(db, true, "cutover", "    reads: {consumers: {checkout: target}}\n");
        try (Connection connection = connect(db)) {
            String sql = "SELECT name FROM rt_users WHERE id = 1";
            assertThat(name(connection, sql)).isEqualTo(SOURCE_NAME);
            connection.setClientInfo("ApplicationName", "checkout");
            assertThat(name(connection, sql)).isEqualTo(TARGET_NAME);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void targetOnly_servesReadsOfTheSourceFromTheTarget_translated(TestDatabase db) throws Exception {
        setUp(db, true, "target-only", "");
        try (Connection connection = connect(db)) {
            assertThat(name(connection, "SELECT name FROM rt_users WHERE id = 1")).isEqualTo(TARGET_NAME);
            assertThat(name(connection, "SELECT name FROM rt_users WHERE status = 1")).isEqualTo(TARGET_NAME);
            assertThat(name(connection, "/* tandem:route=source */ SELECT name FROM rt_users WHERE id = 1"))
                    .as("target-only ignores a source hint: the source is no longer written").isEqualTo(TARGET_NAME);
            try (Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeQuery("SELECT legacy_flag FROM rt_users WHERE id = 1"))
                        .hasMessageContaining("refused, nothing was run", "cannot be served from the target");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPreparedRead_isRoutedAtEachExecution_withItsParameters(TestDatabase db) throws Exception {
        setUp(db, true, "cutover", "    reads: {percent: 50}\n");
        try (Connection connection = connect(db);
                PreparedStatement read = connection.prepareStatement("SELECT name FROM rt_users WHERE id = ?")) {
            read.setInt(1, 1);
            connection.setClientInfo("tandem.cohort", cohort(true));
            assertThat(name(read)).isEqualTo(TARGET_NAME);
            connection.setClientInfo("tandem.cohort", cohort(false));
            assertThat(name(read)).isEqualTo(SOURCE_NAME);
            connection.setClientInfo("tandem.cohort", cohort(true));
            read.setInt(1, 2);
            assertThat(name(read)).isEqualTo("bob (target)");
            assertThat(read.getResultSet()).isNotNull();
        }
    }

    /**
     * A prepared statement run again, and the same text prepared again, after the current schema changed: the
     * verdict is the one for the schema of the moment, not the one the statement was first routed in (the
     * routing names its tables with their schema, so {@code rt_users} of another schema is not migrated).
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRES"})
    void aPreparedRead_runAfterTheSchemaChanged_isRoutedForTheNewSchema(TestDatabase db) throws Exception {
        setUp(db, true, "cutover", "    reads: {percent: 100}\n");
        String home = db == TestDatabase.H2 ? "PUBLIC" : "public";
        Files.writeString(routing, Files.readString(routing).replace("source: rt_users", "source: " + home + ".rt_users")
                .replace("target: rt_users_v2", "target: " + home + ".rt_users_v2"));
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS rt_other");
            statement.execute("DROP TABLE IF EXISTS rt_other.rt_users");
            statement.execute("CREATE TABLE rt_other.rt_users (id INT PRIMARY KEY, name VARCHAR(40))");
            statement.execute("INSERT INTO rt_other.rt_users VALUES (1, 'other ann')");
        }
        String sql = "SELECT name FROM rt_users WHERE id = ?";
        String other = db == TestDatabase.H2 ? "SET SCHEMA rt_other" : "SET search_path TO rt_other";
        String back = db == TestDatabase.H2 ? "SET SCHEMA PUBLIC" : "SET search_path TO public";
        try (Connection connection = connect(db); Statement statement = connection.createStatement();
                PreparedStatement read = connection.prepareStatement(sql)) {
            read.setInt(1, 1);
            assertThat(name(read)).isEqualTo(TARGET_NAME);
            statement.execute(other);
            assertThat(name(read)).as("the other schema's rt_users, which no migration names").isEqualTo("other ann");
            try (PreparedStatement again = connection.prepareStatement(sql)) {
                again.setInt(1, 1);
                assertThat(name(again)).isEqualTo("other ann");
            }
            statement.execute(back);
            assertThat(name(read)).isEqualTo(TARGET_NAME);
            try (PreparedStatement again = connection.prepareStatement(sql)) {
                again.setInt(1, 1);
                assertThat(name(again)).isEqualTo(TARGET_NAME);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTransaction_keepsTheRoutingItStartedWith_acrossAReload(TestDatabase db) throws Exception {
        setUp(db, true, "cutover", "    reads: {percent: 100}\n");
        RoutingFile file = RoutingFile.open(routing, 0);
        String sql = "SELECT name FROM rt_users WHERE id = 1";
        try (Connection connection = connect(db)) {
            connection.setAutoCommit(false);
            assertThat(name(connection, sql)).isEqualTo(TARGET_NAME);
            writeRouting("cutover", "    reads: {percent: 0}\n");
            assertThat(file.reload().outcome()).isEqualTo(RoutingFile.Outcome.APPLIED);
            connection.setAutoCommit(false); // does not change the mode, so does nothing
            assertThat(name(connection, sql)).as("same transaction").isEqualTo(TARGET_NAME);
            connection.commit();
            assertThat(name(connection, sql)).as("next transaction").isEqualTo(SOURCE_NAME);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTransactionOpenedAndEndedInSql_keepsOneRouting_andEndsIt(TestDatabase db) throws Exception {
        setUp(db, true, "cutover", "    reads: {percent: 100}\n");
        RoutingFile file = RoutingFile.open(routing, 0);
        String sql = "SELECT name FROM rt_users WHERE id = 1";
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
            assertThat(name(connection, sql)).isEqualTo(TARGET_NAME);
            writeRouting("cutover", "    reads: {percent: 0}\n");
            assertThat(file.reload().outcome()).isEqualTo(RoutingFile.Outcome.APPLIED);
            assertThat(name(connection, sql)).as("same transaction").isEqualTo(TARGET_NAME);
            statement.execute("COMMIT");
            assertThat(name(connection, sql)).as("after COMMIT sent as SQL").isEqualTo(SOURCE_NAME);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void underAConcurrentWorkload_noTransactionEverReadsBothTables(TestDatabase db) throws Exception {
        setUp(db, true, "cutover", "    reads: {percent: 100}\n");
        RoutingFile file = RoutingFile.open(routing, 0);
        int workers = 8;
        int transactions = 40;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch started = new CountDownLatch(workers);
        List<Future<int[]>> results = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            results.add(pool.submit(() -> {
                int[] seen = new int[2];
                try (Connection connection = connect(db)) {
                    connection.setAutoCommit(false);
                    started.countDown();
                    for (int t = 0; t < transactions; t++) {
                        String first = name(connection, "SELECT name FROM rt_users WHERE id = 1");
                        String second = name(connection, "SELECT full_name FROM rt_users_v2 WHERE id = 1");
                        assertThat(second).as("both reads of one transaction from one table").isEqualTo(first);
                        seen[first.equals(TARGET_NAME) ? 1 : 0]++;
                        connection.commit();
                    }
                }
                return seen;
            }));
        }
        started.await();
        for (int flip = 0; flip < 60; flip++) {
            writeRouting("cutover", "    reads: {percent: " + (flip % 2 == 0 ? 0 : 100) + "}\n");
            assertThat(file.reload().outcome()).isEqualTo(RoutingFile.Outcome.APPLIED);
        }
        pool.shutdown();
        int total = 0;
        for (Future<int[]> result : results) {
            int[] seen = result.get();
            total += seen[0] + seen[1];
        }
        assertThat(total).isEqualTo(workers * transactions);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void verify_comparesAShadowReadOnTheTarget_andTheApplicationGetsTheSourceRows(TestDatabase db) throws Exception {
        setUp(db, false, "verify", "    verify: {sampleRate: 1.0}\n");
        String sql = "SELECT id, name, status FROM rt_users ORDER BY id";
        try (Connection connection = connect(db)) {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("name")).isEqualTo(SOURCE_NAME);
            }
            try (PreparedStatement read = connection.prepareStatement("SELECT name FROM rt_users WHERE id = ?")) {
                read.setInt(1, 2);
                assertThat(name(read)).isEqualTo("bob");
            }
            MigrationMonitor monitor = monitor();
            assertThat(monitor.getShadowReads()).isEqualTo(2);
            assertThat(monitor.getShadowMismatches()).isZero();
            assertThat(monitor.getShadowFailures()).isZero();

            try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
                statement.executeUpdate("UPDATE rt_users_v2 SET full_name = 'drifted' WHERE id = 2");
            }
            connection.setAutoCommit(false);
            assertThat(name(connection, "SELECT name FROM rt_users WHERE id = 2")).isEqualTo("bob");
            assertThat(name(connection, "SELECT name FROM rt_users WHERE id = 1")).isEqualTo(SOURCE_NAME);
            connection.commit();
            assertThat(monitor.getShadowReads()).isEqualTo(4);
            assertThat(monitor.getShadowMismatches()).isEqualTo(1);
            assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(monitor.objectName(), "ShadowMismatches"))
                    .isEqualTo(1L);
            assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(monitor.objectName(), "Phase"))
                    .isEqualTo("verify");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMigrationFailingTheLiveSchemaCheck_isTreatedAsOff_andJmxSaysWhy(TestDatabase db) throws Exception {
        setUp(db, true, "target-only", "");
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            statement.execute("ALTER TABLE rt_users_v2 DROP COLUMN full_name");
        }
        try (Connection connection = connect(db)) {
            assertThat(name(connection, "SELECT name FROM rt_users WHERE id = 1")).isEqualTo(SOURCE_NAME);
            try (Statement statement = connection.createStatement()) {
                assertThat(statement.executeUpdate("UPDATE rt_users SET legacy_flag = 1 WHERE id = 1")).isEqualTo(1);
            }
            assertThat(monitor().getSchemaCheck()).contains("migration users-v2", "full_name");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void ddlThroughTandem_namingAMigratedTable_runs_andTheSchemaIsCheckedAgain(TestDatabase db) throws Exception {
        setUp(db, true, "target-only", "");
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            assertThat(name(connection, "SELECT name FROM rt_users WHERE id = 1")).isEqualTo(TARGET_NAME);
            assertThat(monitor().getSchemaCheck()).endsWith(": ok");

            statement.execute("ALTER TABLE rt_users_v2 DROP COLUMN full_name");

            assertThat(name(connection, "SELECT name FROM rt_users WHERE id = 1")).isEqualTo(SOURCE_NAME);
            assertThat(monitor().getSchemaCheck()).contains("full_name");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStatementPreparedWhileItsMigrationWasOff_isRoutedOnceDdlBringsItIn(TestDatabase db) throws Exception {
        setUp(db, true, "target-only", "");
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            statement.execute("ALTER TABLE rt_users_v2 DROP COLUMN full_name");
        }
        try (Connection connection = connect(db); Statement ddl = connection.createStatement();
                PreparedStatement read = connection.prepareStatement("SELECT name FROM rt_users WHERE id = ?")) {
            read.setInt(1, 1);
            assertThat(name(read)).as("failing the schema check: off").isEqualTo(SOURCE_NAME);

            ddl.execute("ALTER TABLE rt_users_v2 ADD COLUMN full_name VARCHAR(40)");

            assertThat(name(read)).as("from the target, whose new column is empty").isNull();
        }
    }

    @org.junit.jupiter.api.Test
    void aDataSource_isRoutedToo() throws Exception {
        setUp(TestDatabase.H2, true, "target-only", "");
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(TestDatabase.H2.rawUrl());
        Properties tandem = new Properties();
        tandem.setProperty("tandem.config", routing.toString());
        tandem.setProperty("tandem.reload", "0");
        try (Connection connection = new TandemDataSource(h2, tandem).getConnection()) {
            assertThat(name(connection, "SELECT name FROM rt_users WHERE id = 1")).isEqualTo(TARGET_NAME);
        }
    }

    // ------------------------------------------------------------------ fixture

    /** Source and target with ids 1 and 2; the target's names differ unless {@code same}. */
    private void setUp(TestDatabase db, boolean distinct, String phase, String extra) throws Exception {
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS rt_users");
            statement.execute("DROP TABLE IF EXISTS rt_users_v2");
            statement.execute("CREATE TABLE rt_users (id INT PRIMARY KEY, name VARCHAR(40), status INT, legacy_flag INT)");
            statement.execute("CREATE TABLE rt_users_v2 (id INT PRIMARY KEY, full_name VARCHAR(40),"
                    + " status_code VARCHAR(8), note VARCHAR(20) DEFAULT 'new')");
            statement.execute("INSERT INTO rt_users VALUES (1, 'ann', 1, 0), (2, 'bob', 2, 1)");
            String suffix = distinct ? " (target)" : "";
            statement.execute("INSERT INTO rt_users_v2 (id, full_name, status_code) VALUES (1, 'ann" + suffix
                    + "', '1'), (2, 'bob" + suffix + "', '2')");
        }
        routing = dir.resolve("routing.yaml");
        writeRouting(phase, extra);
    }

    private void writeRouting(String phase, String extra) throws IOException {
        Files.writeString(routing, """
                migrations:
                  users-v2:
                    source: rt_users
                    target: rt_users_v2
                    key: [id]
                    columns:
                      name: full_name
                      legacy_flag: null
                      status: {target: status_code, toTarget: "CAST(status AS VARCHAR(8))", toSource: "CAST(status_code AS INT)"}
                    phase: %s
                """.formatted(phase) + extra);
    }

    private Connection connect(TestDatabase db, String... properties) throws SQLException {
        Properties given = new Properties();
        given.setProperty("tandem.config", routing.toString());
        given.setProperty("tandem.reload", "0");
        for (int i = 0; i < properties.length; i += 2) {
            given.setProperty(properties[i], properties[i + 1]);
        }
        return DriverManager.getConnection(db.tandemUrl(), given);
    }

    private MigrationMonitor monitor() throws Exception {
        return MigrationMonitor.of(RoutingFile.open(routing, 0), "users-v2");
    }

    private static String cohort(boolean inHalf) {
        for (int i = 0; ; i++) {
            if (Cohorts.inPercent("users-v2", "user-" + i, 50) == inHalf) {
                return "user-" + i;
            }
        }
    }

    private static String name(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }

    private static String name(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static int count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

}
