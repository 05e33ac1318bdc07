package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tandem.jdbc.TestDatabase;
import dev.tandem.routing.Cohorts;

/**
 * {@code tandem explain}: the route the driver's own decision gives a statement in each phase, with the rule
 * that chose a read's side, how a write is mirrored (per dialect) or translated, refusals, {@code --phase}
 * and {@code --migration}, and with {@code --url} on every database, where each statement shown is also run.
 */
class ExplainCommandTest {

    private static final String ROUTING = """
            migrations:
              users-v2:
                source: vx_users
                target: vx_users_v2
                key: [id]
                columns:
                  name: full_name
                  legacy_flag: null
                  status:
                    target: status_code
                    toTarget: "CAST(status AS VARCHAR(8))"
                    toSource: "CAST(status_code AS INT)"
                phase: cutover
                reads:
                  consumers: {reporting: source, checkout: target}
                  schemaVersion: 2
                  percent: 25
                verify:
                  sampleRate: 0.05
              orders-v2:
                source: vx_orders
                target: vx_orders_v2
                key: [id]
                phase: dual-write
            """;

    private static final String READ = "SELECT id, name FROM vx_users WHERE id = ?";
    private static final String READ_FROM_TARGET = "SELECT id, full_name AS name FROM vx_users_v2 vx_users WHERE id = ?";

    @TempDir
    Path dir;

    private Path routing;

    @BeforeEach
    void writeRouting() throws Exception {
        routing = Files.writeString(dir.resolve("routing.yaml"), ROUTING);
    }

