package dev.tandem.sql;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * The three databases the rewriter's translations are run on, each with one schema per side of the
 * {@code users} migration: the source schema has {@code users}, the target schema {@code users_v2},
 * both the same data and the same unmigrated tables. Built once per test run; tests only read, or
 * write inside a transaction they roll back. H2 always; PostgreSQL and MariaDB when their URLs are
 * set (and they must be in CI).
 */
enum TestDatabase {
    H2(null, Dialect.H2), POSTGRES("TANDEM_TEST_POSTGRES_URL", Dialect.POSTGRESQL),
    MARIADB("TANDEM_TEST_MARIADB_URL", Dialect.MARIADB);

    /** The users migration of the read tests: a rename, a source-only column, a computed column. */
    static final Migration USERS = new Migration("users-v2", TableName.parse("users"), TableName.parse("users_v2"),
            List.of("id"), List.of(
                    new ColumnMapping.Rename("name", "full_name"),
                    new ColumnMapping.SourceOnly("legacy_flag"),
                    new ColumnMapping.Computed("status", "status_code", "CAST(status AS VARCHAR(8))",
                            "CAST(status_code AS INT)")));

    /** The tables of both schemas, columns in order, as the driver's catalog would give them. */
    static final Map<String, List<String>> TABLES = Map.of(
            "users", List.of("id", "name", "email", "status", "legacy_flag"),
            "users_v2", List.of("id", "full_name", "email", "status_code", "created_at"),
            "orders", List.of("order_id", "user_id", "total", "state"),
            "user_roles", List.of("user_id", "role"));

    static final Catalog CATALOG = catalog(TABLES);

    /**
     * A catalog of {@code tables} (lower-case names) that answers the way the database stores names:
     * asked for {@code USERS}, as H2 stores an unquoted name, it gives upper-case column names.
     */
    static Catalog catalog(Map<String, List<String>> tables) {
        return (schema, table) -> {
            List<String> columns = tables.get(table.toLowerCase(Locale.ROOT));
            boolean upper = columns != null && table.equals(table.toUpperCase(Locale.ROOT))
                    && !table.equals(table.toLowerCase(Locale.ROOT));
            return upper ? columns.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList() : columns;
        };
    }

    private static final List<String> SHARED = List.of(
            "CREATE TABLE orders (order_id INT PRIMARY KEY, user_id INT, total DECIMAL(10,2), state VARCHAR(10))",
            "INSERT INTO orders VALUES (1, 1, 9.50, 'paid'), (2, 1, 20.00, 'open'), (3, 2, 31.25, 'paid'),"
                    + " (4, 3, 5.00, 'void'), (5, 5, 12.00, 'open'), (6, 9, 1.00, 'open')",
            "CREATE TABLE user_roles (user_id INT, role VARCHAR(20))",
            "INSERT INTO user_roles VALUES (1, 'admin'), (1, 'user'), (2, 'user'), (4, 'user'), (6, 'audit')");

    private static final List<String> SOURCE = List.of(
            "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(100), status INT,"
                    + " legacy_flag BOOLEAN)",
            "INSERT INTO users VALUES (1, 'ann', 'ann@x.io', 1, TRUE), (2, 'bob', 'bob@x.io', 2, FALSE),"
                    + " (3, 'bea', 'bea@x.io', 1, FALSE), (4, 'cy', 'cy@x.io', 2, TRUE), (5, 'dee', NULL, 3, FALSE),"
                    + " (6, 'Eve', 'eve@x.io', NULL, NULL)");

    private static final List<String> TARGET = List.of(
            "CREATE TABLE users_v2 (id INT PRIMARY KEY, full_name VARCHAR(50), email VARCHAR(100),"
                    + " status_code VARCHAR(8), created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)",
            "INSERT INTO users_v2 (id, full_name, email, status_code) VALUES (1, 'ann', 'ann@x.io', '1'),"
                    + " (2, 'bob', 'bob@x.io', '2'), (3, 'bea', 'bea@x.io', '1'), (4, 'cy', 'cy@x.io', '2'),"
                    + " (5, 'dee', NULL, '3'), (6, 'Eve', 'eve@x.io', NULL)");

    private final String variable;
    private final Dialect dialect;
    private final Map<Side, Connection> connections = new EnumMap<>(Side.class);

    TestDatabase(String variable, Dialect dialect) {
        this.variable = variable;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /** The schema that holds {@code side}'s table. */
    static String schema(Side side) {
        return "tandem_rw_" + side.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A connection whose current schema holds {@code side}'s table and the shared ones, filled; the
     * same connection for the whole run. Callers must leave it as they found it.
     */
    synchronized Connection connection(Side side) throws SQLException {
        Connection connection = connections.get(side);
        if (connection == null || connection.isClosed()) {
            connection = open(side);
            connections.put(side, connection);
        }
        return connection;
    }

    private Connection open(Side side) throws SQLException {
        String url = variable == null ? "jdbc:h2:mem:rewrite_" + side + ";DB_CLOSE_DELAY=-1" : System.getenv(variable);
        if (url == null || url.isBlank()) {
            String why = variable + " is not set: " + name().toLowerCase(Locale.ROOT) + " tests skipped";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + ", and in CI they must run");
            }
            Assumptions.abort(why);
        }
        Connection connection = DriverManager.getConnection(url);
        String schema = schema(side);
        try (Statement statement = connection.createStatement()) {
            switch (this) {
                case H2 -> {
                    statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                    statement.execute("CREATE SCHEMA " + schema);
                    statement.execute("SET SCHEMA " + schema);
                }
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
            for (String sql : SHARED) {
                statement.execute(sql);
            }
            for (String sql : side == Side.SOURCE ? SOURCE : TARGET) {
                statement.execute(sql);
            }
        }
        return connection;
    }
}
