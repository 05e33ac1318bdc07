package dev.tandem.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import dev.tandem.sql.TableReference;
import dev.tandem.sql.WriteRewrite;
import dev.tandem.sql.WriteShape;

/**
 * Decides, for one statement under one {@link Plan}, what runs (DESIGN §4): as written, translated
 * to the other table, or refused before anything is sent; and for a read in phase {@code verify},
 * whether a shadow read runs on the target too.
 */
final class Router {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final String HINT = "tandem:route=";

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
    static Route decide(Plan plan, String sql, Session session, TandemConnection caller, RoutedDatabase database)
            throws SQLException {
        if (plan.rewriter() == null || !plan.rewriter().mayNameMigratedTable(sql)) {
            database.noticeDdl(plan, sql, session);
            return null;
        }
        return route(plan, sql, session, caller, database, true);
    }

    /**
     * As {@link #decide}, for a statement whose text is already known to possibly name a table the plan
     * applies (a prepared statement, scanned once when prepared): no word scan, the verdict cache first.
     */
    static Route decideScanned(Plan plan, String sql, Session session, TandemConnection caller,
            RoutedDatabase database) throws SQLException {
        return plan.rewriter() == null ? null : route(plan, sql, session, caller, database, true);
    }

    /**
     * The route the routing in force would give {@code sql} now, for preparing it ahead: no counter
     * moves, no shadow read is drawn; null when it runs as written, or would be refused (it is refused
     * when it runs, if it still must be).
     */
    static Route peekRoute(Plan plan, String sql, Session session, TandemConnection caller) throws SQLException {
        if (plan.rewriter() == null) {
            return null;
        }
        try {
            return route(plan, sql, session, caller, null, false);
        } catch (Refusal e) {
            return null;
        }
    }

    /** A refusal: an SQLException Tandem made, not one from the database. */
    private static final class Refusal extends SQLException {
        private static final long serialVersionUID = 1L;

        Refusal(SQLException refusal) {
            super(refusal.getMessage(), refusal.getSQLState());
        }
    }

    private static Route route(Plan plan, String sql, Session session, TandemConnection caller,
            RoutedDatabase database, boolean running) throws SQLException {
        String schema = session.currentSchema();
        SqlRewriter.Verdict verdict = plan.rewriter().verdict(sql, plan.dialect(), schema);
        Analysis analysis = verdict.analysis();
        if (analysis.references().isEmpty()) {
            return null;
        }
        List<Applied> named = named(plan, analysis);
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
    }

