package dev.tandem.cli;

import dev.tandem.jdbc.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tandem} command: operations on migrations, shipped in the driver jar. */
@Command(name = "tandem",
        mixinStandardHelpOptions = true,
        versionProvider = TandemCommand.VersionProvider.class,
        description = "Zero-downtime table migrations through a JDBC driver.",
        subcommands = {ValidateCommand.class, ExplainCommand.class, BackfillCommand.class, VerifyCommand.class,
                StatusCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:found a problem", "2:usage or connection error"})
public final class TandemCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TandemCommand()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed");
    }

    /** The version the build wrote into the driver. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tandem " + Version.VERSION};
        }
    }
}
