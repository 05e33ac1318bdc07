package dev.tandem.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tandem.jdbc.RoutedDatabase.Applied;
import dev.tandem.jdbc.RoutedDatabase.Plan;
import dev.tandem.routing.MigrationConfig;
import dev.tandem.routing.Phase;
import dev.tandem.routing.ReadRule;
import dev.tandem.sql.Analysis;
import dev.tandem.sql.ReadRewrite;
import dev.tandem.sql.Side;
import dev.tandem.sql.SqlRewriter;
import dev.tandem.sql.TableReference;
import dev.tandem.sql.WriteRewrite;
import dev.tandem.sql.WriteShape;

/**
 * The routing decision itself (DESIGN §4-6), pure: from a plan, a statement's verdict and the caller's
 * facts to the side a read is served from, or what a write does, or the refusal. No counter moves, no
 * shadow read is drawn, nothing runs: {@link Router} adds those for the driver, and {@link Explanation}
 * shows the same decision for {@code tandem explain}. Nothing here allocates on a read's way, so the
 * driver's hot path costs what it did.
 */
final class Decision {

    private static final Logger LOG = LoggerFactory.getLogger(Decision.class);
    private static final String HINT = "tandem:route=";

    /** The facts about who runs a statement that a read policy looks at, asked only when a rule needs them. */
    interface Caller {
        /** {@code tandem.client}, else JDBC {@code ApplicationName}; null when none. */
        String consumer();

        /** The declared {@code tandem.schemaVersion}, or null. */
        Integer schemaVersion();

        /** The request's cohort, or null. */
        String cohort();
    }

    /** A statement Tandem will not run, and why; made before anything ran. No stack trace: it is an answer. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private Decision() {
    }

    /** The applied migrations whose tables the statement names, each once, in text order. */
    static List<Applied> named(Plan plan, Analysis analysis) {
        List<Applied> named = new ArrayList<>(2);
        for (TableReference reference : analysis.references()) {
            Applied applied = plan.applied().get(reference.migration().id());
            if (applied != null && !named.contains(applied)) {
                named.add(applied);
            }
        }
        return named;
    }

    // ------------------------------------------------------------------ reads

    /**
     * The rule that serves a read of {@code migration}'s tables, with its side: the phase, then (from
     * dual-write on, before target-only) a locking read's need for the source, the statement's hint, and in
     * cutover the read policy.
     */
    static ReadRule rule(MigrationConfig migration, boolean locking, Side hint, Caller caller) {
        return switch (migration.phase()) {
            case TARGET_ONLY -> ReadRule.PHASE_TARGET;
            case DUAL_WRITE, VERIFY -> locking ? ReadRule.LOCKING : hint == null ? ReadRule.PHASE_SOURCE : hinted(hint);
            case CUTOVER -> locking ? ReadRule.LOCKING : hint != null ? hinted(hint)
                    : migration.reads().rule(migration.id(), caller.consumer(), caller.schemaVersion(), caller.cohort());
            case OFF -> ReadRule.PHASE_SOURCE; // never applied: a plan leaves off migrations out
        };
    }

    private static ReadRule hinted(Side hint) {
        return hint == Side.TARGET ? ReadRule.HINT_TARGET : ReadRule.HINT_SOURCE;
    }

    /**
     * The side the migrations named want together: each one's {@link #rule}; when they differ, the source,
     * which is complete for every phase before target-only, or with a target-only migration among them the
     * target, if every other one's target is complete too.
     *
     * @throws Refused when they differ and no single side can serve them
     */
    static Side combined(List<Applied> named, boolean locking, Side hint, Caller caller) throws Refused {
        Side side = null;
        boolean targetOnly = false;
        boolean mixed = false;
        for (Applied applied : named) {
            targetOnly |= applied.config().phase() == Phase.TARGET_ONLY;
            Side wanted = rule(applied.config(), locking, hint, caller).side();
            mixed |= side != null && side != wanted;
            side = side == null ? wanted : side;
        }
        if (!mixed) {
            return side;
        }
        if (!targetOnly) {
            return Side.SOURCE;
        }
        if (targetComplete(named)) {
            return Side.TARGET;
        }
        throw new Refused("it reads tables of migrations in target-only and in dual-write, which no single side can"
                + " serve");
    }

    /**
     * The side a read naming tables of {@code named} is served from: {@link #combined}, or the source when the
     * target cannot serve it exactly before target-only; {@code verdict.read(side)} is then a translation.
     * Null for a read that cannot be parsed, which runs as written.
     *
     * @throws Refused when no side can serve it
     */
    static Side read(SqlRewriter.Verdict verdict, String sql, List<Applied> named, Caller caller) throws Refused {
        Analysis analysis = verdict.analysis();
        Side side = combined(named, analysis.locking(), hint(sql), caller);
        boolean targetOnly = targetOnly(named);
        if (!analysis.analysed()) {
            // Cannot be parsed, so cannot be translated: as written, unless that reads a source target-only
            // no longer writes.
            if (targetOnly && namesSide(analysis, Side.SOURCE)) {
                throw new Refused("a migration is in target-only and the statement cannot be translated to its"
                        + " target: " + analysis.reason());
            }
            return null;
        }
        ReadRewrite rewrite = verdict.read(side);
        if (!rewrite.ok() && side == Side.TARGET && !targetOnly && verdict.read(Side.SOURCE).ok()) {
            LOG.debug("tandem: read served from the source, the target cannot serve it: {}", rewrite.reason());
            return Side.SOURCE;
        }
        if (!rewrite.ok()) {
            throw new Refused("it cannot be served from the " + side.name().toLowerCase(Locale.ROOT) + ": "
                    + rewrite.reason());
        }
        return side;
    }

