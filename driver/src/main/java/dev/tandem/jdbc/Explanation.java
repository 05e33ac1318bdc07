package dev.tandem.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.tandem.jdbc.RoutedDatabase.Applied;
import dev.tandem.jdbc.RoutedDatabase.Plan;
import dev.tandem.routing.Cohorts;
import dev.tandem.routing.MigrationConfig;
import dev.tandem.routing.Phase;
import dev.tandem.routing.ReadPolicy;
import dev.tandem.routing.ReadRule;
import dev.tandem.routing.Routing;
import dev.tandem.sql.Analysis;
import dev.tandem.sql.Catalog;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.ReadRewrite;
import dev.tandem.sql.Side;
import dev.tandem.sql.SqlRewriter;
import dev.tandem.sql.TableReference;
import dev.tandem.sql.WriteShape;

/**
 * What the driver would do with one statement under a routing, phase by phase ({@code tandem explain}):
 * the route decided by the driver's own {@link Decision}, over a plan made as the driver makes it, with
 * the rule that chose each side, the SQL that would run, how a mirrored write finds its keys and copies
 * them, and every refusal with its reason. Nothing runs on the database but metadata reads.
 */
public final class Explanation {

    /**
     * Who runs the statement: what a cutover read policy looks at.
     *
     * @param consumer      {@code tandem.client}, or null
     * @param schemaVersion {@code tandem.schemaVersion}, or null
     * @param cohort        the request's cohort, or null
     */
    public record Caller(String consumer, Integer schemaVersion, String cohort) implements Decision.Caller {
    }

    /** One labelled line: {@code sql} and the statement that would run. */
    public record Line(String label, String text) {
    }

    /**
     * The route under one set of phases.
     *
     * @param title   the phases: {@code cutover}, or {@code users-v2 cutover, orders-v3 dual-write}
     * @param inForce whether these are the phases the routing files give
     * @param lines   the route, labelled; a refusal is labelled {@code refused}
     */
    public record Section(String title, boolean inForce, List<Line> lines) {

        /** Whether the statement is refused under these phases. */
        public boolean refused() {
            return lines.stream().anyMatch(line -> line.label().equals("refused"));
        }
    }

    private final List<Line> head;
    private final List<Section> sections;

    private Explanation(List<Line> head, List<Section> sections) {
        this.head = List.copyOf(head);
        this.sections = List.copyOf(sections);
    }

    /** What the statement is, the migrated tables it names, the caller and where the columns come from. */
    public List<Line> head() {
        return head;
    }

    /** The route in each phase explained; empty when the statement names no migrated table. */
    public List<Section> sections() {
        return sections;
    }

