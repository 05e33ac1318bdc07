package dev.tandem.cli;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.tandem.jdbc.LiveDatabase;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.Side;
import dev.tandem.sql.TableName;

/**
 * Whether the target's key generator is past every key the source issued (DESIGN §5): in target-only the
 * target's own generator issues keys, and one it issues that the source already did collides with a
 * copied row. Read per database: PostgreSQL's identity or serial sequence ({@code pg_get_serial_sequence},
 * then the sequence's last value), MariaDB's {@code AUTO_INCREMENT} ({@code information_schema}), H2's
 * identity ({@code INFORMATION_SCHEMA.COLUMNS.IDENTITY_BASE}, the next value).
 */
final class KeyGenerators {

    /**
     * What was found for one migration.
     *
     * @param lagging whether a generator would issue a key at or below the source's largest
     * @param text    what was found, and for a lagging generator how to advance it
     */
    record Finding(boolean lagging, String text) {
    }

    /** The next value a generator issues, and the statement that moves it past {@code key}. */
    private record Generator(BigDecimal next, String advance) {
    }

    private KeyGenerators() {
    }

    /** Checks every key column of {@code migration}'s target that has a generator. */
    static Finding check(LiveDatabase database, Migration migration) throws SQLException {
        Dialect dialect = database.dialect();
        List<String> sourceKey = migration.key(dialect, Side.SOURCE);
        List<String> targetKey = migration.key(dialect, Side.TARGET);
        List<String> found = new ArrayList<>();
        boolean lagging = false;
        for (int i = 0; i < targetKey.size(); i++) {
            String column = targetKey.get(i);
            if (column == null) {
                continue;
            }
            BigDecimal largest = largest(database.connection(), migration.source(), sourceKey.get(i));
            Generator generator = generator(database, migration.target(), column, largest);
            if (generator == null) {
                continue;
            }
            String where = migration.target() + "." + column;
            if (largest == null) {
                found.add("target key " + where + " issues " + generator.next() + " next; the source is empty");
            } else if (generator.next().compareTo(largest) > 0) {
                found.add("target key " + where + " issues " + generator.next() + " next, past the source's largest key "
                        + largest);
            } else {
                lagging = true;
                found.add("target key " + where + " issues " + generator.next() + " next, but the source's largest key"
                        + " is " + largest + ": in target-only the target would issue keys the source already issued;"
                        + " tandem backfill " + migration.id() + " advances it when it finishes, or by hand: "
                        + generator.advance());
            }
        }
        if (found.isEmpty()) {
            return new Finding(false, "no generator on the target's key (" + migration.target() + "."
                    + String.join(", ", targetKey.stream().filter(c -> c != null).toList()) + "): nothing to advance");
        }
        return new Finding(lagging, String.join("; ", found));
    }

    /** The source's largest value of {@code column}, or null when it has no rows. */
    private static BigDecimal largest(Connection connection, TableName table, String column) throws SQLException {
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

    /** The generator of {@code table.column}, or null when it has none. */
    private static Generator generator(LiveDatabase database, TableName table, String column, BigDecimal largest)
            throws SQLException {
        Dialect dialect = database.dialect();
        String next = largest == null ? "1" : largest.add(BigDecimal.ONE).toPlainString();
        Connection connection = database.connection();
        String schema = table.schema() != null ? dialect.canonicalTable(table.schema()) : database.currentSchema();
        String name = dialect.canonicalTable(table.name());
        String stored = dialect.canonical(column);
        if (dialect == Dialect.POSTGRESQL) {
            String sequence = one(connection, "SELECT pg_get_serial_sequence(?, ?)", table.toString(), stored);
            if (sequence == null) {
                return null;
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT s.last_value, s.is_called, p.seqincrement FROM "
                            + sequence + " s, pg_sequence p WHERE p.seqrelid = '" + sequence.replace("'", "''")
                            + "'::regclass")) {
                rows.next();
                BigDecimal last = rows.getBigDecimal(1);
                BigDecimal value = rows.getBoolean(2) ? last.add(rows.getBigDecimal(3)) : last;
                return new Generator(value, "SELECT setval('" + sequence.replace("'", "''") + "', "
                        + (largest == null ? "1" : largest.toPlainString()) + ")");
            }
        }
        if (dialect.mariadb()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT c.EXTRA, t.AUTO_INCREMENT"
                    + " FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
                    + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                    + " WHERE c.TABLE_SCHEMA = ? AND c.TABLE_NAME = ? AND c.COLUMN_NAME = ?")) {
                statement.setString(1, schema);
                statement.setString(2, name);
                statement.setString(3, stored);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next() || rows.getString(1) == null
                            || !rows.getString(1).toLowerCase(java.util.Locale.ROOT).contains("auto_increment")) {
                        return null;
                    }
                    BigDecimal value = rows.getBigDecimal(2);
                    return value == null ? null
                            : new Generator(value, "ALTER TABLE " + table + " AUTO_INCREMENT = " + next);
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT IDENTITY_BASE"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?"
                + " AND IS_IDENTITY = 'YES'")) {
            statement.setString(1, schema);
            statement.setString(2, name);
            statement.setString(3, stored);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new Generator(rows.getBigDecimal(1), "ALTER TABLE " + table + " ALTER COLUMN "
                        + column + " RESTART WITH " + next) : null;
            }
        }
    }

    private static String one(Connection connection, String sql, String... parameters) throws SQLException {
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
