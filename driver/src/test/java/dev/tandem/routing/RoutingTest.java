package dev.tandem.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tandem.sql.ColumnMapping;
import dev.tandem.sql.Side;
import dev.tandem.sql.TableName;

class RoutingTest {

    private static final Path SAMPLES = Path.of("..", "config-samples");

    @TempDir
    Path dir;

    @Test
    void everySample_loads() throws Exception {
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                assertThat(Routing.load(file).migrations()).as(file.toString()).isNotEmpty();
            }
        }
        Routing teams = Routing.load(SAMPLES.resolve("teams"));
        assertThat(teams.migrations()).extracting(MigrationConfig::id).containsExactly("invoices-cents", "users-v2");
        assertThat(teams.migration("users-v2").migration().source()).isEqualTo(new TableName("app", "users"));
    }

    @Test
    void theDesignExample_isReadIntoTheModel() throws Exception {
        MigrationConfig users = Routing.load(SAMPLES.resolve("users-v2.yaml")).migration("users-v2");
        assertThat(users.owner()).isEqualTo("identity-team");
        assertThat(users.phase()).isEqualTo(Phase.CUTOVER);
        assertThat(users.migration().key()).containsExactly("id");
        assertThat(users.migration().columns()).containsExactly(
                new ColumnMapping.Rename("name", "full_name"),
                new ColumnMapping.SourceOnly("legacy_flag"),
                new ColumnMapping.Computed("status", "status_code", "CAST(status AS VARCHAR(8))", "CAST(status_code AS INT)"));
        assertThat(users.reads()).isEqualTo(new ReadPolicy(Map.of("reporting", Side.SOURCE, "checkout", Side.TARGET), 2, 25));
        assertThat(users.sampleRate()).isEqualTo(0.05);
        assertThat(users.force()).isFalse();
        assertThat(users.line()).isEqualTo(3);
    }

    @Test
    void everyProblem_isReportedAtOnce_withItsLineAndTheFix() throws IOException {
        Path file = write("bad.yaml", """
                migrations:
                  users-v2:
                    source: users
                    target: users_v2
                    key: [id]
                    phsae: cutover
                    phase: cut-over
                    columns:
                      name: full_name
                      name: nick
                      email: full_name
                      status:
                        target: status_code
                        toTarget: "CAST(status AS"
                        toSource: "CAST(status_code AS INT)"
                    reads:
                      consumers: {reporting: tgt}
                      percent: 150
                    verify:
                      sampleRate: 2
                """);
        RoutingException e = catchThrowableOfType(RoutingException.class, () -> Routing.load(file));
        assertThat(e.problems()).extracting(RoutingProblem::line, p -> p.message().substring(0, Math.min(40, p.message().length())))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(6, "unknown key 'phsae' in migration users-v"),
                        org.assertj.core.groups.Tuple.tuple(10, "name appears twice in columns (lines 9 a"),
                        org.assertj.core.groups.Tuple.tuple(11, "two source columns map to target column "),
                        org.assertj.core.groups.Tuple.tuple(14, "toTarget of column status is not one SQL"),
                        org.assertj.core.groups.Tuple.tuple(7, "unknown phase 'cut-over'; expected one o"),
                        org.assertj.core.groups.Tuple.tuple(17, "consumer reporting reads from 'tgt'; exp"),
                        org.assertj.core.groups.Tuple.tuple(18, "percent '150' must be a whole number fro"),
                        org.assertj.core.groups.Tuple.tuple(20, "sampleRate '2' must be a number from 0 t"));
        assertThat(e.problems().get(0).message()).endsWith("did you mean phase?");
        assertThat(e.problems().get(4).message()).contains("did you mean cutover?");
        assertThat(e.getMessage()).startsWith("8 problems in the routing:").contains(file + ":6: unknown key 'phsae'");
    }

    @Test
    void aMigrationMissingWhatItNeeds_saysWhatToWrite() throws IOException {
        Path file = write("thin.yaml", "migrations:\n  m:\n    owner: x\n");
        RoutingException e = catchThrowableOfType(RoutingException.class, () -> Routing.load(file));
        assertThat(e.problems()).extracting(RoutingProblem::message).anySatisfy(m -> assertThat(m).contains("has no source:"))
                .anySatisfy(m -> assertThat(m).contains("has no target:")).anySatisfy(m -> assertThat(m).contains("has no key:"))
                .anySatisfy(m -> assertThat(m).contains("has no phase:"));
    }

    @Test
    void notYaml_namesTheLine() throws IOException {
        Path file = write("broken.yaml", "migrations:\n  m:\n    source: [users\n    target: x\n");
        RoutingException e = catchThrowableOfType(RoutingException.class, () -> Routing.load(file));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file.toString());
            assertThat(p.line()).isBetween(3, 5);
            assertThat(p.message()).startsWith("not valid YAML");
        });
    }

    @Test
    void filesOfADirectory_areMerged_andTablesClaimedTwice_nameBothFiles() throws IOException {
        write("a.yaml", migration("users-v2", "users", "users_v2", "off"));
        write("b.yaml", migration("users-v3", "USERS", "users_v3", "off") + "\n"
                + migration("orders-v2", "users_v2", "orders_v2", "off").replace("migrations:\n", ""));
        write("c.yaml", migration("users-v2", "accounts", "accounts_v2", "off"));
        RoutingException e = catchThrowableOfType(RoutingException.class, () -> Routing.load(dir));
        assertThat(e.problems()).extracting(RoutingProblem::toString).containsExactly(
                dir.resolve("b.yaml") + ":2: table USERS is claimed by migrations users-v2 (" + dir.resolve("a.yaml")
                        + ":2) and users-v3; a table belongs to one migration",
                dir.resolve("b.yaml") + ":8: table users_v2 is the source of orders-v2 and the target of users-v2 ("
                        + dir.resolve("a.yaml") + ":2); a table moves in one migration at a time: finish one before"
                        + " chaining the next",
                dir.resolve("c.yaml") + ":2: migration id users-v2 is also used at " + dir.resolve("a.yaml")
                        + ":2; ids are unique across all routing files");
    }

    @Test
    void aMissingPathOrAnEmptyDirectory_isReported() throws IOException {
        assertThatThrownBy(() -> Routing.load(dir.resolve("nope.yaml"))).isInstanceOf(RoutingException.class)
                .hasMessageContaining("no such file or directory");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> Routing.load(empty)).hasMessageContaining("holds no *.yaml");
    }

    @Test
    void theChecksum_followsTheContent() throws Exception {
        Path file = write("r.yaml", migration("m", "t", "t2", "off"));
        String first = Routing.load(file).checksum();
        assertThat(Routing.load(file).checksum()).isEqualTo(first).hasSize(64);
        write("r.yaml", migration("m", "t", "t2", "dual-write"));
        assertThat(Routing.load(file).checksum()).isNotEqualTo(first);
    }

    @Test
    void aPhaseChange_movesOneStep_neverLeavesTargetOnly_andReachesItOnlyWhenNoReadIsOnTheSource() throws Exception {
        Routing off = routing("off", "");
        Routing dual = routing("dual-write", "");
        Routing cutover = routing("cutover", "    reads: {percent: 50}\n");
        Routing cutoverAll = routing("cutover", "    reads: {percent: 100, consumers: {app: target}}\n");
        Routing targetOnly = routing("target-only", "");

        assertThat(off.changeProblems(dual)).isEmpty();
        assertThat(dual.changeProblems(off)).isEmpty();
        assertThat(off.changeProblems(routing("verify", ""))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("from off to verify: a phase moves one step"));
        assertThat(Routing.EMPTY.changeProblems(cutover)).hasSize(1);
        assertThat(cutover.changeProblems(targetOnly)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("send some reads to the source"));
        assertThat(cutoverAll.changeProblems(targetOnly)).isEmpty();
        assertThat(targetOnly.changeProblems(cutoverAll)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("leaving target-only"));
        assertThat(targetOnly.changeProblems(routing("cutover", "    force: true\n"))).isEmpty();
        assertThat(off.changeProblems(routing("cutover", "    force: true\n"))).isEmpty();
        assertThat(dual.changeProblems(Routing.EMPTY)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("removed while in phase dual-write; move it to off first"));
        assertThat(off.changeProblems(Routing.EMPTY)).isEmpty();
    }

    private Routing routing(String phase, String extra) throws Exception {
        Path file = write("phase-" + phase + extra.hashCode() + ".yaml", migration("m", "t", "t2", phase) + extra);
        return Routing.load(file);
    }

    private static String migration(String id, String source, String target, String phase) {
        return "migrations:\n  " + id + ":\n    source: " + source + "\n    target: " + target
                + "\n    key: [id]\n    phase: " + phase + "\n";
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
