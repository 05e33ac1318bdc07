package dev.tandem.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
}
