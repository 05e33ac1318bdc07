package dev.tandem.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tandem.routing.MigrationConfig;
import dev.tandem.routing.Phase;
import dev.tandem.routing.Routing;
import dev.tandem.routing.RoutingFile;
import dev.tandem.sql.Catalog;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.Side;
import dev.tandem.sql.SqlRewriter;
import dev.tandem.sql.StatementKind;

/**
 * One database used with one routing file: the catalog Tandem reads its columns from, and the
 * {@link Plan} that applies the routing in force to it. Shared by every connection to the database
 * that names the file. A plan is made the first time a connection needs it after the routing
 * changed, or after DDL named a migrated table; making it runs the live-schema check of every
 * migration that is not {@code off}, and a migration that fails it is left out: treated as
 * {@code off} on this database, logged at ERROR once, and shown through JMX. A plan that takes a
 * migration into {@code target-only} first advances the target's key generators past every key
 * either table holds ({@link TargetOnlyKeys}), once per entry into that phase.
 */
final class RoutedDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(RoutedDatabase.class);

    private record Key(RoutingFile file, String database) {
    }

    private static final ConcurrentMap<Key, RoutedDatabase> ALL = new ConcurrentHashMap<>();

    /** One migration applied to this database, with the counters it reports to. */
    record Applied(MigrationConfig config, MigrationMonitor monitor) {
    }

    /**
     * The routing in force applied to this database: immutable, so a statement or transaction that
     * took it keeps it whatever a reload does meanwhile.
     *
     * @param routing  the routing it was made from
     * @param dialect  the database's dialect
     * @param rewriter the rewriter over the applied migrations, or null when none is applied
     * @param applied  the applied migrations by id: those neither {@code off} nor failing the schema check
     * @param failing  whether a migration that is not {@code off} failed the schema check: then DDL
     *                 naming its tables must be noticed too, since it may be what mends it
     * @param catalog  the columns of the database's tables, or null when no migration is applied
     * @param copies   the statements that mirror writes, made when first needed, by migration, side and schema
     */
    record Plan(Routing routing, Dialect dialect, SqlRewriter rewriter, Map<String, Applied> applied,
            boolean failing, Catalog catalog, ConcurrentMap<String, MirrorCopy> copies) {

        Plan(Routing routing, Dialect dialect, SqlRewriter rewriter, Map<String, Applied> applied, boolean failing,
                Catalog catalog) {
            this(routing, dialect, rewriter, applied, failing, catalog, new ConcurrentHashMap<>());
        }

        /**
         * The copy for writes to the {@code side} table of {@code migration}, made once per plan and schema;
         * null without a catalog (the driver's plans always have one once a migration is applied).
         */
        MirrorCopy copy(Migration migration, Side side, String schema) {
            if (catalog == null) {
                return null;
            }
            return copies.computeIfAbsent(migration.id() + '\0' + side + '\0' + schema,
                    k -> MirrorCopy.of(migration, side, dialect, catalog, schema));
        }
    }

    private final RoutingFile file;
    private final String name;
    private final MetaDataCatalog.Opener opener;
    /** Per migration id, the schema-check problems last logged, so each is logged once. */
    private final Map<String, String> loggedProblems = new HashMap<>();
    private boolean unknownDialectLogged;
    /**
     * The migrations applied in {@code target-only} by the last plan whose target's key generators were
     * advanced (or found past every key): a later plan that keeps them there leaves them alone, and one
     * where the advance failed tries again.
     */
    private Set<String> keysPast = Set.of();
    private volatile Plan plan;
    private volatile WordScanner scanner;
    private MetaDataCatalog catalog;

    private RoutedDatabase(RoutingFile file, String name, MetaDataCatalog.Opener opener) {
        this.file = file;
        this.name = name;
        this.opener = opener;
    }

    /**
     * The database {@code name} (a URL with its secrets masked, or a data source's name) under
     * {@code file}; {@code opener} reaches it for Tandem's own metadata connection.
     */
    static RoutedDatabase of(RoutingFile file, String name, MetaDataCatalog.Opener opener) {
        return ALL.computeIfAbsent(new Key(file, name), key -> new RoutedDatabase(file, name, opener));
    }

    RoutingFile file() {
        return file;
    }

    /** The routing in force now (a transaction may still run under the plan of an earlier one). */
    Routing routing() {
        return file.current();
    }

    /** Whether {@code sql} may name a table of any migration of the routing in force, whatever its phase. */
    boolean mayName(String sql) {
        Routing routing = file.current();
        WordScanner known = scanner;
        if (known == null || known.routing() != routing) {
            List<Migration> all = routing.migrations().stream().map(MigrationConfig::migration).toList();
            scanner = known = new WordScanner(routing, all.isEmpty() ? null : new SqlRewriter(all, Catalog.NONE));
        }
        return known.rewriter() != null && known.rewriter().mayNameMigratedTable(sql);
    }

    private record WordScanner(Routing routing, SqlRewriter rewriter) {
    }

    /**
     * Notices DDL naming a table of a migration that failed the schema check (which the plan's own
     * rewriter does not know): the DDL may have mended it, so the check runs again.
     */
    void noticeDdl(Plan plan, String sql, Session session) throws SQLException {
        if (plan.failing() && plan.dialect() != null && mayName(sql)
                && scanner.rewriter().analyze(sql, plan.dialect(), session.currentSchema()).kind() == StatementKind.DDL) {
            schemaChanged();
        }
    }

    /** The plan for the routing in force; made (schema check included) when the routing changed. */
    Plan plan(Session session) throws SQLException {
        Plan known = plan;
        if (known != null && known.routing() == file.current()) {
            return known;
        }
        return make(session);
    }

    /**
     * DDL named a migrated table: column lists and verdicts may be stale, and the schema check must
     * run again. The next statement gets a new plan.
     */
    synchronized void schemaChanged() {
        if (catalog != null) {
            catalog.forget();
        }
        Plan known = plan;
        if (known != null && known.rewriter() != null) {
            known.rewriter().forgetVerdicts();
        }
        plan = null;
    }

    private synchronized Plan make(Session session) throws SQLException {
        Routing routing = file.current();
        Plan known = plan;
        if (known != null && known.routing() == routing) {
            return known;
        }
        Dialect dialect = session.dialect();
        if (dialect == null) {
            if (!routing.migrations().isEmpty() && !unknownDialectLogged) {
                unknownDialectLogged = true;
                LOG.error("tandem: {} is not a database whose SQL Tandem reads (PostgreSQL, MariaDB, MySQL, H2);"
                        + " the routing in {} is not applied to it", name, file.path());
            }
            return plan = new Plan(routing, null, null, Map.of(), false, null);
        }
        routing.migrations().forEach(m -> MigrationMonitor.of(file, m.id()));
        List<MigrationConfig> live = routing.migrations().stream().filter(m -> m.phase() != Phase.OFF).toList();
        Map<String, Applied> applied = new HashMap<>();
        List<Migration> migrations = new ArrayList<>();
        if (!live.isEmpty()) {
            try (Connection own = opener.open()) {
                String schema = dialect.mariadb() ? own.getCatalog() : own.getSchema();
                for (MigrationConfig migration : live) {
                    MigrationMonitor monitor = MigrationMonitor.of(file, migration.id());
                    List<String> problems = SchemaCheck.problems(own, dialect, migration.migration(), schema);
                    String text = problems.isEmpty() ? null : String.join("; ", problems);
                    monitor.schemaChecked(name, text);
                    if (text == null) {
                        applied.put(migration.id(), new Applied(migration, monitor));
                        migrations.add(migration.migration());
                        loggedProblems.remove(migration.id());
                    } else if (!text.equals(loggedProblems.put(migration.id(), text))) {
                        LOG.error("tandem: migration {} is not applied to {} (treated as off): {}", migration.id(),
                                name, text);
                    }
                }
                keysPast = advanceKeys(own, dialect, schema, applied);
            }
        }
        if (live.isEmpty()) {
            keysPast = Set.of();
        }
        if (catalog == null && !migrations.isEmpty()) {
            catalog = new MetaDataCatalog(opener, dialect.mariadb());
        }
        SqlRewriter rewriter = migrations.isEmpty() ? null : new SqlRewriter(migrations, catalog);
        if (rewriter != null) {
            applied.values().forEach(a -> a.monitor().servedBy(name, rewriter));
        }
        LOG.debug("tandem: routing {} applied to {}: {} of {} migrations", routing.checksum(), name, applied.size(),
                routing.migrations().size());
        return plan = new Plan(routing, dialect, rewriter, Map.copyOf(applied), applied.size() < live.size(), catalog);
    }

    /**
     * Before a plan that takes a migration into {@code target-only} is used, moves its target's key
     * generators past the keys the source issued while the mirror copied them (DESIGN §5). A failure is
     * logged at WARN and the plan is applied all the same: refusing it would keep the last routing in force
     * on this instance alone, while the operator's file and the rest of the fleet have moved on.
     *
     * @return the migrations in {@code target-only} whose generators are past every key
     */
    private Set<String> advanceKeys(Connection own, Dialect dialect, String schema, Map<String, Applied> applied) {
        Set<String> past = new HashSet<>();
        for (Applied migration : applied.values()) {
            if (migration.config().phase() == Phase.TARGET_ONLY && (keysPast.contains(migration.config().id())
                    || TargetOnlyKeys.advance(own, dialect, schema, migration.config().migration(), name))) {
                past.add(migration.config().id());
            }
        }
        return Set.copyOf(past);
    }
}
