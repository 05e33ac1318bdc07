package dev.tandem.cli;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.tandem.ops.Connections;
import dev.tandem.ops.Status;
import dev.tandem.routing.MigrationConfig;
import dev.tandem.routing.Routing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tandem status}: every migration of the routing file, where it stands. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Every migration in the routing file: its phase; with --url, its backfill progress and its last"
                + " verify result, from the tables those commands keep; reads by route where this process can see"
                + " Tandem's JMX counters (only inside the application's JVM)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "2:usage, routing or connection error"})
final class StatusCommand extends OpsCommand {

    @Option(names = "--url", paramLabel = "URL",
            description = "the database, to show backfill and verify progress (a jdbc:tandem: URL is taken without tandem:)")
    String url;

    @Override
    int run() throws SQLException {
        Routing routing = routing();
        Connections connections = url == null ? null : connections(url);
        try (Connection connection = connections == null ? null : connections.open()) {
            out().println(routing.migrations().size() + (routing.migrations().size() == 1 ? " migration" : " migrations"));
            for (MigrationConfig migration : routing.migrations()) {
                out().println(migration.id() + ": " + migration.migration().source() + " -> " + migration.migration().target()
                        + (migration.owner() == null ? "" : ", owner " + migration.owner()));
                out().println("  phase:    " + migration.phase().fileName());
                out().println("  backfill: " + (connection == null ? "unknown (give --url)"
                        : Status.backfill(connection, migration.id())));
                out().println("  verify:   " + (connection == null ? "unknown (give --url)"
                        : Status.verify(connection, migration.id())));
                out().println("  reads:    " + reads(routingPath, migration.id()));
            }
        }
        return OK;
    }

    /** Reads by route from the JMX counters of this JVM for this routing file, when the driver runs in it. */
    private static String reads(Path routing, String id) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> names = server.queryNames(new ObjectName("dev.tandem:type=Migration,*"), null);
            long source = 0;
            long target = 0;
            boolean found = false;
            for (ObjectName name : names) {
                if (id.equals(ObjectName.unquote(name.getKeyProperty("id"))) && same(routing,
                        ObjectName.unquote(name.getKeyProperty("routing")))) {
                    source += (Long) server.getAttribute(name, "ReadsFromSource");
                    target += (Long) server.getAttribute(name, "ReadsFromTarget");
                    found = true;
                }
            }
            if (found) {
                return source + " from source, " + target + " from target (this JVM)";
            }
        } catch (Exception e) {
            // no JMX here: said below
        }
        return "not reachable from this process (JMX of the application's JVM: dev.tandem:type=Migration,id=\"" + id
                + "\")";
    }

    private static boolean same(Path routing, String other) {
        return routing.toAbsolutePath().normalize().equals(Path.of(other).toAbsolutePath().normalize());
    }
}
