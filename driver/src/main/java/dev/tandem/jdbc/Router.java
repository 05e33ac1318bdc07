package dev.tandem.jdbc;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tandem.jdbc.RoutedDatabase.Applied;
import dev.tandem.jdbc.RoutedDatabase.Plan;
import dev.tandem.routing.Phase;
import dev.tandem.sql.Analysis;
import dev.tandem.sql.ReadRewrite;
import dev.tandem.sql.Side;
import dev.tandem.sql.SqlRewriter;

/**
 * What runs for one statement under one {@link Plan} (DESIGN §4): as written, translated to the other
 * table, mirrored, or refused before anything is sent; and for a read in phase {@code verify}, whether a
 * shadow read runs on the target too. The decision itself is {@link Decision}'s, shared with
 * {@code tandem explain}; this adds what running it needs: the counters, the shadow dice, DDL noticed.
 */
final class Router {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /**
     * What runs instead of the statement as written.
     *
     * @param sql       the statement to run
     * @param shadow    the migration a shadow read is counted for, or null when none runs
     * @param shadowSql the read served from the target, to compare with {@code sql}'s rows, or null
     * @param mirror    for a write to a migrated table in a phase that writes both: how it reaches the other
     *                  table; null otherwise
     * @param parameters for a write translated to the target: for each parameter of {@code sql}, the
     *                  parameter of the statement as written that it takes; null when they are the same
     */
    record Route(String sql, MigrationMonitor shadow, String shadowSql, Mirror mirror, int[] parameters) {

        Route(String sql, MigrationMonitor shadow, String shadowSql) {
            this(sql, shadow, shadowSql, null, null);
        }
    }

    private Router() {
    }

    /**
     * The route of {@code sql}, or null when it runs as written with nothing else: the answer for
     * every statement that names no migrated table, found by a word scan without parsing.
     *
     * @throws SQLException when the statement must be refused; nothing has been run then
     */
    static Route decide(Plan plan, String sql, Session session, Decision.Caller caller, RoutedDatabase database)
            throws SQLException {
        if (plan.rewriter() == null || !plan.rewriter().mayNameMigratedTable(sql)) {
            database.noticeDdl(plan, sql, session);
            return null;
        }
        return route(plan, sql, session, caller, database, true);
    }

    /**
     * The route the routing in force would give {@code sql} now, for preparing it ahead: no counter
     * moves, no shadow read is drawn; null when it runs as written, or would be refused (it is refused
     * when it runs, if it still must be).
     */
    static Route peekRoute(String sql, Decision.Caller caller, Known known) throws SQLException {
        return route(sql, caller, null, false, known);
    }

    /**
     * What a statement's route is decided from that depends only on the plan, its text and the schema: its
     * verdict and the applied migrations it names. A prepared statement keeps it while those are the same,
     * so that running it again costs no verdict look-up.
     */
    record Known(Plan plan, String schema, SqlRewriter.Verdict verdict, List<Applied> named) {

        /** Whether this was made under {@code now} and {@code schemaNow}. */
        boolean holds(Plan now, String schemaNow) {
            return plan == now && java.util.Objects.equals(schema, schemaNow);
        }
    }

    /** The verdict of {@code sql} under {@code plan} in {@code schema}, and the migrations it names. */
    static Known known(Plan plan, String sql, String schema) {
        SqlRewriter.Verdict verdict = plan.rewriter().verdict(sql, plan.dialect(), schema);
        Analysis analysis = verdict.analysis();
        return new Known(plan, schema, verdict, analysis.references().isEmpty() ? List.of()
                : List.copyOf(Decision.named(plan, analysis)));
    }

    /** The decision ({@link Decision}), with what running adds: counters, shadow dice, DDL noticed; see {@link #peekRoute}. */
    private static Route route(Plan plan, String sql, Session session, Decision.Caller caller,
            RoutedDatabase database, boolean running) throws SQLException {
        return route(sql, caller, database, running, known(plan, sql, session.currentSchema()));
    }

    /** As above, from what is {@code known} of the statement under the plan and schema in force. */
    static Route route(String sql, Decision.Caller caller, RoutedDatabase database, boolean running, Known known)
            throws SQLException {
        Plan plan = known.plan();
        String schema = known.schema();
        SqlRewriter.Verdict verdict = known.verdict();
        Analysis analysis = verdict.analysis();
        if (analysis.references().isEmpty()) {
            return null;
        }
        List<Applied> named = known.named();
        try {
            return switch (analysis.kind()) {
                case READ -> read(verdict, sql, named, caller, running);
                case WRITE -> write(plan, verdict, sql, named, schema, running);
                case DDL -> {
                    if (!running) {
                        yield null;
                    }
                    database.schemaChanged();
                    LOG.warn("tandem: DDL names a table of migration {}; DDL is never mirrored: {}",
                            named.get(0).config().id(), Errors.excerpt(sql));
                    yield null;
                }
                case SESSION, OTHER -> null;
            };
        } catch (Decision.Refused e) {
            if (!running) {
                return null;
            }
            for (Applied applied : named) {
                applied.monitor().refused.increment();
            }
            throw Errors.refused(sql, e.getMessage());
        }
    }

    private static Route read(SqlRewriter.Verdict verdict, String sql, List<Applied> named, Decision.Caller caller,
            boolean running) throws Decision.Refused {
        Analysis analysis = verdict.analysis();
        Side side = Decision.read(verdict, sql, named, caller);
        if (side == null) {
            if (running) {
                count(named, Decision.namesSide(analysis, Side.TARGET) ? Side.TARGET : Side.SOURCE);
            }
            return null;
        }
        String served = verdict.read(side).sql();
        Route translated = served.equals(sql) ? null : new Route(served, null, null);
        if (!running) {
            return translated;
        }
        count(named, side);
        Route shadow = Decision.shadowable(side, analysis, named) ? shadow(verdict, named, served) : null;
        return shadow != null ? shadow : translated;
    }

    /** A sampled shadow read on the target, when a migration named is in verify and the dice say so. */
    private static Route shadow(SqlRewriter.Verdict verdict, List<Applied> named, String primary) {
        for (Applied applied : named) {
            double rate = applied.config().sampleRate();
            if (applied.config().phase() == Phase.VERIFY && rate > 0
                    && (rate >= 1 || ThreadLocalRandom.current().nextDouble() < rate)) {
                ReadRewrite target = verdict.read(Side.TARGET);
                if (!target.ok()) {
                    applied.monitor().shadowFailures.increment();
                    LOG.debug("tandem: no shadow read for migration {}: {}", applied.config().id(), target.reason());
                    return null;
                }
                return new Route(primary, applied.monitor(), target.sql());
            }
        }
        return null;
    }

    /** A write: {@link Decision#write}, and a translated write counted. */
    private static Route write(Plan plan, SqlRewriter.Verdict verdict, String sql, List<Applied> named, String schema,
            boolean running) throws Decision.Refused {
        Route route = Decision.write(plan, verdict, sql, named, schema);
        if (running && route != null && route.mirror() == null) {
            Decision.translating(verdict.analysis(), named).monitor().translatedWrites.increment();
        }
        return route;
    }

    private static void count(List<Applied> named, Side side) {
        for (Applied applied : named) {
            applied.monitor().read(side);
        }
    }
}
