package dev.tandem.benchmarks;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.tandem.ops.Backfill;
import dev.tandem.ops.Progress;
import dev.tandem.routing.Routing;
import dev.tandem.sql.Migration;

/**
 * Rows per second of {@code tandem backfill} against the ceiling, one {@code INSERT … SELECT} of the same
 * rows through the same mapping, on one database. Not a JMH benchmark: one backfill is seconds long and
 * does its own I/O, so it is timed whole, several rounds, median reported.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.tandem.benchmarks.BackfillThroughput URL [ROWS] [CHUNK] [WORKERS]</pre>
 */
public final class BackfillThroughput {

    private static final int ROUNDS = 5;

    private BackfillThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:h2:mem:bench_backfill;DB_CLOSE_DELAY=-1";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int chunk = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            String key = "BIGINT PRIMARY KEY";
            statement.execute("DROP TABLE IF EXISTS bench_bf_users");
            statement.execute("DROP TABLE IF EXISTS bench_bf_users_v2");
            statement.execute("CREATE TABLE bench_bf_users (id " + key + ", name VARCHAR(40), email VARCHAR(60),"
                    + " balance DECIMAL(12, 2), status INT)");
            statement.execute("CREATE TABLE bench_bf_users_v2 (id " + key + ", full_name VARCHAR(40), email VARCHAR(60),"
                    + " balance DECIMAL(12, 2), status_code VARCHAR(8))");
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_bf_users VALUES (?, ?, ?, ?, ?)")) {
                for (int id = 1; id <= rows; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "user " + id);
                    insert.setString(3, "user" + id + "@example.com");
                    insert.setBigDecimal(4, java.math.BigDecimal.valueOf(id % 10_000, 2));
                    insert.setInt(5, id % 5);
                    insert.addBatch();
                    if (id % 5000 == 0 || id == rows) {
                        insert.executeBatch();
                    }
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
        Path routing = Files.createTempFile("tandem-bench", ".yaml");
        Files.writeString(routing, """
                migrations:
                  bench-users:
                    source: bench_bf_users
                    target: bench_bf_users_v2
                    key: [id]
                    columns:
                      name: full_name
                      status: {target: status_code, toTarget: "CAST(status AS VARCHAR(8))", toSource: "CAST(status_code AS INT)"}
                    phase: dual-write
                """);
        Migration migration = Routing.load(routing).migration("bench-users").migration();

        List<Double> ceiling = new ArrayList<>();
        List<Double> backfill = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            empty(url);
            long started = System.nanoTime();
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                int copied = statement.executeUpdate("INSERT INTO bench_bf_users_v2 (id, full_name, email, balance,"
                        + " status_code) SELECT id, name, email, balance, CAST(status AS VARCHAR(8)) FROM bench_bf_users");
                connection.commit();
                check(copied, rows);
            }
            ceiling.add(rows / ((System.nanoTime() - started) / 1e9));

            empty(url);
            started = System.nanoTime();
            Backfill.Result result = new Backfill(() -> DriverManager.getConnection(url), migration,
                    new Backfill.Options(chunk, 0, workers, true, "bench"),
                    new Progress(new PrintWriter(Writer.nullWriter()), false, "bench")).run();
            backfill.add(rows / ((System.nanoTime() - started) / 1e9));
            check((int) result.rowsHere(), rows);
        }
        double top = median(ceiling);
        double ours = median(backfill);
        System.out.printf("%s, %,d rows, chunk %d, %d worker(s), %d rounds, median:%n", mask(url), rows, chunk, workers,
                ROUNDS);
        System.out.printf("  INSERT … SELECT (ceiling)  %,10.0f rows/s   rounds %s%n", top, rounded(ceiling));
        System.out.printf("  tandem backfill            %,10.0f rows/s   rounds %s   %.0f%% of the ceiling%n", ours,
                rounded(backfill), 100 * ours / top);
    }

    private static void empty(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE bench_bf_users_v2");
        }
    }

    private static void check(int copied, int rows) {
        if (copied != rows) {
            throw new IllegalStateException(copied + " rows copied, expected " + rows);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format("%,.0f", v)).toList().toString();
    }

    private static String mask(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
