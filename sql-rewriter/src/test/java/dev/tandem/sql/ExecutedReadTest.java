package dev.tandem.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

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

    static Stream<Arguments> sourceReads() {
        return Stream.of(TestDatabase.values()).flatMap(db -> SOURCE_READS.stream().map(sql -> Arguments.of(db, sql)));
    }

    static Stream<Arguments> targetReads() {
        return Stream.of(TestDatabase.values()).flatMap(db -> TARGET_READS.stream().map(sql -> Arguments.of(db, sql)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("sourceReads")
    void sourceRead_servedFromTheTarget_givesTheSameLabelsAndRows(TestDatabase database, String sql) throws Exception {
        sameResult(database, sql, Side.SOURCE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("targetReads")
    void targetRead_servedFromTheSource_givesTheSameLabelsAndRows(TestDatabase database, String sql) throws Exception {
        sameResult(database, sql, Side.TARGET);
    }

    private static void sameResult(TestDatabase database, String sql, Side written) throws Exception {
        SqlRewriter rewriter = new SqlRewriter(List.of(TestDatabase.USERS), TestDatabase.CATALOG);
        ReadRewrite rewrite = rewriter.read(sql, database.dialect(), null, written.other());
        assertThat(rewrite.reason()).as(sql).isNull();
        List<String> expected = run(database.connection(written), sql);
        List<String> actual = run(database.connection(written.other()), rewrite.sql());
        if (!sql.toUpperCase(Locale.ROOT).contains("ORDER BY")) {
            expected.subList(1, expected.size()).sort(null);
            actual.subList(1, actual.size()).sort(null);
        }
        assertThat(actual).as("%s%n  became %s", sql, rewrite.sql()).isEqualTo(expected);
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
