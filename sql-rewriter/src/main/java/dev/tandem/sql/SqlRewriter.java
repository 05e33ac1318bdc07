package dev.tandem.sql;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.tandem.sql.internal.Statements;

/**
 * Tandem's SQL analysis and read translation for one set of migrations and one database: finds the
 * migrated tables a statement names and translates a read to be served from the other table, by
 * splicing into the application's own text. Verdicts are cached per statement; a new routing gets a
 * new rewriter, so the cache never outlives the mapping it was computed for.
 */
public final class SqlRewriter {

    private static final int CACHE_SIZE = 10_000;

    private final List<Migration> migrations;
    private final Statements statements;
    private final Cache<Key, Verdict> cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    private record Key(String sql, Dialect dialect, String schema) {
    }

    /** A rewriter for {@code migrations}, resolving columns with {@code catalog}. */
    public SqlRewriter(List<Migration> migrations, Catalog catalog) {
        this.migrations = List.copyOf(migrations);
        Set<String> names = new HashSet<>();
        for (Migration migration : this.migrations) {
            names.add(bare(migration.source().name()));
            names.add(bare(migration.target().name()));
        }
        this.statements = new Statements(this.migrations, catalog, names);
    }

    /** Loads and runs the parser once; the first parse otherwise costs hundreds of milliseconds. */
    public static void warm() {
        Statements.warm();
    }

    /**
     * Why {@code expression}, a mapping's {@code toTarget} or {@code toSource}, is not one SQL expression
     * that {@code dialect} reads; null when it is.
     */
    public static String expressionProblem(String expression, Dialect dialect) {
        return Statements.expressionProblem(expression, dialect);
    }

    /** The migrations this rewriter knows. */
    public List<Migration> migrations() {
        return migrations;
    }

    /**
     * Whether {@code sql} may name a migrated table: a word scan, no parse. A statement for which this
     * is false names none and needs no analysis.
     */
    public boolean mayNameMigratedTable(String sql) {
        return statements.mayName(sql);
    }

    /** What {@code sql} is and which migrated tables it names, where. */
    public Analysis analyze(String sql, Dialect dialect, String currentSchema) {
        return verdict(sql, dialect, currentSchema).analysis();
    }

    /**
     * {@code sql}, a read, translated to be served from {@code servedFrom}: every migrated table it
     * names on the other side is replaced, with its columns, so that the rows, columns, labels and
     * order are those the statement would give on its own tables. Refused, with the reason, when
     * that cannot be done exactly.
     */
    public ReadRewrite read(String sql, Dialect dialect, String currentSchema, Side servedFrom) {
        return verdict(sql, dialect, currentSchema).read(servedFrom);
    }

    /**
     * Everything the rewriter says about {@code sql}, from one cache lookup: its analysis, and its
     * translation to each side, each computed the first time it is asked for.
     */
    public Verdict verdict(String sql, Dialect dialect, String currentSchema) {
        Key key = new Key(sql, dialect, currentSchema);
        Verdict known = cache.getIfPresent(key);
        if (known != null) {
            hits.increment();
            return known;
        }
        if (!statements.mayName(sql)) {
            Statements.Shape shape = Statements.shape(sql, dialect);
            return new Verdict(this, key, new Analysis(shape.kind(), shape.statements(), List.of(), false, null));
        }
        Verdict[] made = new Verdict[1];
        Verdict verdict = cache.get(key, k -> made[0] = new Verdict(this, k, statements.analyze(sql, dialect, currentSchema)));
        (verdict == made[0] ? misses : hits).increment();
        return verdict;
    }

    /** One statement's analysis, and its reads served from each side, computed when first asked for. */
    public static final class Verdict {

        private final SqlRewriter rewriter;
        private final Key key;
        private final Analysis analysis;
        private volatile ReadRewrite fromSource;
        private volatile ReadRewrite fromTarget;
        private volatile WriteShape write;
        private volatile WriteRewrite toTarget;

        private Verdict(SqlRewriter rewriter, Key key, Analysis analysis) {
            this.rewriter = rewriter;
            this.key = key;
            this.analysis = analysis;
        }

        /** What the statement is and which migrated tables it names, where. */
        public Analysis analysis() {
            return analysis;
        }

        /**
         * The statement, a write, as mirroring needs it: which migrated table it changes and how; computed
         * the first time it is asked for.
         */
        public WriteShape write() {
            WriteShape known = write;
            if (known == null) {
                write = known = rewriter.statements.write(key.sql(), key.dialect(), key.schema());
            }
            return known;
        }

        /**
         * The statement, a write naming the source of a migration, translated to change the target
         * instead (phase target-only); computed the first time it is asked for.
         */
        public WriteRewrite writeToTarget() {
            WriteRewrite known = toTarget;
            if (known == null) {
                Statements.Translation made = rewriter.statements.translateWrite(key.sql(), key.dialect(), key.schema());
                toTarget = known = made.reason() != null ? WriteRewrite.refused(made.reason())
                        : new WriteRewrite(made.sql(), made.parameters(), null);
            }
            return known;
        }

        /** The statement, a read, served from {@code servedFrom}; see {@link SqlRewriter#read}. */
        public ReadRewrite read(Side servedFrom) {
            ReadRewrite known = servedFrom == Side.SOURCE ? fromSource : fromTarget;
            if (known != null) {
                return known;
            }
            ReadRewrite made;
            if (analysis.namesNoMigratedTable()) {
                made = ReadRewrite.of(key.sql());
            } else {
                Statements.Result result = rewriter.statements.translate(key.sql(), key.dialect(), key.schema(), servedFrom);
                made = result.reason() != null ? ReadRewrite.refused(result.reason()) : ReadRewrite.of(result.sql());
            }
            if (servedFrom == Side.SOURCE) {
                fromSource = made;
            } else {
                fromTarget = made;
            }
            return made;
        }
    }

    /** How many times a verdict was found in the cache. */
    public long cacheHits() {
        return hits.sum();
    }

    /** How many times a verdict had to be computed: a parse. */
    public long cacheMisses() {
        return misses.sum();
    }

    /** Drops every verdict, after DDL: a column list they were computed from may have changed. */
    public void forgetVerdicts() {
        cache.invalidateAll();
    }

    /** How many verdicts are cached now. */
    public long cachedVerdicts() {
        return cache.estimatedSize();
    }

    /** The name without its quotes: the word scan ignores case, so a quoted name is found as written. */
    private static String bare(String name) {
        boolean quoted = name.length() >= 2 && (name.charAt(0) == '"' || name.charAt(0) == '`');
        return quoted ? name.substring(1, name.length() - 1) : name;
    }

}
