package dev.tandem.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import dev.tandem.sql.Dialect;

/**
 * What Tandem knows about the session of one real connection: the SQL dialect it speaks and its
 * current schema, the schema an unqualified table name resolves in. Both are asked of the database
 * only when routing needs them; the schema is forgotten whenever something may have changed it
 * ({@code setSchema}, {@code setCatalog}, {@code SET …}, {@code USE …}, {@code RESET …},
 * {@code DISCARD …}, and a rollback, since PostgreSQL undoes a {@code SET} made in the transaction),
 * and asked again the next time it is needed.
 */
final class Session {

    private final Connection delegate;
    private Dialect dialect;
    private boolean catalogIsSchema;
    private volatile String schema;
    private volatile boolean schemaKnown;

    Session(Connection delegate) {
        this.delegate = delegate;
    }

    /** The dialect of the database, or null when Tandem cannot read its SQL (no statement is routed then). */
    Dialect dialect() throws SQLException {
        if (dialect == null) {
            String product = delegate.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            catalogIsSchema = product.contains("mariadb") || product.contains("mysql");
            dialect = dialect(product, catalogIsSchema ? lowerCaseTableNames() : 0);
        }
        return dialect;
    }

    /** The dialect for a database product name and, on MariaDB and MySQL, its {@code lower_case_table_names}. */
    static Dialect dialect(String product, int lowerCaseTableNames) {
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return Dialect.POSTGRESQL;
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return lowerCaseTableNames == 0 ? Dialect.MARIADB : Dialect.MARIADB_LOWER_CASE_TABLES;
        }
        if (name.equals("h2")) {
            return Dialect.H2;
        }
        return null;
    }

    private int lowerCaseTableNames() throws SQLException {
        try (Statement statement = delegate.createStatement();
                ResultSet rows = statement.executeQuery("SELECT @@lower_case_table_names")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /**
     * The current schema as the database stores its name: {@code getSchema()}, or on MariaDB and
     * MySQL, where a database is what other systems call a schema, {@code getCatalog()}.
     */
    String currentSchema() throws SQLException {
        if (!schemaKnown) {
            dialect();
            schema = catalogIsSchema ? delegate.getCatalog() : delegate.getSchema();
            schemaKnown = true;
        }
        return schema;
    }

    void forgetSchema() {
        schemaKnown = false;
    }

    /** Called with every statement before it runs: forgets the schema if the statement may change it. */
    void executing(String sql) {
        if (schemaKnown && mayChangeSchema(sql)) {
            schemaKnown = false;
        }
    }

    /**
     * Whether {@code sql} starts (after space and comments) with {@code SET}, {@code USE}, {@code RESET}
     * or {@code DISCARD}, the statements that can move the current schema, or holds a semicolon, so may
     * be several statements, one of which may. A cheap test on the first word, made for every statement.
     */
    static boolean mayChangeSchema(String sql) {
        if (sql.indexOf(';') >= 0) {
            return true;
        }
        int i = firstWord(sql);
        return word(sql, i, "SET") || word(sql, i, "USE") || word(sql, i, "RESET") || word(sql, i, "DISCARD");
    }

    /** What a statement sent as SQL does to the transaction: opens one, ends one, or neither. */
    enum Control {
        NONE, BEGIN, END
    }

    /**
     * Whether {@code sql} is {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code END} or a
     * {@code ROLLBACK} that is not {@code ROLLBACK TO}: a transaction opened or ended in SQL rather than
     * through JDBC. A cheap test on the first words.
     */
    static Control control(String sql) {
        int i = firstWord(sql);
        if (word(sql, i, "BEGIN") || word(sql, i, "START")) {
            return Control.BEGIN;
        }
        if (word(sql, i, "COMMIT") || word(sql, i, "END")) {
            return Control.END;
        }
        if (word(sql, i, "ROLLBACK")) {
            String rest = sql.substring(i + "ROLLBACK".length());
            int next = firstWord(rest);
            if (word(rest, next, "WORK") || word(rest, next, "TRANSACTION")) {
                rest = rest.substring(next + (word(rest, next, "WORK") ? 4 : 11));
                next = firstWord(rest);
            }
            return word(rest, next, "TO") ? Control.NONE : Control.END;
        }
        return Control.NONE;
    }

    /** Where the first word of {@code sql} starts, after space and comments. */
    private static int firstWord(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c <= ' ') {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean word(String sql, int at, String word) {
        int end = at + word.length();
        // most statements fail on the first letter: compared as ASCII without case first, cheaply
        if (end > sql.length() || (sql.charAt(at) | 0x20) != (word.charAt(0) | 0x20)) {
            return false;
        }
        return sql.regionMatches(true, at, word, 0, word.length())
                && (end == sql.length() || !Character.isLetterOrDigit(sql.charAt(end)) && sql.charAt(end) != '_');
    }
}