    /**
     * Explains {@code sql} under {@code routing}.
     *
     * @param dialect  the dialect to read the statement in; with a database, that database's
     * @param database where the columns come from, and the live-schema check, or null: no catalog, so
     *                 {@code SELECT *} cannot be expanded nor a mirrored write's copy made
     * @param phase    the phase to explain the statement in, or null: each phase in turn, off to target-only
     * @param only     the one migration {@code phase} (or the walk) applies to, or null: every migration the
     *                 statement names; it must be one of the routing
     * @throws SQLException when the database cannot be read
     */
    public static Explanation of(Routing routing, String sql, Dialect dialect, LiveDatabase database, Caller caller,
            Phase phase, String only) throws SQLException {
        Catalog catalog = database == null ? Catalog.NONE : database.catalog();
        String schema = database == null ? null : database.currentSchema();
        List<Migration> all = routing.migrations().stream().map(MigrationConfig::migration).toList();
        Analysis analysis = new SqlRewriter(all, catalog).analyze(sql, dialect, schema);
        List<Line> head = new ArrayList<>();
        head.add(new Line("statement", kind(analysis)));
        Map<String, MigrationConfig> named = new LinkedHashMap<>();
        Set<String> tables = new LinkedHashSet<>();
        for (TableReference reference : analysis.references()) {
            MigrationConfig config = routing.migration(reference.migration().id());
            named.put(config.id(), config);
            tables.add(reference.migration().table(reference.side()) + ", the " + lower(reference.side()) + " of "
                    + config.id() + " (" + config.phase().fileName() + ")");
        }
        head.add(new Line("names", tables.isEmpty() ? "no table of a migration: it runs as written in every phase,"
                + " never parsed" : String.join("; ", tables)));
        head.add(new Line("caller", caller(caller)));
        head.add(new Line("columns", database == null ? "none: " + dialect.name().toLowerCase(Locale.ROOT)
                + " without a database, so SELECT * and t.* cannot be expanded, an INSERT without a column list"
                + " cannot be translated, and a mirrored write's copy statement is not shown"
                : "from " + database.url() + " (" + dialect.name().toLowerCase(Locale.ROOT) + ")"));
        if (only != null && !named.containsKey(only)) {
            head.add(new Line("note", "the statement names no table of migration " + only + ", so its phase does not"
                    + " change what happens to it"));
        }
        Set<String> failing = new LinkedHashSet<>();
        if (database != null) {
            for (MigrationConfig config : named.values()) {
                List<String> problems = database.schemaProblems(config.migration());
                if (!problems.isEmpty()) {
                    failing.add(config.id());
                    head.add(new Line("schema", config.id() + " fails the live-schema check, so the driver treats it"
                            + " as off on this database: " + String.join("; ", problems)));
                }
            }
        }
        List<Section> sections = new ArrayList<>();
        if (named.isEmpty()) {
            return new Explanation(head, sections);
        }
        Explainer explainer = new Explainer(sql, dialect, database, catalog, schema, caller, failing, routing,
                named.keySet());
        Set<String> moved = only != null ? Set.of(only) : named.keySet();
        if (phase != null) {
            sections.add(explainer.section(withPhase(routing, moved, phase)));
            return new Explanation(head, sections);
        }
        List<Routing> walk = new ArrayList<>();
        for (Phase each : Phase.values()) {
            walk.add(withPhase(routing, moved, each));
        }
        if (walk.stream().noneMatch(r -> samePhases(r, routing, named.keySet()))) {
            sections.add(explainer.section(routing));
        }
        for (Routing each : walk) {
            sections.add(explainer.section(each));
        }
        return new Explanation(head, sections);
    }

