package dev.tandem.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** One run of the {@code tandem} command in-process: its exit code and what it printed on each stream. */
record CommandRun(int exit, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new TandemCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    /** The lines printed on standard error, for "one line" checks. */
    long errLines() {
        return err.lines().count();
    }
}