    /**
     * Whether a read served from {@code side} may be compared with the target in phase verify: served from the
     * source, not locking, and every migration named has a complete target (verify or later).
     */
    static boolean shadowable(Side side, Analysis analysis, List<Applied> named) {
        return side == Side.SOURCE && !analysis.locking() && targetComplete(named);
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

    // ------------------------------------------------------------------ writes

    /**
     * What a write naming tables of {@code named} does (DESIGN §4-6): null when it runs as written; a route
     * with a {@link Mirror} when it changes a table of a migration in a phase that writes both; a route with
     * the translation (and its parameter map) when it names the source of a migration in target-only. A write
     * that changes another table and only reads migrated ones runs as written, the source being complete
     * before target-only. The mirror's copy is null when the plan has no catalog (only {@code tandem explain}
     * makes such a plan).
     *
     * @throws Refused when it cannot be mirrored or translated exactly
     */
    static Router.Route write(Plan plan, SqlRewriter.Verdict verdict, String sql, List<Applied> named,
            String schema) throws Refused {
        Analysis analysis = verdict.analysis();
        Applied mirroring = mirroring(named);
        Applied translated = translating(analysis, named);
        if (translated != null) {
            return translated(verdict, translated, mirroring);
        }
        if (mirroring == null) {
            return null;
        }
        if (!analysis.analysed()) {
            throw new Refused("it writes or reads a migrated table and cannot be analysed, so Tandem cannot mirror"
                    + " it exactly: " + analysis.reason());
        }
        WriteShape shape = verdict.write();
        if (!shape.ok()) {
            throw new Refused(shape.reason());
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
            Mirror.Capture capture = Mirror.capture(shape, plan.dialect(), copy);
            return new Router.Route(sql, null, null, Mirror.of(applied, copy, shape, capture, plan.dialect()), null);
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        }
    }

    /** The first migration named whose phase writes both tables, or null. */
    static Applied mirroring(List<Applied> named) {
        for (Applied applied : named) {
            if (applied.config().phase().mirrors()) {
                return applied;
            }
        }
        return null;
    }

    /** The last migration in target-only whose source the statement names: a write is translated to its target. */
    static Applied translating(Analysis analysis, List<Applied> named) {
        Applied translated = null;
        for (Applied applied : named) {
            if (applied.config().phase() == Phase.TARGET_ONLY && namesSide(analysis, applied, Side.SOURCE)) {
                translated = applied;
            }
        }
        return translated;
    }

    /**
     * A write naming the source of a migration in target-only, translated to change its target: the source
     * no longer receives writes, and the statement, written for the old shape, keeps working.
     */
    private static Router.Route translated(SqlRewriter.Verdict verdict, Applied translated, Applied mirroring)
            throws Refused {
        String id = translated.config().id();
        if (mirroring != null) {
            throw new Refused("it names the source of migration " + id + ", in phase target-only, and a table of"
                    + " migration " + mirroring.config().id() + ", in phase " + mirroring.config().phase()
                    + ", whose writes are mirrored; send them as separate statements");
        }
        if (!verdict.analysis().analysed()) {
            throw new Refused("it names the source of migration " + id + ", in phase target-only, and cannot be"
                    + " analysed, so Tandem cannot translate it to the target: " + verdict.analysis().reason());
        }
        WriteRewrite rewrite = verdict.writeToTarget();
        if (!rewrite.ok()) {
            throw new Refused("it names the source of migration " + id + ", in phase target-only, and cannot be"
                    + " translated to the target exactly: " + rewrite.reason());
        }
        return new Router.Route(rewrite.sql(), null, null, null, rewrite.parameters());
    }

    // ------------------------------------------------------------------ helpers

    static boolean targetOnly(List<Applied> named) {
        for (Applied applied : named) {
            if (applied.config().phase() == Phase.TARGET_ONLY) {
                return true;
            }
        }
        return false;
    }

    /** Whether every migration named has a complete target: verify or a later phase. */
    static boolean targetComplete(List<Applied> named) {
        for (Applied applied : named) {
            Phase phase = applied.config().phase();
            if (phase != Phase.VERIFY && phase != Phase.CUTOVER && phase != Phase.TARGET_ONLY) {
                return false;
            }
        }
        return true;
    }

    static boolean namesSide(Analysis analysis, Applied applied, Side side) {
        for (TableReference reference : analysis.references()) {
            if (reference.side() == side && reference.migration().id().equals(applied.config().id())) {
                return true;
            }
        }
        return false;
    }

    static boolean namesSide(Analysis analysis, Side side) {
        for (TableReference reference : analysis.references()) {
            if (reference.side() == side) {
                return true;
            }
        }
        return false;
    }
}
