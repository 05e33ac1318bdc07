package dev.tandem.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.tandem.sql.Catalog;
import dev.tandem.sql.ColumnMapping;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.ReadRewrite;
import dev.tandem.sql.Side;
import dev.tandem.sql.SqlRewriter;
import dev.tandem.sql.TableName;

/** What translating a read costs: a cache miss (mask, parse, walk, splice), a cache hit, and the word scan. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class RewriterBenchmark {

    // about 200 characters, the size the parser study measured
    private static final String READ = "SELECT u.id, u.name, u.email, u.status, o.total FROM users u"
            + " JOIN orders o ON o.user_id = u.id WHERE u.status = ? AND u.name LIKE ? AND o.total > ?"
            + " ORDER BY u.name LIMIT 20";
    private static final String UNRELATED = "SELECT o.order_id, o.total, c.code FROM orders o JOIN coupons c"
            + " ON c.order_id = o.order_id WHERE o.total > ? AND c.code LIKE ? ORDER BY o.order_id LIMIT 20";

    @Param({"POSTGRESQL", "MARIADB", "H2"})
    Dialect dialect;

    private SqlRewriter rewriter;
    private long miss;

    @Setup
    public void setUp() {
        Migration users = new Migration("users-v2", TableName.parse("users"), TableName.parse("users_v2"),
                List.of("id"), List.of(new ColumnMapping.Rename("name", "full_name"),
                        new ColumnMapping.Computed("status", "status_code", "CAST(status AS VARCHAR(8))",
                                "CAST(status_code AS INT)")));
        Map<String, List<String>> tables = Map.of(
                "users", List.of("id", "name", "email", "status"),
                "orders", List.of("order_id", "user_id", "total"));
        Catalog catalog = (schema, table) -> tables.get(table);
        rewriter = new SqlRewriter(List.of(users), catalog);
        SqlRewriter.warm();
    }

    /** A statement never seen before: the word scan, the masker, Calcite's parse, the walk and the splice. */
    @Benchmark
    public ReadRewrite cacheMiss() {
        // a new literal per call makes a new statement text, which the cache has not seen
        return rewriter.read(READ.replace("LIMIT 20", "LIMIT " + (++miss)), dialect, null, Side.TARGET);
    }

    /** A statement seen before: the word scan and one cache look-up. */
    @Benchmark
    public ReadRewrite cacheHit() {
        return rewriter.read(READ, dialect, null, Side.TARGET);
    }

    /** A statement that names no migrated table: the word scan alone. */
    @Benchmark
    public boolean wordScan() {
        return rewriter.mayNameMigratedTable(UNRELATED);
    }
}
