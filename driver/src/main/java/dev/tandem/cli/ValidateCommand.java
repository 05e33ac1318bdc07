package dev.tandem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tandem.jdbc.LiveDatabase;
import dev.tandem.jdbc.TandemUrl;
import dev.tandem.routing.MigrationConfig;
import dev.tandem.routing.Phase;
import dev.tandem.routing.Routing;
import dev.tandem.routing.RoutingException;
import dev.tandem.routing.RoutingProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tandem validate}: the routing file or directory read and checked as the driver reads it, and with
 * {@code --url} each migration checked against the live schema and, from cutover on, the target's key
 * generator against the source's largest key. Every problem is printed with its file and line.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check the routing file(s) as the driver reads them, and with --url against the live schema:"
                + " tables, key, mapped columns, types, and from cutover on the target's key generator."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check passed", "1:found a problem (each printed with file and line)",
            "2:usage error, no such file, or cannot connect"})
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE|DIR",
            description = "routing file, or directory of *.yaml (default: the tandem.config system property, else"
                    + " TANDEM_CONFIG)")
    Path config;

    @Option(names = "--url", paramLabel = "URL",
            description = "a database to check the migrations against: the real driver's URL, or a jdbc:tandem: one")
    String url;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path path = RoutingPath.of(config);
        String unreadable = RoutingPath.problem(path);
        if (unreadable != null) {
            err.println("tandem validate: " + unreadable);
            return 2;
        }
        Routing routing;
        try {
            routing = Routing.load(path);
        } catch (RoutingException e) {
            e.problems().forEach(out::println);
            out.println(count(e.problems().size()) + " in " + path);
            return 1;
        }
        List<RoutingProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (url != null) {
            try (LiveDatabase database = LiveDatabase.connect(url)) {
                live(routing, database, problems, notes);
            } catch (SQLException e) {
                err.println("tandem validate: " + oneLine(e.getMessage()));
                return 2;
            }
        }
        notes.forEach(out::println);
        if (!problems.isEmpty()) {
            problems.forEach(out::println);
            out.println(count(problems.size()) + " in " + path + (url == null ? "" : " against " + masked(url)));
            return 1;
        }
        List<String> phases = new ArrayList<>();
        for (MigrationConfig migration : routing.migrations()) {
            phases.add(migration.id() + " " + migration.phase().fileName());
        }
        out.println("ok: " + path + ": " + routing.migrations().size()
                + (routing.migrations().size() == 1 ? " migration" : " migrations")
                + (phases.isEmpty() ? "" : " (" + String.join(", ", phases) + ")")
                + (url == null ? "" : "; the live schema of " + masked(url) + " fits"));
        return 0;
    }

    /** The live-schema check of every migration, and from cutover on the target's key generator. */
    private static void live(Routing routing, LiveDatabase database, List<RoutingProblem> problems, List<String> notes)
            throws SQLException {
        for (MigrationConfig migration : routing.migrations()) {
            List<String> found = database.schemaProblems(migration.migration());
            for (String problem : found) {
                problems.add(new RoutingProblem(migration.file(), migration.line(), problem));
            }
            Phase phase = migration.phase();
            if (!found.isEmpty() || phase != Phase.CUTOVER && phase != Phase.TARGET_ONLY) {
                continue;
            }
            KeyGenerators.Finding generator = KeyGenerators.check(database, migration.migration());
            if (generator.lagging() && phase == Phase.TARGET_ONLY) {
                problems.add(new RoutingProblem(migration.file(), migration.line(), "migration " + migration.id()
                        + " is in target-only: " + generator.text()));
            } else {
                // in cutover mirrored inserts carry the source's keys, which leave the target's generator behind:
                // normal until the step to target-only, which this check then refuses
                notes.add(migration.id() + ": " + generator.text()
                        + (generator.lagging() ? " (to do before target-only)" : ""));
            }
        }
    }

    private static String count(int problems) {
        return problems + (problems == 1 ? " problem" : " problems");
    }

    private static String masked(String url) {
        return TandemUrl.mask(url);
    }

    static String oneLine(String message) {
        return String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
