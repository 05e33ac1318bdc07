package dev.tandem.cli;

import java.sql.SQLException;

import dev.tandem.ops.Backfill;
import dev.tandem.ops.Progress;
import dev.tandem.routing.MigrationConfig;
import dev.tandem.routing.Phase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tandem backfill ID}: copies the source's rows into the target, resumably, beside live writes. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Copy every source row of migration ID into its target through the mapping, in key order and in"
                + " chunks, overwriting the target's rows; safe beside live mirrored writes (phase dual-write, verify or"
                + " cutover). Resumes from its checkpoint (table tandem_backfill_chunk) after a kill; several processes"
                + " given the same ID share the chunks. Ends by advancing the target's key generator past the source's"
                + " largest key."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every chunk is copied", "1:a chunk could not be copied", "2:usage, routing or connection error"})
final class BackfillCommand extends OpsCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "the migration's id in the routing file")
    String id;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "the database, as the real driver's JDBC URL (a jdbc:tandem: URL is taken without tandem:)")
    String url;

    @Option(names = "--chunk", defaultValue = "1000", paramLabel = "N", description = "rows per chunk (default ${DEFAULT-VALUE})")
    int chunk;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "ROWS/S",
            description = "rows per second this process copies at most; 0: no limit (default)")
    double rate;

    @Option(names = "--workers", defaultValue = "1", paramLabel = "N",
            description = "connections copying at once in this process (default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--restart", description = "forget the checkpoint, even of a finished backfill, and copy everything again")
    boolean restart;

    @Override
    int run() throws SQLException, InterruptedException {
        if (chunk < 1 || workers < 1 || rate < 0) {
            throw new ParameterException(spec.commandLine(), "--chunk and --workers must be at least 1, --rate at least 0");
        }
        MigrationConfig migration = migration(routing(), id);
        if (!migration.phase().mirrors()) {
            throw new Failure("migration " + id + " is in phase " + migration.phase().fileName() + "; a backfill runs in"
                    + " dual-write, verify or cutover, when every write reaches both tables"
                    + (migration.phase() == Phase.OFF ? " (move it to dual-write first)" : " (target-only no longer"
                    + " writes the source, which would overwrite newer rows of the target)"));
        }
        var connections = connections(url);
        Progress progress = new Progress(out(), System.console() != null, "backfill " + id);
        Backfill.Result result = new Backfill(connections, migration.migration(),
                new Backfill.Options(chunk, rate, workers, restart, processName()), progress).run();
        if (!result.alreadyDone()) {
            progress.line(String.format("done: %d chunks; this process copied %d of them, %,d rows in %.1f s;"
                    + " key generator: %s", result.chunks(), result.copiedHere().size(), result.rowsHere(),
                    progress.seconds(), result.keyGenerator() != null ? result.keyGenerator()
                            : "advanced by the process that finished"));
        }
        return OK;
    }
}