    @Test
    void aRead_inEachPhase_showsTheSideAndTheRuleThatChoseIt_andTheSqlThatRuns() {
        CommandRun run = explain(READ, "--client", "checkout");
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out())
                .contains("statement read")
                .contains("names     vx_users, the source of users-v2 (cutover)")
                .contains("caller    client checkout, no schema version, no cohort")
                .contains("columns   none: postgresql without a database");
        assertThat(section(run, "off")).contains("as written: no migration it names is applied (off)");
        assertThat(section(run, "dual-write")).contains("rule      source, by phase: phase dual-write reads the source",
                "route     source (vx_users)", "sql       as written");
        assertThat(section(run, "verify")).contains("rule      source, by phase",
                "shadow    5% of these reads (users-v2 verify.sampleRate) also run on the target, and the rows are"
                        + " compared: " + READ_FROM_TARGET);
        assertThat(section(run, "cutover (in force)")).contains(
                "rule      target, by consumer: reads.consumers sends client checkout to the target",
                "route     target (vx_users_v2)", "sql       " + READ_FROM_TARGET);
        assertThat(section(run, "target-only")).contains("rule      target, by phase: phase target-only reads the target",
                "sql       " + READ_FROM_TARGET);
    }

    @Test
    void aReadInCutover_isRoutedByHintThenConsumerThenVersionThenPercent_eachRuleNamed() {
        assertThat(explain("/* tandem:route=source */ " + READ, "--client", "checkout", "--phase", "cutover").out())
                .contains("rule      source, by hint: the statement's /* tandem:route=source */");
        assertThat(explain(READ, "--client", "reporting", "--version", "3", "--phase", "cutover").out())
                .contains("rule      source, by consumer: reads.consumers sends client reporting to the source");
        assertThat(explain(READ, "--client", "billing", "--version", "3", "--phase", "cutover").out())
                .contains("rule      target, by schemaVersion: client declares schema version 3, at or above"
                        + " reads.schemaVersion 2");
        String inside = cohort(true);
        assertThat(explain(READ, "--cohort", inside, "--phase", "cutover").out())
                .contains("rule      target, by percent: cohort " + inside + " is in bucket "
                        + Cohorts.bucket("users-v2", inside) + " of 10000, below reads.percent 25 (2500)")
                .contains("sql       " + READ_FROM_TARGET);
        String outside = cohort(false);
        assertThat(explain(READ, "--cohort", outside, "--version", "1", "--phase", "cutover").out())
                .contains("rule      source, by default: no rule of reads matched (no client, schema version 1 below 2,"
                        + " cohort " + outside + " in bucket " + Cohorts.bucket("users-v2", outside)
                        + ", not below percent 25 (2500))")
                .contains("sql       as written");
    }

    @Test
    void withoutADatabase_aReadTheTargetCannotServeWithoutColumns_fallsBackToTheSource_andSaysWhy() {
        CommandRun run = explain("SELECT * FROM vx_users", "--client", "checkout", "--phase", "cutover");
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).contains("rule      target, by consumer")
                .contains("fallback  the target cannot serve it exactly (")
                .contains("route     source (vx_users)");
    }

    @Test
    void aMirroredWrite_namesHowEachDatabaseFindsTheChangedKeys() {
        String update = "UPDATE vx_users SET name = ? WHERE id = ?";
        assertThat(explain(update, "--phase", "dual-write").out())
                .contains("route     mirrored: runs as written on vx_users, the source of users-v2, then the rows it"
                        + " changed are copied by key into vx_users_v2, in the same transaction")
                .contains("capture   the driver's generated keys (id): PostgreSQL appends RETURNING id")
                .contains("copy      not shown: without a database the columns of the tables are not known");
        assertThat(explain(update, "--phase", "verify", "--dialect", "h2").out())
                .contains("capture   the driver's generated keys (id): H2 returns them for the rows inserted, updated");
        assertThat(explain("DELETE FROM vx_users WHERE id = ?", "--phase", "cutover", "--dialect", "h2").out())
                .contains("capture   the rows the delete removed, read from OLD TABLE (H2)");
        assertThat(explain(update, "--phase", "cutover", "--dialect", "mariadb").out())
                .contains("capture   a locking select of the rows its WHERE matches, run first (MariaDB");
        assertThat(explain("INSERT INTO vx_users (id, name) VALUES (?, ?)", "--phase", "cutover", "--dialect",
                "mariadb").out()).contains("capture   RETURNING id appended (MariaDB)");
        assertThat(explain("UPDATE vx_users u JOIN vx_orders o ON o.user_id = u.id SET u.name = ? WHERE o.total > ?",
                "--phase", "cutover", "--dialect", "mariadb").out())
                .contains("capture   a locking SELECT DISTINCT of the keys of the rows of u that its table references and"
                        + " WHERE match, run first (MariaDB multi-table UPDATE, which returns no rows); the statement is"
                        + " then restricted to those keys, and their rows copied");
        assertThat(explain("DELETE u FROM vx_users u JOIN vx_orders o ON o.user_id = u.id", "--phase", "verify",
                "--dialect", "mariadb").out()).contains("(MariaDB multi-table DELETE, which returns no rows)");
        assertThat(explain("INSERT INTO vx_users (id, name) VALUES (?, ?) RETURNING id, name", "--phase", "cutover")
                .out()).contains("capture   the statement's own RETURNING, which returns the key");
    }

    @Test
    void aWriteInTargetOnly_isTranslated_withItsParameterMap() {
        CommandRun run = explain("UPDATE vx_users SET name = ?, legacy_flag = ? WHERE id = ?", "--phase", "target-only");
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out())
                .contains("route     translated to the target: users-v2 is in target-only and the statement names its"
                        + " source, which is no longer written")
                .contains("sql       UPDATE vx_users_v2 SET full_name = ? WHERE id = ?")
                .contains("params    the translation's ? from the statement's: 1 <- 1, 2 <- 3");
    }

    @Test
    void aRefusedWrite_showsTheReason_andExits1_whenRefusedInThePhaseAsked() {
        CommandRun run = explain("UPDATE vx_users SET id = 5 WHERE id = 1", "--phase", "dual-write");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("refused   it changes the key column id of migration users-v2");

        CommandRun targetOnly = explain("UPDATE vx_users SET name = 'x' WHERE legacy_flag = 1", "--phase", "target-only");
        assertThat(targetOnly.exit()).isEqualTo(1);
        assertThat(targetOnly.out()).contains("refused   it names the source of migration users-v2, in phase"
                + " target-only, and cannot be translated to the target exactly");

        CommandRun walk = explain("UPDATE vx_users SET name = 'x' WHERE legacy_flag = 1");
        assertThat(walk.exit()).as("mirrored in the phase in force, refused only in target-only").isEqualTo(0);
        assertThat(section(walk, "target-only")).contains("refused");
    }

    @Test
    void phase_overridesThePhaseOfTheMigrationsNamed_andShowsOnlyThatPhase() {
        CommandRun run = explain(READ, "--client", "checkout", "--phase", "dual-write");
        assertThat(run.out()).contains("\ndual-write\n").doesNotContain("(in force)").doesNotContain("\ncutover");
        assertThat(run.out()).contains("rule      source, by phase: phase dual-write reads the source");
        assertThat(explain(READ, "--client", "checkout", "--phase", "cutover").out()).contains("\ncutover (in force)\n");
    }

    @Test
    void migration_movesOnlyThatMigration_soAJoinCanMeetTwoPhases() {
        String join = "SELECT u.name, o.id FROM vx_users u JOIN vx_orders o ON o.id = u.id";
        CommandRun run = explain(join, "--migration", "users-v2", "--phase", "target-only");
        assertThat(run.out()).contains("\nusers-v2 target-only, orders-v2 dual-write\n")
                .contains("rule      users-v2: target, by phase")
                .contains("rule      orders-v2: source, by phase: phase dual-write reads the source")
                .contains("refused   it reads tables of migrations in target-only and in dual-write, which no single side"
                        + " can serve");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void aStatementNamingNoMigratedTable_runsAsWritten() {
        CommandRun run = explain("SELECT * FROM payments");
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).contains("names     no table of a migration: it runs as written in every phase");
    }

    @Test
    void anUnknownMigration_aMalformedFile_aMissingFile_andABadPhase_exit2() throws Exception {
        CommandRun unknown = explain(READ, "--migration", "nope");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no migration nope in " + routing + "; expected one of users-v2, orders-v2");

        Path bad = Files.writeString(dir.resolve("bad.yaml"), "migrations:\n  users-v2:\n    source: vx_users\n"
                + "    target: vx_users_v2\n    key: [id]\n    phase: cutovr\n");
        CommandRun malformed = CommandRun.of("explain", "--config", bad.toString(), READ);
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).contains(bad + ":6: ").contains("cutovr");

        CommandRun missing = CommandRun.of("explain", "--config", dir.resolve("nope.yaml").toString(), READ);
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.errLines()).isEqualTo(1);

        assertThat(explain(READ, "--phase", "cutovr").exit()).isEqualTo(2);
        assertThat(explain(READ, "--dialect", "oracle").exit()).isEqualTo(2);
        assertThat(explain(READ, "--dialect", "h2", "--url", "jdbc:h2:mem:x").exit()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void withUrl_theColumnsComeFromTheDatabase_andEveryStatementShownRunsThere(TestDatabase db) throws Exception {
        try (Connection connection = db.raw(); Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS vx_users");
            ddl.execute("DROP TABLE IF EXISTS vx_users_v2");
            ddl.execute("CREATE TABLE vx_users (id BIGINT PRIMARY KEY, name VARCHAR(64), legacy_flag INT, status INT)");
            ddl.execute("CREATE TABLE vx_users_v2 (id BIGINT PRIMARY KEY, full_name VARCHAR(64), status_code VARCHAR(8))");
            ddl.execute("INSERT INTO vx_users (id, name, legacy_flag, status) VALUES (1, 'ann', 0, 3)");
        }
        String url = db.tandemUrl();

        CommandRun star = explain("SELECT * FROM vx_users WHERE id = ?", "--url", url, "--client", "checkout",
                "--phase", "cutover");
        assertThat(star.out()).as("the columns are known: the reason is the source-only column")
                .containsIgnoringCase("fallback  the target cannot serve it exactly (column legacy_flag of vx_users is"
                        + " not in vx_users_v2)");

        CommandRun read = explain("SELECT id, name, status FROM vx_users WHERE id = ?", "--url", url, "--client",
                "checkout", "--phase", "cutover");
        assertThat(read.exit()).as(read.out()).isEqualTo(0);
        assertThat(read.out()).contains("columns   from jdbc:").contains("route     target (vx_users_v2)");
        try (Connection connection = db.raw(); Statement ddl = connection.createStatement()) {
            ddl.execute("INSERT INTO vx_users_v2 (id, full_name, status_code) VALUES (1, 'ann', '3')");
            try (PreparedStatement statement = connection.prepareStatement(shown(read, "sql"))) {
                statement.setLong(1, 1);
                try (ResultSet rows = statement.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getMetaData().getColumnLabel(2)).isEqualToIgnoringCase("name");
                    assertThat(rows.getString(2)).isEqualTo("ann");
                    assertThat(rows.getInt(3)).isEqualTo(3);
                }
            }
            ddl.execute("DELETE FROM vx_users_v2");
        }

        CommandRun write = explain("UPDATE vx_users SET name = ? WHERE id = ?", "--url", url, "--phase", "dual-write");
        assertThat(write.exit()).isEqualTo(0);
        assertThat(shown(write, "capture")).contains(switch (db) {
            case H2 -> "H2 returns them";
            case POSTGRES -> "PostgreSQL appends RETURNING id";
            case MARIADB -> "SELECT vx_users.id FROM vx_users WHERE id = ? FOR UPDATE";
        });
        if (db == TestDatabase.MARIADB) {
            assertThat(write.out()).doesNotContain("autocommit");
        } else {
            String one = shown(write, "autocommit");
            one = one.substring(one.indexOf("instead: ") + "instead: ".length());
            try (Connection connection = db.raw(); PreparedStatement statement = connection.prepareStatement(one)) {
                statement.setString(1, "ann");
                statement.setLong(2, 1);
                assertThat(statement.executeUpdate()).as(one).isEqualTo(1);
                try (Statement query = connection.createStatement();
                        ResultSet row = query.executeQuery("SELECT full_name FROM vx_users_v2 WHERE id = 1")) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).isEqualTo("ann");
                }
            }
        }
        String copy = shown(write, "copy");
        copy = copy.substring(0, copy.indexOf("  (per key"));
        try (Connection connection = db.raw(); PreparedStatement statement = connection.prepareStatement(copy)) {
            statement.setLong(1, 1);
            assertThat(statement.executeUpdate()).isPositive();
            try (Statement query = connection.createStatement();
                    ResultSet row = query.executeQuery("SELECT full_name, status_code FROM vx_users_v2 WHERE id = 1")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("ann");
                assertThat(row.getString(2)).isEqualTo("3");
            }
        }

        CommandRun translated = explain("UPDATE vx_users SET name = ?, legacy_flag = ? WHERE id = ?", "--url", url,
                "--phase", "target-only");
        assertThat(shown(translated, "params")).endsWith("1 <- 1, 2 <- 3");
        try (Connection connection = db.raw(); PreparedStatement statement = connection.prepareStatement(
                shown(translated, "sql"))) {
            statement.setString(1, "bea"); // the statement's ?1
            statement.setLong(2, 1); // the statement's ?3
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private CommandRun explain(String sql, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "explain";
        args[1] = "--config";
        args[2] = routing.toString();
        args[3] = sql;
        System.arraycopy(options, 0, args, 4, options.length);
        return CommandRun.of(args);
    }

    /** The lines of the section titled {@code title}, up to the next blank line. */
    private static String section(CommandRun run, String title) {
        String out = run.out();
        int start = out.indexOf("\n" + title + "\n");
        assertThat(start).as("section " + title + " in\n" + out).isNotNegative();
        int end = out.indexOf("\n\n", start + 1);
        return out.substring(start + 1, end < 0 ? out.length() : end);
    }

    /** The text of the first line labelled {@code label}. */
    private static String shown(CommandRun run, String label) {
        return run.out().lines().map(String::strip).filter(line -> line.startsWith(label + " "))
                .map(line -> line.substring(label.length()).strip()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " line in\n" + run.out()));
    }

    /** A cohort of users-v2 whose bucket is below 25% (2500), or not. */
    private static String cohort(boolean inside) {
        return IntStream.range(0, 10_000).mapToObj(i -> "user-" + i)
                .filter(c -> Cohorts.bucket("users-v2", c) < 2_500 == inside).findFirst().orElseThrow();
    }
}
