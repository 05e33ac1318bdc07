package dev.tandem.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every translated read, run for real: the original on a schema holding only its own table, the
 * translation on a schema holding only the other table, with the same data; labels and rows must
 * agree. H2 always; PostgreSQL and MariaDB when their URLs are set (required in CI).
 */
class ExecutedReadTest {

    /** Reads written against the source, served from the target. */
    static final List<String> SOURCE_READS = List.of(
            "SELECT id, name FROM users WHERE id = 2",
            "SELECT u.name, u.email FROM users u WHERE u.name LIKE 'b%' ORDER BY u.name",
            "SELECT name AS n, email FROM users ORDER BY id",
            "SELECT status, id FROM users u WHERE u.status = 1 ORDER BY id",
            "SELECT name, total FROM users JOIN orders ON user_id = id ORDER BY order_id",
            "SELECT o.total FROM orders o WHERE EXISTS (SELECT 1 FROM users WHERE users.id = o.user_id AND name = 'ann') ORDER BY o.order_id",
            "WITH active AS (SELECT id, name FROM users WHERE status = 1) SELECT name FROM active ORDER BY name",
            "SELECT name, COUNT(*) AS c FROM users GROUP BY name HAVING COUNT(*) >= 1 ORDER BY name",
            "SELECT name FROM users WHERE id = 1 UNION ALL SELECT name FROM users WHERE id = 2",
            "SELECT email FROM users JOIN orders ON orders.user_id = users.id WHERE total > 10 ORDER BY email",
            "SELECT MAX(status) AS top, MIN(name) AS first FROM users",
            "SELECT id FROM users WHERE name IN (SELECT name FROM users WHERE status = 2) ORDER BY id",
            "SELECT users.name FROM users ORDER BY users.id DESC",
            "select NAME, Status from users where ID = 3");

    /** Reads written against the target, served from the source. */
    static final List<String> TARGET_READS = List.of(
            "SELECT id, full_name FROM users_v2 WHERE id = 2",
            "SELECT full_name, status_code FROM users_v2 ORDER BY id",
            "SELECT v.full_name, o.total FROM users_v2 v JOIN orders o ON o.user_id = v.id ORDER BY o.order_id");

    enum Database {
        H2(null), POSTGRES("TANDEM_TEST_POSTGRES_URL"), MARIADB("TANDEM_TEST_MARIADB_URL");

        final String variable;

        Database(String variable) {
            this.variable = variable;
        }

        Dialect dialect() {
            return switch (this) {
                case H2 -> Dialect.H2;
                case POSTGRES -> Dialect.POSTGRESQL;
                case MARIADB -> Dialect.MARIADB;
            };
        }

        /** A connection whose current schema holds {@code side}'s tables, created and filled. */
        Connection open(Side side) throws SQLException {
            String url = variable == null ? "jdbc:h2:mem:rewrite_" + side + ";DB_CLOSE_DELAY=-1" : System.getenv(variable);
            if (url == null || url.isBlank()) {
                String why = variable + " is not set: " + name().toLowerCase(Locale.ROOT) + " tests skipped";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    fail(why + ", and in CI they must run");
                }
                Assumptions.abort(why);
            }
            Connection connection = DriverManager.getConnection(url);
            String schema = "tandem_rw_" + side.name().toLowerCase(Locale.ROOT);
            try (Statement statement = connection.createStatement()) {
                switch (this) {
                    case H2 -> { /* one in-memory database per side */ }
                    case POSTGRES -> {
                        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                        statement.execute("CREATE SCHEMA " + schema);
                        statement.execute("SET search_path TO " + schema);
                    }
                    case MARIADB -> {
                        statement.execute("DROP DATABASE IF EXISTS " + schema);
                        statement.execute("CREATE DATABASE " + schema);
                        statement.execute("USE " + schema);
                    }
                }
                statement.execute("DROP TABLE IF EXISTS orders");
                statement.execute("DROP TABLE IF EXISTS " + (side == Side.SOURCE ? "users" : "users_v2"));
                statement.execute("CREATE TABLE orders (order_id INT PRIMARY KEY, user_id INT, total DECIMAL(10,2))");
                statement.execute("INSERT INTO orders VALUES (1, 1, 9.50), (2, 1, 20.00), (3, 2, 31.25), (4, 3, 5.00)");
                if (side == Side.SOURCE) {
                    statement.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(100),"
                            + " status INT, legacy_flag BOOLEAN)");
                    statement.execute("INSERT INTO users VALUES (1, 'ann', 'ann@x.io', 1, TRUE), (2, 'bob', 'bob@x.io', 2, FALSE),"
                            + " (3, 'bea', 'bea@x.io', 1, FALSE), (4, 'cy', 'cy@x.io', 2, TRUE)");
                } else {
                    statement.execute("CREATE TABLE users_v2 (id INT PRIMARY KEY, full_name VARCHAR(50), email VARCHAR(100),"
                            + " status_code VARCHAR(8), created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
                    statement.execute("INSERT INTO users_v2 (id, full_name, email, status_code) VALUES (1, 'ann', 'ann@x.io', '1'),"
                            + " (2, 'bob', 'bob@x.io', '2'), (3, 'bea', 'bea@x.io', '1'), (4, 'cy', 'cy@x.io', '2')");
                }
            }
            return connection;
        }
    }

    static Stream<Arguments> sourceReads() {
        return Stream.of(Database.values()).flatMap(db -> SOURCE_READS.stream().map(sql -> Arguments.of(db, sql)));
    }

    static Stream<Arguments> targetReads() {
        return Stream.of(Database.values()).flatMap(db -> TARGET_READS.stream().map(sql -> Arguments.of(db, sql)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("sourceReads")
    void sourceRead_servedFromTheTarget_givesTheSameLabelsAndRows(Database database, String sql) throws Exception {
        sameResult(database, sql, Side.SOURCE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("targetReads")
    void targetRead_servedFromTheSource_givesTheSameLabelsAndRows(Database database, String sql) throws Exception {
        sameResult(database, sql, Side.TARGET);
    }

    private static void sameResult(Database database, String sql, Side written) throws Exception {
        SqlRewriter rewriter = new SqlRewriter(List.of(ReadRewriteTest.USERS), ReadRewriteTest.CATALOG);
        ReadRewrite rewrite = rewriter.read(sql, database.dialect(), null, written.other());
        assertThat(rewrite.reason()).as(sql).isNull();
        try (Connection own = database.open(written); Connection other = database.open(written.other())) {
            List<String> expected = run(own, sql);
            List<String> actual = run(other, rewrite.sql());
            if (!sql.toUpperCase(Locale.ROOT).contains("ORDER BY")) {
                expected.subList(1, expected.size()).sort(null);
                actual.subList(1, actual.size()).sort(null);
            }
            assertThat(actual).as("%s%n  became %s", sql, rewrite.sql()).isEqualTo(expected);
        }
    }

    /** The labels, then each row, as text. */
    private static List<String> run(Connection connection, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            StringBuilder labels = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                labels.append(meta.getColumnLabel(i)).append('|');
            }
            out.add(labels.toString());
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(Objects.toString(rows.getObject(i))).append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