    private static Route read(SqlRewriter.Verdict verdict, String sql, List<Applied> named, TandemConnection caller,
            boolean running) throws SQLException {
        Analysis analysis = verdict.analysis();
        Side hint = hint(sql);
        Side side = null;
        boolean targetOnly = false;
        boolean mixed = false;
        boolean targetComplete = true;
        for (Applied applied : named) {
            Phase phase = applied.config().phase();
            targetOnly |= phase == Phase.TARGET_ONLY;
            targetComplete &= phase == Phase.VERIFY || phase == Phase.CUTOVER || phase == Phase.TARGET_ONLY;
            Side wanted = switch (phase) {
                case TARGET_ONLY -> Side.TARGET;
                case DUAL_WRITE, VERIFY -> analysis.locking() || hint == null ? Side.SOURCE : hint;
                case CUTOVER -> analysis.locking() ? Side.SOURCE : hint != null ? hint
                        : applied.config().reads().route(applied.config().id(), caller.consumer(),
                                caller.properties().schemaVersion(), caller.requestCohort());
                case OFF -> Side.SOURCE; // never applied: a plan leaves off migrations out
            };
            mixed |= side != null && side != wanted;
            side = side == null ? wanted : side;
        }
        if (mixed) {
            // Reads of two migrations that want different sides: the source is complete for every
            // phase before target-only; with a target-only migration among them, the target, if every
            // other one's target is complete too.
            if (!targetOnly) {
                side = Side.SOURCE;
            } else if (targetComplete) {
                side = Side.TARGET;
            } else {
                throw refuse(named, sql, running, "it reads tables of migrations in target-only and in dual-write, which"
                        + " no single side can serve");
            }
        }
        if (!analysis.analysed()) {
            // Cannot be parsed, so cannot be translated: as written, unless that reads a source
            // target-only no longer writes.
            if (targetOnly && namesSide(analysis, Side.SOURCE)) {
                throw refuse(named, sql, running, "a migration is in target-only and the statement cannot be translated to"
                        + " its target: " + analysis.reason());
            }
            if (running) {
                count(named, namesSide(analysis, Side.TARGET) ? Side.TARGET : Side.SOURCE);
            }
            return null;
        }
        ReadRewrite rewrite = verdict.read(side);
        if (!rewrite.ok() && side == Side.TARGET && !targetOnly) {
            ReadRewrite fromSource = verdict.read(Side.SOURCE);
            if (fromSource.ok()) {
                LOG.debug("tandem: read served from the source, the target cannot serve it: {}", rewrite.reason());
                side = Side.SOURCE;
                rewrite = fromSource;
            }
        }
        if (!rewrite.ok()) {
            throw refuse(named, sql, running, "it cannot be served from the " + side.name().toLowerCase(Locale.ROOT)
                    + ": " + rewrite.reason());
        }
        Route translated = rewrite.sql().equals(sql) ? null : new Route(rewrite.sql(), null, null);
        if (!running) {
            return translated;
        }
        count(named, side);
        Route shadow = side == Side.SOURCE && !analysis.locking() && targetComplete
                ? shadow(verdict, named, rewrite.sql()) : null;
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

    /**
     * A write naming a migrated table (DESIGN §4-6). One that changes a table of a migration in a phase
     * that writes both is mirrored: refused, before anything runs, when that cannot be done exactly. In
     * target-only a write naming the source is translated to change the target instead, and refused when
     * it cannot be exactly; one naming only the target runs as written. A write that changes another
     * table and only reads migrated ones runs as written, the source being complete before target-only.
     */
    private static Route write(Plan plan, SqlRewriter.Verdict verdict, String sql, List<Applied> named, String schema,
            boolean running) throws SQLException {
        Analysis analysis = verdict.analysis();
        Applied mirroring = null;
        Applied translated = null;
        for (Applied applied : named) {
            Phase phase = applied.config().phase();
            mirroring = phase.mirrors() && mirroring == null ? applied : mirroring;
            if (phase == Phase.TARGET_ONLY && namesSide(analysis, applied, Side.SOURCE)) {
                translated = applied;
            }
        }
        if (translated != null) {
            return translated(verdict, sql, named, translated, mirroring, running);
        }
        if (mirroring == null) {
            return null;
        }
        if (!analysis.analysed()) {
            throw refuse(named, sql, running, "it writes or reads a migrated table and cannot be analysed, so Tandem"
                    + " cannot mirror it exactly: " + analysis.reason());
        }
        WriteShape shape = verdict.write();
        if (!shape.ok()) {
            throw refuse(named, sql, running, shape.reason());
        }
        if (shape.migration() == null) {
            return null;
        }
        Applied applied = plan.applied().get(shape.migration().id());
        if (applied == null || !applied.config().phase().mirrors()) {
            return null;
        }
        try {
            MirrorCopy copy = plan.copy(shape.migration(), shape.side(), schema);
            return new Route(sql, null, null, Mirror.of(applied, copy, shape, plan.dialect()), null);
        } catch (IllegalArgumentException e) {
            throw refuse(named, sql, running, e.getMessage());
        }
    }

    /**
     * A write naming the source of a migration in target-only, translated to change its target: the
     * source no longer receives writes, and the statement, written for the old shape, keeps working.
     */
    private static Route translated(SqlRewriter.Verdict verdict, String sql, List<Applied> named, Applied translated,
            Applied mirroring, boolean running) throws SQLException {
        String id = translated.config().id();
        if (mirroring != null) {
            throw refuse(named, sql, running, "it names the source of migration " + id + ", in phase target-only, and a"
                    + " table of migration " + mirroring.config().id() + ", in phase " + mirroring.config().phase()
                    + ", whose writes are mirrored; send them as separate statements");
        }
        if (!verdict.analysis().analysed()) {
            throw refuse(named, sql, running, "it names the source of migration " + id + ", in phase target-only, and"
                    + " cannot be analysed, so Tandem cannot translate it to the target: " + verdict.analysis().reason());
        }
        WriteRewrite rewrite = verdict.writeToTarget();
        if (!rewrite.ok()) {
            throw refuse(named, sql, running, "it names the source of migration " + id + ", in phase target-only, and"
                    + " cannot be translated to the target exactly: " + rewrite.reason());
        }
        if (running) {
            translated.monitor().translatedWrites.increment();
        }
        return new Route(rewrite.sql(), null, null, null, rewrite.parameters());
    }

    /** The side a leading {@code /* tandem:route=source|target * /} comment asks for, or null. */
    static Side hint(String sql) {
        int at = 0;
        int n = sql.length();
        while (at < n && Character.isWhitespace(sql.charAt(at))) {
            at++;
        }
        if (!sql.startsWith("/*", at)) {
            return null;
        }
        int end = sql.indexOf("*/", at + 2);
        int found = sql.indexOf(HINT, at + 2);
        if (end < 0 || found < 0 || found > end) {
            return null;
        }
        int value = found + HINT.length();
        if (sql.startsWith("target", value)) {
            return Side.TARGET;
        }
        return sql.startsWith("source", value) ? Side.SOURCE : null;
    }

    private static List<Applied> named(Plan plan, Analysis analysis) {
        List<Applied> named = new ArrayList<>(2);
        for (TableReference reference : analysis.references()) {
            Applied applied = plan.applied().get(reference.migration().id());
            if (applied != null && !named.contains(applied)) {
                named.add(applied);
            }
        }
        return named;
    }

    private static boolean namesSide(Analysis analysis, Applied applied, Side side) {
        for (TableReference reference : analysis.references()) {
            if (reference.side() == side && reference.migration().id().equals(applied.config().id())) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesSide(Analysis analysis, Side side) {
        for (TableReference reference : analysis.references()) {
            if (reference.side() == side) {
                return true;
            }
        }
        return false;
    }

    private static void count(List<Applied> named, Side side) {
        for (Applied applied : named) {
            applied.monitor().read(side);
        }
    }

    private static SQLException refuse(List<Applied> named, String sql, boolean running, String why) {
        if (!running) {
            return new Refusal(Errors.refused(sql, why));
        }
        for (Applied applied : named) {
            applied.monitor().refused.increment();
        }
        return Errors.refused(sql, why);
    }
}
