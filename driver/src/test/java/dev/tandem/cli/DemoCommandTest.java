package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class DemoCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new TandemCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void demo_walksALiveWorkloadThroughEveryPhase_andFindsNoDrift() {
        String[] result = run("demo", "--rows", "5000", "--step", "400", "--threads", "3");
        assertThat(result[0]).as(result[1] + result[2]).isEqualTo("0");
        assertThat(result[1])
                .contains("[off]", "[dual-write]", "[backfill]", "[verify]", "[verify verify: {sampleRate: 0.2}]",
                        "[cutover reads: {percent: 10}]", "[cutover reads: {percent: 50}]",
                        "[cutover reads: {percent: 100}]", "[target-only]")
                .containsPattern("backfill\\]")
                .containsPattern("[0-9,]+ rows in [0-9]+ chunks")
                .contains("0 drifting rows")
                .contains("orders kept")
                .contains("untouched since target-only: yes")
                .contains("throughput per phase")
                .contains("drift found by verify: 0 rows; workload errors: 0")
                .contains("done: the table moved to its new shape under live traffic, with nothing lost");
        assertThat(result[1]).as("each phase change applied").doesNotContain("REFUSED");
    }

    @Test
    void noSubcommand_isAUsageError_withExitCode2() {
        String[] result = run();
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("a subcommand is needed").contains("demo");
    }

    @Test
    void version_printsTheBuildsVersion() {
        String[] result = run("--version");
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).startsWith("tandem ").doesNotContain("${");
    }
}
