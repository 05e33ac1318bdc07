package dev.tandem.cli;

import java.sql.SQLException;
import java.util.List;

import dev.tandem.jdbc.MigrationTables.DriftKind;
import dev.tandem.ops.Progress;
import dev.tandem.ops.Verify;
import dev.tandem.routing.MigrationConfig;
import dev.tandem.routing.Phase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tandem verify ID}: lists the keys where the target is not mapping(source); repairs them on request. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compare migration ID's target with mapping(source) in key order, chunk by chunk, in the database;"
                + " list the drifting keys: missing in the target, extra in the target, different. Resumes an"
                + " unfinished run; each run's result is kept in table tandem_verify_run for tandem status."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no drift", "1:drift found (also when --repair repaired it)", "2:usage, routing or connection error"})
final class VerifyCommand extends OpsCommand {

    private static final int SHOWN = 100;

    @Parameters(index = "0", paramLabel = "ID", description = "the migration's id in the routing file")
    String id;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "the database, as the real driver's JDBC URL (a jdbc:tandem: URL is taken without tandem:)")
    String url;

    @Option(names = "--chunk", defaultValue = "1000", paramLabel = "N", description = "source rows per chunk (default ${DEFAULT-VALUE})")
    int chunk;

    @Option(names = "--repair", description = "make the target equal mapping(source) for exactly the drifting keys")
    boolean repair;

    @Override
    int run() throws SQLException {
        if (chunk < 1) {
            throw new ParameterException(spec.commandLine(), "--chunk must be at least 1");
        }
        MigrationConfig migration = migration(routing(), id);
        if (repair && migration.phase() == Phase.TARGET_ONLY) {
            throw new Failure("migration " + id + " is in phase target-only: the source is no longer written, and"
                    + " --repair would overwrite newer target rows with it");
        }
        var connections = connections(url);
        Progress progress = new Progress(out(), System.console() != null, "verify " + id);
        Verify.Result result = new Verify(connections, migration.migration(), new Verify.Options(chunk, repair), progress)
                .run();
        if (result.driftCount() == 0) {
            progress.line("run " + result.run() + ": no drift in " + result.chunks() + " chunks");
            return OK;
        }
        progress.line("run " + result.run() + ": drift in " + result.chunks() + " chunks: "
                + result.drift().get(DriftKind.MISSING).size() + " missing in target, "
                + result.drift().get(DriftKind.EXTRA).size() + " extra in target, "
                + result.drift().get(DriftKind.DIFFERENT).size() + " different"
                + (repair ? "; " + result.repaired() + " repaired" : "; --repair repairs them"));
        for (DriftKind kind : DriftKind.values()) {
            List<Object[]> keys = result.drift().get(kind);
            String label = switch (kind) {
                case MISSING -> "missing in target";
                case EXTRA -> "extra in target";
                case DIFFERENT -> "different";
            };
            for (int i = 0; i < Math.min(SHOWN, keys.size()); i++) {
                out().println("  " + label + ": " + result.show(keys.get(i)));
            }
            if (keys.size() > SHOWN) {
                out().println("  " + label + ": " + (keys.size() - SHOWN) + " more (table tandem_verify_drift, run "
                        + result.run() + ")");
            }
        }
        return PROBLEM;
    }
}
