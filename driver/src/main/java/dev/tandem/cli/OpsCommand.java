package dev.tandem.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.tandem.jdbc.TandemUrl;
import dev.tandem.ops.Connections;
import dev.tandem.routing.MigrationConfig;
import dev.tandem.routing.Routing;
import dev.tandem.routing.RoutingException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the commands that work on a migration's tables share: the routing file, the database, and the
 * rule that a problem with either ends the command with exit code 2 and a one-line reason on stderr.
 */
abstract class OpsCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int PROBLEM = 1;
    static final int USAGE = 2;

    @Option(names = "--config", paramLabel = "FILE",
            description = "routing file, or a directory of *.yaml; default: the tandem.config system property, then TANDEM_CONFIG")
    Path config;

    @Spec
    CommandSpec spec;

    /** The routing file or directory {@link #routing()} read. */
    Path routingPath;

    /** A reason the command cannot run: exit code 2, and the message as one line on stderr. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run();
        } catch (Failure | IllegalArgumentException e) {
            err.println("tandem " + spec.name() + ": " + oneLine(TandemUrl.mask(e.getMessage())));
            return USAGE;
        } catch (SQLException e) {
            boolean connection = String.valueOf(e.getSQLState()).startsWith("08");
            err.println("tandem " + spec.name() + ": " + (connection ? "lost the database: " : "failed: ")
                    + oneLine(TandemUrl.mask(e.getMessage())));
            return connection ? USAGE : PROBLEM;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("tandem " + spec.name() + ": interrupted");
            return PROBLEM;
        } catch (ParameterException e) {
            throw e; // picocli prints it with the usage, exit code 2
        } catch (RuntimeException e) {
            err.println("tandem " + spec.name() + ": failed: " + oneLine(TandemUrl.mask(String.valueOf(e.getMessage()))));
            return PROBLEM;
        } finally {
            err.flush();
            spec.commandLine().getOut().flush();
        }
    }

    abstract int run() throws SQLException, InterruptedException;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The routing file: {@code --config}, else {@code tandem.config}, else {@code TANDEM_CONFIG}; checked. */
    Routing routing() {
        Path path = RoutingPath.of(config);
        if (path == null) {
            throw new Failure(RoutingPath.missing());
        }
        routingPath = path;
        try {
            return Routing.load(path);
        } catch (RoutingException e) {
            throw new Failure(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
                    + " in the routing: " + e.problems().stream().map(Object::toString).collect(Collectors.joining("; ")));
        }
    }

    static MigrationConfig migration(Routing routing, String id) {
        MigrationConfig migration = routing.migration(id);
        if (migration == null) {
            throw new Failure("no migration " + id + " in the routing; it has " + (routing.migrations().isEmpty() ? "none"
                    : routing.migrations().stream().map(MigrationConfig::id).collect(Collectors.joining(", "))));
        }
        return migration;
    }

    /**
     * Connections to {@code url}, the real driver's URL ({@code jdbc:tandem:…} is taken without its
     * {@code tandem:} and Tandem's parameters, so the copy is never mirrored); one is opened at once, so
     * that a wrong URL is reported before anything runs.
     */
    static Connections connections(String url) {
        String real;
        try {
            real = TandemUrl.accepts(url) ? TandemUrl.parse(url).realUrl() : url;
        } catch (SQLException e) {
            throw new Failure(e.getMessage());
        }
        if (!real.startsWith("jdbc:")) {
            throw new Failure("--url " + TandemUrl.mask(url) + " is not a JDBC URL; expected jdbc:<database>://…"
                    + " or jdbc:tandem:<database>://…");
        }
        Connections connections = () -> DriverManager.getConnection(real);
        try (Connection connection = connections.open()) {
            return connections;
        } catch (SQLException e) {
            throw new Failure("cannot connect to " + TandemUrl.mask(real) + ": " + TandemUrl.mask(e.getMessage()));
        }
    }

    /** How this process signs its work: {@code host:pid}. */
    static String processName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "localhost";
            }
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*\\R\\s*", "; ").strip();
    }
}
