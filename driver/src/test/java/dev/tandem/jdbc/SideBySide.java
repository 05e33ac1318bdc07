package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs one scenario through the raw driver and then through {@code jdbc:tandem:} on the same database,
 * and asserts that both saw the same results. Scenarios create their own tables (dropping any left
 * over), so the two runs start from the same state and even generated keys must agree.
 */
final class SideBySide {

    /** What a scenario does on a connection, returning everything it observed. */
    @FunctionalInterface
    interface Scenario<T> {
        T run(Connection connection) throws Exception;
    }

    private SideBySide() {
    }

    /** Runs {@code scenario} raw, then through Tandem; returns what Tandem's run observed. */
    static <T> T sameOnBoth(TestDatabase database, Scenario<T> scenario) throws Exception {
        T raw;
        try (Connection connection = database.raw()) {
            raw = scenario.run(connection);
        }
        T tandem;
        try (Connection connection = database.tandem()) {
            assertThat(connection).isInstanceOf(TandemConnection.class);
            tandem = scenario.run(connection);
        }
        assertThat(tandem).as("through jdbc:tandem: on %s", database).isEqualTo(raw);
        return tandem;
    }

    /** Drops {@code table} if a previous run left it. */
    static void drop(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
    }
}
