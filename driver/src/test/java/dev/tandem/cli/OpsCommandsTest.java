package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The error paths of backfill, verify and status: a one-line reason on stderr and exit code 2. */
class OpsCommandsTest {

    @TempDir
    Path dir;

    private Path routing() throws Exception {
        Path routing = dir.resolve("routing.yaml");
        Files.writeString(routing, """
                migrations:
                  users-v2:
                    source: bf_users
                    target: bf_users_v2
                    key: [id]
                    phase: dual-write
                  orders-v2:
                    source: bf_orders
                    target: bf_orders_v2
                    key: [id]
                    phase: off
                """);
        return routing;
    }

    private static void assertUsageError(OpsFixture.Run run, String reason) {
        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines().toList()).as(run.toString()).hasSize(1);
        assertThat(run.err()).contains(reason);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"backfill", "verify", "status"})
    void aUrlNoDriverTakes_isAConnectionError(String command) throws Exception {
        List<String> args = command.equals("status") ? List.of(command) : List.of(command, "users-v2");
        OpsFixture.Run run = OpsFixture.tandem(concat(args, "--url", "jdbc:nosuchdb://db/app?password=secret",
                "--config", routing().toString()));
        assertUsageError(run, "cannot connect to jdbc:nosuchdb://db/app?password=***");
        assertThat(run.err()).doesNotContain("secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"backfill", "verify", "status"})
    void aUrlThatIsNotJdbc_isAUsageError(String command) throws Exception {
        List<String> args = command.equals("status") ? List.of(command) : List.of(command, "users-v2");
        assertUsageError(OpsFixture.tandem(concat(args, "--url", "postgresql://db/app", "--config", routing().toString())),
                "is not a JDBC URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"backfill", "verify"})
    void anUnknownMigration_isAUsageError_namingTheKnownOnes(String command) throws Exception {
        assertUsageError(OpsFixture.tandem(command, "users-v3", "--url", "jdbc:h2:mem:ops", "--config", routing().toString()),
                "no migration users-v3 in the routing; it has users-v2, orders-v2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"backfill", "verify", "status"})
    void aMalformedRoutingFile_isAUsageError_withFileAndLine(String command) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "migrations:\n  users-v2:\n    source: a\n    target: b\n    key: [id]\n    phase: dual-right\n");
        List<String> args = command.equals("status") ? List.of(command) : List.of(command, "users-v2");
        assertUsageError(OpsFixture.tandem(concat(args, "--url", "jdbc:h2:mem:ops", "--config", bad.toString())),
                "bad.yaml:6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"backfill", "verify", "status"})
    void aMissingRoutingFile_isAUsageError(String command) {
        List<String> args = command.equals("status") ? List.of(command) : List.of(command, "users-v2");
        assertUsageError(OpsFixture.tandem(concat(args, "--url", "jdbc:h2:mem:ops", "--config",
                dir.resolve("none.yaml").toString())), "no such file or directory");
    }

    @Test
    void backfill_ofAMigrationInPhaseOff_isRefused() throws Exception {
        assertUsageError(OpsFixture.tandem("backfill", "orders-v2", "--url", "jdbc:h2:mem:ops", "--config",
                routing().toString()), "move it to dual-write first");
    }

    @Test
    void backfill_ofAMigrationWhoseTablesAreNotThere_isRefusedWithTheSchemaCheck() throws Exception {
        assertUsageError(OpsFixture.tandem("backfill", "users-v2", "--url", "jdbc:h2:mem:ops", "--config",
                routing().toString()), "migration users-v2 does not fit the database");
    }

    @ParameterizedTest
    @ValueSource(strings = {"backfill", "verify"})
    void withoutAnId_isAUsageError(String command) throws Exception {
        OpsFixture.Run run = OpsFixture.tandem(command, "--url", "jdbc:h2:mem:ops", "--config", routing().toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'ID'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"backfill", "verify", "status"})
    void help_describesTheCommand_andItsExitCodes(String command) {
        OpsFixture.Run run = OpsFixture.tandem(command, "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: tandem " + command).contains("--config").contains("--url")
                .contains("Exit codes:");
    }

    @Test
    void status_withoutUrl_showsEveryMigrationsPhase() throws Exception {
        OpsFixture.Run run = OpsFixture.tandem("status", "--config", routing().toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("2 migrations").contains("users-v2: bf_users -> bf_users_v2")
                .contains("phase:    dual-write").contains("phase:    off").contains("backfill: unknown (give --url)")
                .contains("reads:    not reachable from this process");
    }

    private static String[] concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
