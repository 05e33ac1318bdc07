package dev.tandem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.tandem.jdbc.Explanation;
import dev.tandem.jdbc.LiveDatabase;
import dev.tandem.routing.MigrationConfig;
import dev.tandem.routing.Phase;
import dev.tandem.routing.Routing;
import dev.tandem.routing.RoutingException;
import dev.tandem.sql.Dialect;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code tandem explain SQL}: what the driver would do with one statement, phase by phase, decided by the
 * driver's own routing code: the side a read is served from and the rule that chose it, the SQL that runs,
 * how a mirrored write finds the keys it changed and copies them, a translated write and its parameters, or
 * the refusal and its reason.
 */
// no standard --version: --version is the consumer's schema version here
@Command(name = "explain",
        description = {"Show what the driver would do with a statement: for each phase, the side a read is served"
                + " from and the rule that chose it, the translated SQL, how a write is mirrored or translated, or"
                + " why it is refused."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained",
            "1:explained, and refused in the phase asked (--phase), else in the phases in force",
            "2:usage error, a routing file that fails its checks, an unknown migration, or cannot connect"})
final class ExplainCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "SQL", description = "the statement, as the application sends it")
    String sql;

    @Option(names = "--config", paramLabel = "FILE",
            description = "routing file, or directory of *.yaml (default: the tandem.config system property, else"
                    + " TANDEM_CONFIG)")
    Path config;

    @ArgGroup(exclusive = true)
    Database database = new Database();

    /** Where the dialect, and the columns, come from. */
    static final class Database {
        @Option(names = "--url", paramLabel = "URL",
                description = "a database to read the dialect, columns and live schema from: the real driver's URL,"
                        + " or a jdbc:tandem: one")
        String url;

        @Option(names = "--dialect", paramLabel = "DIALECT", converter = DialectConverter.class,
                description = "without --url, the SQL dialect: postgresql, mariadb or h2 (default postgresql)")
        Dialect dialect = Dialect.POSTGRESQL;
    }

    @Option(names = "--client", paramLabel = "C", description = "the consumer, tandem.client")
    String client;

    @Option(names = "--version", paramLabel = "N", description = "the consumer's tandem.schemaVersion")
    Integer version;

    @Option(names = "--cohort", paramLabel = "K", description = "the request's cohort, tandem.cohort")
    String cohort;

    @Option(names = "--phase", paramLabel = "P", converter = PhaseConverter.class,
            description = "explain in this phase only, as if the migrations named were in it: off, dual-write, verify,"
                    + " cutover or target-only (default: each phase in turn)")
    Phase phase;

    @Option(names = "--migration", paramLabel = "ID",
            description = "the only migration --phase (or the walk through the phases) moves; the others keep theirs")
    String migration;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path path = RoutingPath.of(config);
        String unreadable = RoutingPath.problem(path);
        if (unreadable != null) {
            err.println("tandem explain: " + unreadable);
            return 2;
        }
        Routing routing;
        try {
            routing = Routing.load(path);
        } catch (RoutingException e) {
            err.println("tandem explain: " + e.getMessage().replace("\n", System.lineSeparator()));
            err.println("run tandem validate --config " + path + " to see them all, then fix the file");
            return 2;
        }
        if (migration != null && routing.migration(migration) == null) {
            err.println("tandem explain: no migration " + migration + " in " + path + "; expected one of "
                    + String.join(", ", routing.migrations().stream().map(MigrationConfig::id).toList()));
            return 2;
        }
        Explanation.Caller caller = new Explanation.Caller(client, version, cohort);
        Explanation explanation;
        if (database.url != null) {
            try (LiveDatabase live = LiveDatabase.connect(database.url)) {
                explanation = Explanation.of(routing, sql, live.dialect(), live, caller, phase, migration);
            } catch (SQLException e) {
                err.println("tandem explain: " + ValidateCommand.oneLine(e.getMessage()));
                return 2;
            }
        } else {
            try {
                explanation = Explanation.of(routing, sql, database.dialect, null, caller, phase, migration);
            } catch (SQLException e) {
                throw new IllegalStateException("no database was asked", e);
            }
        }
        print(out, "", explanation.head());
        boolean refused = false;
        for (Explanation.Section section : explanation.sections()) {
            out.println();
            out.println(section.title());
            print(out, "  ", section.lines());
            refused |= (phase != null || section.inForce()) && section.refused();
        }
        return refused ? 1 : 0;
    }

    private static void print(PrintWriter out, String indent, List<Explanation.Line> lines) {
        for (Explanation.Line line : lines) {
            out.printf("%s%-9s %s%n", indent, line.label(), line.text());
        }
    }

    /** {@code postgresql}, {@code mariadb} or {@code h2}. */
    static final class DialectConverter implements ITypeConverter<Dialect> {
        @Override
        public Dialect convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "postgresql", "postgres" -> Dialect.POSTGRESQL;
                case "mariadb", "mysql" -> Dialect.MARIADB;
                case "h2" -> Dialect.H2;
                default -> throw new TypeConversionException("'" + value + "' is not a dialect; expected postgresql,"
                        + " mariadb or h2");
            };
        }
    }

    /** A phase as the routing file names it. */
    static final class PhaseConverter implements ITypeConverter<Phase> {
        @Override
        public Phase convert(String value) {
            Phase phase = Phase.ofFileName(value);
            if (phase == null) {
                throw new TypeConversionException("'" + value + "' is not a phase; expected off, dual-write, verify,"
                        + " cutover or target-only");
            }
            return phase;
        }
    }
}
