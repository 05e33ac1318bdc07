package dev.tandem.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Assumptions;

/**
 * The databases every test body runs on: H2 always; PostgreSQL and MariaDB when their URL is set in
 * the environment. Without it a test is skipped and says why, except in CI ({@code CI=true}), where a
 * missing database fails the test instead of letting a skip pass for a run.
 */
public enum TestDatabase {

    H2(null),
    POSTGRES("TANDEM_TEST_POSTGRES_URL"),
    MARIADB("TANDEM_TEST_MARIADB_URL");

    private final String environmentVariable;

    TestDatabase(String environmentVariable) {
        this.environmentVariable = environmentVariable;
    }

    /** The real driver's URL; skips (or in CI fails) the calling test when it is not configured. */
    public String rawUrl() {
        if (environmentVariable == null) {
            return "jdbc:h2:mem:tandem;DB_CLOSE_DELAY=-1";
        }
        String url = System.getenv(environmentVariable);
        if (url == null || url.isBlank()) {
            String why = environmentVariable + " is not set: " + name().toLowerCase(Locale.ROOT) + " tests skipped";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + ", and in CI they must run");
            }
            Assumptions.abort(why);
        }
        return url;
    }

    /** The same database through Tandem: {@code jdbc:tandem:} + the real URL without its {@code jdbc:}. */
    public String tandemUrl() {
        return TandemUrl.PREFIX + rawUrl().substring("jdbc:".length());
    }

    public Connection raw() throws SQLException {
        return DriverManager.getConnection(rawUrl());
    }

    public Connection tandem() throws SQLException {
        return DriverManager.getConnection(tandemUrl());
    }

    /** Every row {@code sql} returns, read through the real driver, each row's columns joined with {@code |}. */
    public List<String> rows(String sql) throws SQLException {
        List<String> joined = new ArrayList<>();
        try (Connection raw = raw()) {
            for (List<String> row : rows(raw, sql)) {
                joined.add(String.join("|", row.stream().map(String::valueOf).toList()));
            }
        }
        return joined;
    }

    /** Every row {@code sql} returns on {@code connection}, each column as {@code getString} reads it. */
    public static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int c = 1; c <= columns; c++) {
                    row.add(result.getString(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
