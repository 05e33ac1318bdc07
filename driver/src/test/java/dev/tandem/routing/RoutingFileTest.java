package dev.tandem.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading the routing file: what is applied, what is refused, and the audit line of each. */
class RoutingFileTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aValidStep_isApplied_andAudited_withTimeMigrationPhasesAndChecksum() throws Exception {
        Path file = write(routing("dual-write", ""));
        RoutingFile routing = new RoutingFile(file, CLOCK);
        assertThat(routing.recentAudit()).singleElement().asString()
                .contains("time=2026-11-21T10:00:00Z", "result=loaded", "migration=users-v2", "from=-", "to=dual-write");

        assertThat(routing.reload().outcome()).isEqualTo(RoutingFile.Outcome.UNCHANGED);
        write(routing("verify", ""));
        RoutingFile.Reload reload = routing.reload();

        assertThat(reload.outcome()).isEqualTo(RoutingFile.Outcome.APPLIED);
        assertThat(routing.current().migration("users-v2").phase()).isEqualTo(Phase.VERIFY);
        assertThat(routing.recentAudit()).last().asString().contains("result=applied", "migration=users-v2",
                "from=dual-write", "to=verify", "checksum=" + routing.current().checksum());
    }

    @Test
    void aSkippedStep_isRefused_andTheLastGoodRoutingStays_untilForced() throws Exception {
        Path file = write(routing("dual-write", ""));
        RoutingFile routing = new RoutingFile(file, CLOCK);
        Routing good = routing.current();

        write(routing("cutover", ""));
        RoutingFile.Reload reload = routing.reload();

        assertThat(reload.outcome()).isEqualTo(RoutingFile.Outcome.REFUSED);
        assertThat(reload.message()).contains("cannot go from dual-write to cutover", "one step at a time");
        assertThat(routing.current()).isSameAs(good);
        assertThat(routing.recentAudit()).last().asString().contains("result=refused", "migration=users-v2",
                "reason=", "one step at a time");
        // Not read again, nor audited again, until the file changes.
        assertThat(routing.reload().outcome()).isEqualTo(RoutingFile.Outcome.UNCHANGED);
        assertThat(routing.recentAudit()).hasSize(2);

        write(routing("cutover", "    force: true\n"));
        assertThat(routing.reload().outcome()).isEqualTo(RoutingFile.Outcome.APPLIED);
        assertThat(routing.current().migration("users-v2").phase()).isEqualTo(Phase.CUTOVER);
    }

    @Test
    void aBrokenFile_isRefused_withFileAndLine_andTheLastGoodRoutingStays() throws Exception {
        Path file = write(routing("dual-write", ""));
        RoutingFile routing = new RoutingFile(file, CLOCK);
        Routing good = routing.current();

        write(routing("dual-right", ""));
        RoutingFile.Reload reload = routing.reload();

        assertThat(reload.outcome()).isEqualTo(RoutingFile.Outcome.REFUSED);
        assertThat(reload.message()).contains(file + ":7", "dual-right");
        assertThat(routing.current()).isSameAs(good);
        assertThat(routing.recentAudit()).last().asString().contains("result=refused", file + ":7");
    }

    @Test
    void leavingTargetOnly_orGoingThereWhileReadsStillUseTheSource_isRefused() throws Exception {
        Path file = write(routing("cutover", "    reads: {percent: 50}\n"));
        RoutingFile routing = new RoutingFile(file, CLOCK);
        write(routing("target-only", ""));
        assertThat(routing.reload().message()).contains("send some reads to the source");

        write(routing("cutover", "    reads: {percent: 100}\n"));
        assertThat(routing.reload().outcome()).isEqualTo(RoutingFile.Outcome.APPLIED);
        write(routing("target-only", ""));
        assertThat(routing.reload().outcome()).isEqualTo(RoutingFile.Outcome.APPLIED);
        write(routing("cutover", "    reads: {percent: 100}\n"));
        assertThat(routing.reload().message()).contains("leaving target-only");
        assertThat(routing.current().migration("users-v2").phase()).isEqualTo(Phase.TARGET_ONLY);
    }

    @Test
    void openingAFile_sharesItAcrossConnections() throws Exception {
        Path file = write(routing("off", ""));
        assertThat(RoutingFile.open(file, 0)).isSameAs(RoutingFile.open(dir.resolve(".").resolve("routing.yaml"), 0));
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("routing.yaml"), text);
    }

    private static String routing(String phase, String extra) {
        return """
                migrations:
                  users-v2:
                    source: users
                    target: users_v2
                    key: [id]
                    columns: {name: full_name}
                    phase: %s
                """.formatted(phase) + extra;
    }
}