    /** One statement explained under one routing after another. */
    private record Explainer(String sql, Dialect dialect, LiveDatabase database, Catalog catalog, String schema,
            Caller caller, Set<String> failing, Routing inForce, Set<String> named) {

        Section section(Routing routing) {
            boolean same = samePhases(routing, inForce, named);
            List<String> phases = new ArrayList<>();
            for (String id : named) {
                String phase = routing.migration(id).phase().fileName();
                phases.add(named.size() == 1 ? phase : id + " " + phase);
            }
            String title = String.join(", ", phases) + (same ? " (in force)" : "");
            return new Section(title, same, lines(routing));
        }

        private List<Line> lines(Routing routing) {
            List<Line> lines = new ArrayList<>();
            Map<String, Applied> applied = new HashMap<>();
            List<Migration> live = new ArrayList<>();
            for (MigrationConfig config : routing.migrations()) {
                if (config.phase() != Phase.OFF && !failing.contains(config.id())) {
                    applied.put(config.id(), new Applied(config, null));
                    live.add(config.migration());
                }
            }
            SqlRewriter rewriter = live.isEmpty() ? null : new SqlRewriter(live, catalog);
            SqlRewriter.Verdict verdict = rewriter == null ? null : rewriter.verdict(sql, dialect, schema);
            if (verdict == null || verdict.analysis().references().isEmpty()) {
                lines.add(new Line("route", "as written: no migration it names is applied (off"
                        + (failing.isEmpty() ? ")" : ", or failing the live-schema check)")));
                return lines;
            }
            Plan plan = new Plan(routing, dialect, rewriter, Map.copyOf(applied), false,
                    database == null ? null : catalog);
            List<Applied> named = Decision.named(plan, verdict.analysis());
            switch (verdict.analysis().kind()) {
                case READ -> read(verdict, named, lines);
                case WRITE -> write(plan, verdict, named, lines);
                case DDL -> lines.add(new Line("route", "as written: DDL is never rewritten or mirrored; the driver"
                        + " logs it at WARN and checks the live schema again"));
                case SESSION, OTHER -> lines.add(new Line("route", "as written: a "
                        + verdict.analysis().kind().name().toLowerCase(Locale.ROOT) + " statement is not routed"));
            }
            return lines;
        }

        private void read(SqlRewriter.Verdict verdict, List<Applied> named, List<Line> lines) {
            Analysis analysis = verdict.analysis();
            Side hint = Decision.hint(sql);
            Set<Side> wanted = new LinkedHashSet<>();
            for (Applied applied : named) {
                ReadRule rule = Decision.rule(applied.config(), analysis.locking(), hint, caller);
                wanted.add(rule.side());
                lines.add(new Line("rule", (named.size() > 1 ? applied.config().id() + ": " : "") + lower(rule.side())
                        + ", by " + rule.rule() + ": " + why(rule, applied.config(), hint)));
            }
            Side side;
            try {
                side = Decision.read(verdict, sql, named, caller);
            } catch (Decision.Refused e) {
                lines.add(new Line("refused", e.getMessage()));
                return;
            }
            if (side == null) {
                lines.add(new Line("route", "as written: it cannot be parsed, so it is not translated ("
                        + analysis.reason() + ")"));
                return;
            }
            Side combined;
            try {
                combined = Decision.combined(named, analysis.locking(), hint, caller);
            } catch (Decision.Refused e) {
                throw new IllegalStateException(e); // read() decided without refusing
            }
            if (wanted.size() > 1) {
                lines.add(new Line("combined", "the migrations named want different sides: the " + lower(combined)
                        + (combined == Side.SOURCE ? ", complete in every phase before target-only"
                        : ", complete for every migration named, one of them in target-only")));
            }
            if (side != combined) {
                lines.add(new Line("fallback", "the target cannot serve it exactly (" + verdict.read(Side.TARGET).reason()
                        + "), so the source does"));
            }
            String served = verdict.read(side).sql();
            lines.add(new Line("route", lower(side) + " (" + tables(named, side) + ")"));
            lines.add(new Line("sql", served.equals(sql) ? "as written" : served));
            if (Decision.shadowable(side, analysis, named)) {
                for (Applied applied : named) {
                    double rate = applied.config().sampleRate();
                    if (applied.config().phase() == Phase.VERIFY && rate > 0) {
                        ReadRewrite target = verdict.read(Side.TARGET);
                        lines.add(new Line("shadow", target.ok()
                                ? percent(rate) + " of these reads (" + applied.config().id() + " verify.sampleRate) also"
                                        + " run on the target, and the rows are compared: " + target.sql()
                                : "none: the target cannot serve it (" + target.reason() + ")"));
                    }
                }
            }
        }

        private void write(Plan plan, SqlRewriter.Verdict verdict, List<Applied> named, List<Line> lines) {
            Router.Route route;
            try {
                route = Decision.write(plan, verdict, sql, named, schema);
            } catch (Decision.Refused e) {
                lines.add(new Line("refused", e.getMessage()));
                return;
            }
            if (route == null) {
                lines.add(new Line("route", "as written: " + asWritten(verdict, named)));
            } else if (route.mirror() != null) {
                mirrored(route.mirror(), lines);
            } else {
                String id = Decision.translating(verdict.analysis(), named).config().id();
                lines.add(new Line("route", "translated to the target: " + id + " is in target-only and the statement"
                        + " names its source, which is no longer written"));
                lines.add(new Line("sql", route.sql()));
                lines.add(new Line("params", parameters(route.parameters())));
            }
        }

        private static String asWritten(SqlRewriter.Verdict verdict, List<Applied> named) {
            if (Decision.mirroring(named) == null) {
                return "it names only the target of migrations in target-only, which is written as it is";
            }
            WriteShape shape = verdict.write();
            if (shape.migration() == null) {
                return "it changes no migrated table; the migrated tables it reads are complete on the source";
            }
            return "it changes the target of " + shape.migration().id() + ", in target-only, which is written as it is";
        }

        private void mirrored(Mirror mirror, List<Line> lines) {
            WriteShape shape = mirror.shape();
            Migration migration = shape.migration();
            MirrorCopy copy = mirror.copy();
            String keys = copy != null ? copy.primaryKeyList() : String.join(", ", migration.key(dialect, shape.side()));
            lines.add(new Line("route", "mirrored: runs as written on " + migration.table(shape.side()) + ", the "
                    + lower(shape.side()) + " of " + migration.id() + ", then the rows it changed are copied by key into "
                    + migration.table(shape.side().other()) + ", in the same transaction"));
            String capture = mirror.capture() == Mirror.Capture.OWN_RETURNING ? null : mirror.copy() == null ? null
                    : mirror.captureSql(sql);
            lines.add(new Line("capture", switch (mirror.capture()) {
                case GENERATED_KEYS -> dialect == Dialect.POSTGRESQL
                        ? "the driver's generated keys (" + keys + "): PostgreSQL appends RETURNING " + keys
                        : "the driver's generated keys (" + keys + "): H2 returns them for the rows inserted, updated or"
                                + " merged";
                case OWN_RETURNING -> "the statement's own RETURNING, which returns the key; its rows are kept for the"
                        + " application";
                case APPEND_RETURNING -> "RETURNING " + keys + " appended (MariaDB), the update count being the rows"
                        + " returned" + (capture == null ? "" : ": " + capture);
                case OLD_TABLE -> "the rows the delete removed, read from OLD TABLE (H2)"
                        + (capture == null ? "" : ": " + capture);
                case LOCKING_SELECT -> "a locking select of the rows its WHERE matches, run first (MariaDB, which"
                        + " returns no rows from an UPDATE); the update is then restricted to those keys"
                        + (capture == null ? "" : ": " + capture);
                case JOINED_LOCKING_SELECT -> "a locking SELECT DISTINCT of the keys of the rows of "
                        + shape.captureQualifier() + " that its table references and WHERE match, run first (MariaDB"
                        + " multi-table " + shape.verb() + ", which returns no rows); the statement is then restricted"
                        + " to those keys, and " + (shape.verb() == WriteShape.Verb.DELETE
                                ? "the mirror rows of the keys whose row it removed are deleted" : "their rows copied")
                        + (capture == null ? "" : ": " + capture);
                case QUALIFIED_RETURNING -> "RETURNING " + keys + " qualified with the written table (PostgreSQL"
                        + " UPDATE … FROM / DELETE … USING)";
                case GIVEN_KEYS -> "the keys its VALUES give (MariaDB upsert on a table whose only unique key is the"
                        + " migration's), selected after it runs" + (capture == null ? "" : ": " + capture);
            }));
            lines.add(new Line("copy", copy == null ? "not shown: without a database the columns of the tables are"
                    + " not known" : (shape.verb() == WriteShape.Verb.DELETE ? copy.deleteOne() : copy.upsertOne())
                    + "  (per key; up to 500 keys a statement)"));
            String one = mirror.oneStatement(sql);
            if (one != null) {
                lines.add(new Line("autocommit", "under autocommit, when no generated keys are asked for, the write"
                        + " and its copy run as one statement instead: " + one));
            }
        }

        private String why(ReadRule rule, MigrationConfig config, Side hint) {
            ReadPolicy reads = config.reads();
            return switch (rule) {
                case PHASE_SOURCE -> "phase " + config.phase().fileName() + " reads the source";
                case PHASE_TARGET -> "phase target-only reads the target" + (hint == Side.SOURCE ? ", its source hint"
                        + " ignored" : "");
                case LOCKING -> "a locking read stays on the source before target-only";
                case HINT_SOURCE, HINT_TARGET -> "the statement's /* tandem:route=" + lower(rule.side()) + " */";
                case CONSUMER_SOURCE, CONSUMER_TARGET -> "reads.consumers sends client " + caller.consumer()
                        + " to the " + lower(rule.side());
                case SCHEMA_VERSION -> "client declares schema version " + caller.schemaVersion()
                        + ", at or above reads.schemaVersion " + reads.schemaVersion();
                case PERCENT -> reads.percent() == 100 ? "reads.percent is 100: every read"
                        : "cohort " + caller.cohort() + " is in bucket " + Cohorts.bucket(config.id(), caller.cohort())
                                + " of " + Cohorts.BUCKETS + ", below reads.percent " + reads.percent() + " ("
                                + reads.percent() * (Cohorts.BUCKETS / 100) + ")";
                case DEFAULT -> "no rule of reads matched (" + unmatched(config) + ")";
            };
        }

        private String unmatched(MigrationConfig config) {
            ReadPolicy reads = config.reads();
            if (reads.equals(ReadPolicy.SOURCE)) {
                return "the migration has no reads: rules";
            }
            List<String> why = new ArrayList<>();
            why.add(caller.consumer() == null ? "no client" : "no consumer rule for " + caller.consumer());
            if (reads.schemaVersion() == null) {
                why.add("no schemaVersion rule");
            } else {
                why.add(caller.schemaVersion() == null ? "no schema version declared"
                        : "schema version " + caller.schemaVersion() + " below " + reads.schemaVersion());
            }
            if (reads.percent() == 0) {
                why.add("percent 0");
            } else {
                why.add(caller.cohort() == null ? "no cohort for percent " + reads.percent()
                        : "cohort " + caller.cohort() + " in bucket " + Cohorts.bucket(config.id(), caller.cohort())
                                + ", not below percent " + reads.percent() + " ("
                                + reads.percent() * (Cohorts.BUCKETS / 100) + ")");
            }
            return String.join(", ", why);
        }

        private static String tables(List<Applied> named, Side side) {
            List<String> tables = new ArrayList<>();
            for (Applied applied : named) {
                tables.add(applied.config().migration().table(side).toString());
            }
            return String.join(", ", tables);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String kind(Analysis analysis) {
        String kind = analysis.kind().name().toLowerCase(Locale.ROOT);
        if (analysis.statements() > 1) {
            kind += ", " + analysis.statements() + " statements";
        }
        return analysis.analysed() ? kind : kind + "; cannot be parsed: " + analysis.reason();
    }

    private static String caller(Caller caller) {
        return (caller.consumer() == null ? "no client" : "client " + caller.consumer()) + ", "
                + (caller.schemaVersion() == null ? "no schema version" : "schema version " + caller.schemaVersion())
                + ", " + (caller.cohort() == null ? "no cohort" : "cohort " + caller.cohort());
    }

    private static Routing withPhase(Routing routing, Set<String> ids, Phase phase) {
        List<MigrationConfig> migrations = new ArrayList<>();
        for (MigrationConfig m : routing.migrations()) {
            migrations.add(!ids.contains(m.id()) || m.phase() == phase ? m : new MigrationConfig(m.migration(), m.owner(),
                    phase, m.reads(), m.sampleRate(), m.force(), m.file(), m.line()));
        }
        return new Routing(migrations, routing.checksum());
    }

    private static boolean samePhases(Routing a, Routing b, Set<String> ids) {
        for (String id : ids) {
            if (a.migration(id).phase() != b.migration(id).phase()) {
                return false;
            }
        }
        return true;
    }

    private static String parameters(int[] parameters) {
        if (parameters == null) {
            return "as given: the translation takes the statement's parameters in the same order";
        }
        if (parameters.length == 0) {
            return "none: the translation takes no parameter";
        }
        StringBuilder map = new StringBuilder("the translation's ? from the statement's: ");
        for (int i = 0; i < parameters.length; i++) {
            map.append(i == 0 ? "" : ", ").append(i + 1).append(" <- ").append(parameters[i]);
        }
        return map.toString();
    }

    private static String percent(double rate) {
        double percent = rate * 100;
        return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + "%";
    }

    private static String lower(Side side) {
        return side.name().toLowerCase(Locale.ROOT);
    }
}
