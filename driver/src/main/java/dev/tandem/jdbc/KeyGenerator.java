package dev.tandem.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import dev.tandem.sql.Dialect;
import dev.tandem.sql.TableName;

/**
 * The generator of one key column (identity, serial or AUTO_INCREMENT) as the database reports it: the
 * next value it issues, and the statement that moves it past a given key. The one place that reads and
 * advances key generators, for {@code tandem validate} (which checks that the target's is past the
 * source's keys), for the end of {@code tandem backfill} and for the driver when a migration enters
 * {@code target-only} (which advance it). Read per database:
 * PostgreSQL's sequence ({@code pg_get_serial_sequence}, its last value and increment), MariaDB's
 * {@code AUTO_INCREMENT} ({@code information_schema}), H2's identity ({@code IDENTITY_BASE}, the next value).
 *
 * @param next    the next value the generator issues
 * @param advance the statement that makes it issue the key after the {@code largest} it was read for
 */
public record KeyGenerator(BigDecimal next, String advance) {

    /**
     * The generator of {@code table.column}, or null when the column has none.
     *
     * @param schema  the schema {@code table} is in when it names none, as the database stores it
     * @param column  the column as the routing file names it
     * @param largest the key the generator must get past; null when there is none (an empty source)
     */
    public static KeyGenerator of(Connection connection, Dialect dialect, String schema, TableName table, String column,
            BigDecimal largest) throws SQLException {
        String next = largest == null ? "1" : largest.add(BigDecimal.ONE).toPlainString();
        String inSchema = table.schema() != null ? dialect.canonicalTable(table.schema()) : schema;
        String name = dialect.canonicalTable(table.name());
        String stored = dialect.canonical(column);
        if (dialect == Dialect.POSTGRESQL) {
            String sequence = text(connection, "SELECT pg_get_serial_sequence(?, ?)", table.toString(), stored);
            if (sequence == null) {
                return null;
            }
            String literal = "'" + sequence.replace("'", "''") + "'";
            try (PreparedStatement statement = connection.prepareStatement("SELECT s.last_value, s.is_called,"
                    + " p.seqincrement FROM " + sequence + " s, pg_sequence p WHERE p.seqrelid = " + literal + "::regclass");
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                BigDecimal last = rows.getBigDecimal(1);
                BigDecimal value = rows.getBoolean(2) ? last.add(rows.getBigDecimal(3)) : last;
                return new KeyGenerator(value, "SELECT setval(" + literal + ", "
                        + (largest == null ? "1" : largest.toPlainString()) + ")");
            }
        }
        if (dialect.mariadb()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT c.EXTRA, t.AUTO_INCREMENT"
                    + " FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
                    + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                    + " WHERE c.TABLE_SCHEMA = ? AND c.TABLE_NAME = ? AND c.COLUMN_NAME = ?")) {
                statement.setString(1, inSchema);
                statement.setString(2, name);
                statement.setString(3, stored);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next() || rows.getString(1) == null
                            || !rows.getString(1).toLowerCase(Locale.ROOT).contains("auto_increment")
                            || rows.getBigDecimal(2) == null) {
                        return null;
                    }
                    return new KeyGenerator(rows.getBigDecimal(2), "ALTER TABLE " + table + " AUTO_INCREMENT = " + next);
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT IDENTITY_BASE"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?"
                + " AND IS_IDENTITY = 'YES'")) {
            statement.setString(1, inSchema);
            statement.setString(2, name);
            statement.setString(3, stored);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new KeyGenerator(rows.getBigDecimal(1), "ALTER TABLE " + table + " ALTER COLUMN "
                        + dialect.identifier(stored) + " RESTART WITH " + next) : null;
            }
        }
    }

    /** Whether it already issues keys past {@code largest} (any key, when null). */
    public boolean past(BigDecimal largest) {
        return largest == null || next.compareTo(largest) > 0;
    }

    /**
     * The largest value of {@code table.column}, or null when the table has no rows.
     *
     * @param column the column as the routing file names it
     * @throws SQLException also when the column is not a number, which no generator issues
     */
    public static BigDecimal largest(Connection connection, TableName table, String column) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT MAX(" + column + ") FROM " + table)) {
            rows.next();
            Object value = rows.getObject(1);
            if (value == null) {
                return null;
            }
            if (!(value instanceof Number)) {
                throw new SQLException("the key " + table + "." + column + " is not a number, so no generator can"
                        + " lag it");
            }
            return new BigDecimal(value.toString());
        }
    }

    private static String text(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
