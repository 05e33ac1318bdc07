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
    void demo_runsTheWorkloadThroughTandemAndRaw_andFindsThemIdentical() {
        String[] result = run("demo", "--requests", "300");
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1])
                .contains("jdbc:tandem:h2:mem:tandem_demo")
                .contains("TandemConnection")
                .contains("org.h2.jdbc.JdbcConnection reached through Tandem")
                .contains("identical: the application cannot tell jdbc:tandem: from the real driver")
                .doesNotContain("DIFFER");
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
