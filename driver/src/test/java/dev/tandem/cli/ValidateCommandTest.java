package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tandem.jdbc.TestDatabase;

/**
 * {@code tandem validate}: the routing file read as the driver reads it, each problem printed with its file
 * and line; with {@code --url} the live-schema check and the target's key generator, on every database.
 */
class ValidateCommandTest {

    private static final String GOOD = """
            migrations:
              users-v2:
                owner: identity-team
                source: users
                target: users_v2
                key: [id]
                columns:
                  name: full_name
                phase: cutover
                reads: {consumers: {checkout: target}, percent: 25}
              orders-v3:
                source: orders
                target: orders_v3
                key: [id]
                phase: dual-write
            """;

    @TempDir
    Path dir;

    @Test
    void aGoodFile_isOk_inOneLine_withItsMigrationsAndPhases() throws Exception {
        Path file = write("routing.yaml", GOOD);
        CommandRun run = CommandRun.of("validate", "--config", file.toString());
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out().lines()).containsExactly("ok: " + file + ": 2 migrations (users-v2 cutover, orders-v3 dual-write)");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aFileWithSeveralProblems_printsEachWithFileAndLine_andExits1() throws Exception {
        Path file = write("routing.yaml", """
                migrations:
                  users-v2:
                    source: users
                    target: users_v2
                    key: [id]
                    phase: cutovr
                    colums: {name: full_name}
                    reads: {percent: 140}
                """);
        CommandRun run = CommandRun.of("validate", "--config", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(file + ":6: ").contains("cutovr")
                .contains(file + ":7: ").contains("colums")
                .contains(file + ":8: ").contains("140")
                .contains("3 problems in " + file);
    }

    @Test
    void aDirectoryOfTwoTeamFiles_claimingOneTable_namesBothFiles() throws Exception {
        Path teams = Files.createDirectory(dir.resolve("teams"));
        Path identity = Files.writeString(teams.resolve("identity.yaml"), """
                migrations:
                  users-v2:
                    source: users
                    target: users_v2
                    key: [id]
                    phase: dual-write
                """);
        Path billing = Files.writeString(teams.resolve("billing.yaml"), """
                migrations:
                  users-billing:
                    source: users
                    target: users_billing
                    key: [id]
                    phase: off
                """);
        CommandRun run = CommandRun.of("validate", "--config", teams.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(identity + ":2").contains(billing + ":2").contains("claimed by migrations");
    }

    @Test
    void aMissingFile_isOneLine_andExits2() {
        Path missing = dir.resolve("nope.yaml");
        CommandRun run = CommandRun.of("validate", "--config", missing.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains(missing.toString(), "no such file");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withoutConfig_theSystemPropertyNamesTheFile() throws Exception {
        Path file = write("routing.yaml", GOOD);
        String before = System.getProperty("tandem.config");
        System.setProperty("tandem.config", file.toString());
        try {
            CommandRun run = CommandRun.of("validate");
            assertThat(run.exit()).isEqualTo(0);
            assertThat(run.out()).startsWith("ok: " + file);
        } finally {
            if (before == null) {
                System.clearProperty("tandem.config");
            } else {
                System.setProperty("tandem.config", before);
            }
        }
    }

    @Test
    void aBadUrl_isOneLine_andExits2() throws Exception {
        Path file = write("routing.yaml", GOOD);
        CommandRun run = CommandRun.of("validate", "--config", file.toString(), "--url",
                "jdbc:nosuchdb://127.0.0.1/app?password=secret");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("cannot connect to jdbc:nosuchdb://127.0.0.1/app").doesNotContain("secret");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void withUrl_aTargetLackingAMappedColumn_isAProblemNamingTheColumn(TestDatabase db) throws Exception {
        try (Connection connection = db.raw(); Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS vx_people");
            ddl.execute("DROP TABLE IF EXISTS vx_people_v2");
            ddl.execute("CREATE TABLE vx_people (id BIGINT PRIMARY KEY, name VARCHAR(64))");
            ddl.execute("CREATE TABLE vx_people_v2 (id BIGINT PRIMARY KEY, fullname VARCHAR(64))");
        }
        Path file = write("routing.yaml", """
                migrations:
                  people-v2:
                    source: vx_people
                    target: vx_people_v2
                    key: [id]
                    columns: {name: full_name}
                    phase: dual-write
                """);
        CommandRun run = CommandRun.of("validate", "--config", file.toString(), "--url", db.tandemUrl());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(file + ":2: migration people-v2: target table vx_people_v2 has no column full_name")
                .contains("1 problem in " + file);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void withUrl_aTargetOnlyMigration_whoseGeneratorLagsTheSource_isAProblem_untilTheGeneratorIsAdvanced(
            TestDatabase db) throws Exception {
        String identity = db == TestDatabase.MARIADB ? "BIGINT AUTO_INCREMENT PRIMARY KEY"
                : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
        try (Connection connection = db.raw(); Statement ddl = connection.createStatement()) {
            for (String table : new String[] {"vx_accounts", "vx_accounts_v2", "vx_notes", "vx_notes_v2"}) {
                ddl.execute("DROP TABLE IF EXISTS " + table);
            }
            ddl.execute("CREATE TABLE vx_accounts (id " + identity + ", name VARCHAR(64))");
            ddl.execute("CREATE TABLE vx_accounts_v2 (id " + identity + ", full_name VARCHAR(64))");
            ddl.execute("CREATE TABLE vx_notes (id BIGINT PRIMARY KEY, body VARCHAR(64))");
            ddl.execute("CREATE TABLE vx_notes_v2 (id BIGINT PRIMARY KEY, body VARCHAR(64))");
            ddl.execute("INSERT INTO vx_accounts (id, name) VALUES (10, 'a'), (20, 'b'), (100, 'c')");
        }
        Path file = write("routing.yaml", """
                migrations:
                  accounts-v2:
                    source: vx_accounts
                    target: vx_accounts_v2
                    key: [id]
                    columns: {name: full_name}
                    phase: target-only
                  notes-v2:
                    source: vx_notes
                    target: vx_notes_v2
                    key: [id]
                    phase: cutover
                """);
        CommandRun lagging = CommandRun.of("validate", "--config", file.toString(), "--url", db.tandemUrl());
        assertThat(lagging.exit()).isEqualTo(1);
        assertThat(lagging.out())
                .contains(file + ":2: migration accounts-v2 is in target-only: target key vx_accounts_v2.id issues 1"
                        + " next, but the source's largest key is 100")
                .contains("notes-v2: no generator on the target's key (vx_notes_v2.id)")
                .contains("1 problem in " + file);

        String advance = lagging.out().lines().filter(line -> line.contains("by hand: ")).findFirst().orElseThrow();
        try (Connection connection = db.raw(); Statement statement = connection.createStatement()) {
            statement.execute(advance.substring(advance.indexOf("by hand: ") + "by hand: ".length()));
        }
        CommandRun advanced = CommandRun.of("validate", "--config", file.toString(), "--url", db.tandemUrl());
        assertThat(advanced.exit()).as(advanced.out()).isEqualTo(0);
        assertThat(advanced.out())
                .contains("accounts-v2: target key vx_accounts_v2.id issues 101 next, past the source's largest key 100")
                .contains("ok: " + file + ": 2 migrations (accounts-v2 target-only, notes-v2 cutover); the live schema of");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
