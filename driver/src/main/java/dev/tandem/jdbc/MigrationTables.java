package dev.tandem.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.sql.Catalog;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.Side;

/**
 * One migration's source and target on one database, as {@code tandem backfill} and {@code tandem verify}
 * use them: copy mapping(source) into the target for a range of keys or for some keys, find the keys
 * where the two differ, advance the target's key generator. Every method runs in the caller's
 * transaction on a raw connection (never {@code jdbc:tandem:}, whose mirror would copy the copy back).
 *
 * <p>The mapping is {@link MirrorCopy}'s, the one mirrored writes use, so a backfilled row, a mirrored
 * row and a repaired row are made by the same SQL.
 *
 * <p>Keys are ordered lexicographically over the key columns; a range is "after {@code after}, up to
 * and including {@code upTo}", either end null for open. A key is an {@code Object[]} of the key
 * columns' values, in key order, as {@link #key(ResultSet, int)} reads them.
 */
public final class MigrationTables {

    /** How a key drifts: the target lacks the row, has a row the source lacks, or has other values. */
    public enum DriftKind {
        MISSING, EXTRA, DIFFERENT
    }

    /** One key where the target is not mapping(source). */
    public record Drift(DriftKind kind, Object[] key) {
    }

    /** What one copy did: source rows copied (inserted or updated in the target), target rows deleted. */
    public record Copied(int rows, int deleted) {
    }

    private final Migration migration;
    private final Dialect dialect;
    private final MirrorCopy copy;
    /** The target's mapped columns as stored, each with what that column's type needs to compare exactly. */
    private final Map<String, String> targetTypes;

    private MigrationTables(Migration migration, Dialect dialect, MirrorCopy copy, Map<String, String> targetTypes) {
        this.migration = migration;
        this.dialect = dialect;
        this.copy = copy;
        this.targetTypes = targetTypes;
    }

    /**
     * Reads both tables' columns through {@code raw} and checks the migration against the live schema
     * (the check the driver runs before it mirrors a write).
     *
     * @throws IllegalArgumentException when the database is not one Tandem reads or the migration does
     *                                  not fit it; the message says why
     */
    public static MigrationTables of(Connection raw, Migration migration) throws SQLException {
        Session session = new Session(raw);
        Dialect dialect = session.dialect();
        if (dialect == null) {
            throw new IllegalArgumentException(raw.getMetaData().getDatabaseProductName()
                    + " is not a database whose SQL Tandem reads (PostgreSQL, MariaDB, MySQL, H2)");
        }
        String schema = session.currentSchema();
        List<String> problems = SchemaCheck.problems(raw, dialect, migration, schema);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("migration " + migration.id() + " does not fit the database: "
                    + String.join("; ", problems));
        }
        Catalog catalog = (tableSchema, table) -> {
            try {
                return MetaDataCatalog.columns(raw, dialect.mariadb(), tableSchema, table);
            } catch (SQLException e) {
                return null;
            }
        };
        MirrorCopy copy = MirrorCopy.of(migration, Side.SOURCE, dialect, catalog, schema);
        return new MigrationTables(migration, dialect, copy, targetTypes(raw, dialect, migration, schema));
    }

    public Dialect dialect() {
        return dialect;
    }

    public Migration migration() {
        return migration;
    }

    /** The source table as the routing file names it. */
    public String sourceTable() {
        return copy.primaryTable();
    }

    /** The target table as the routing file names it. */
    public String targetTable() {
        return copy.mirrorTable();
    }

    /** The source's key columns as stored, in key order. */
    public List<String> keyColumns() {
        return List.of(copy.primaryKeyNames());
    }

    /** How many rows the source has now. */
    public long countSource(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + sourceTable());
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * The key that ends a chunk of {@code rows} source rows after {@code after} (null: from the first
     * row), or null when fewer than {@code rows} remain: then the chunk is everything after {@code after}.
     */
    public Object[] chunkEnd(Connection connection, Object[] after, int rows) throws SQLException {
        String[] keys = copy.primaryKeyNames();
        List<Object> binds = new ArrayList<>();
        String where = after == null ? "" : " WHERE " + range(keys, after, null, binds);
        String order = " ORDER BY " + copy.primaryKeyList();
        String sql = "SELECT " + copy.primaryKeyList() + " FROM " + sourceTable() + where + order
                + (dialect == Dialect.H2 ? " OFFSET " + (rows - 1) + " ROWS FETCH FIRST 1 ROWS ONLY"
                        : " LIMIT 1 OFFSET " + (rows - 1));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, binds, 1);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? key(result, 1) : null;
            }
        }
    }

    /**
     * Makes the target equal mapping(source) for the keys after {@code after} up to {@code upTo}, in
     * the caller's transaction, beside live mirrored writes. The caller commits.
     *
     * <p>Why no live write can be undone by the copy, and no deleted row can come back:
     * <ol>
     * <li>The source rows of the range are locked first ({@code SELECT … FOR UPDATE}). A mirrored write
     *     locks the source row it changes (a write naming the target locks the source row when its mirror
     *     copies it), so a write to a locked row waits for this transaction, and one that was under way
     *     has committed, both tables together, before the lock is granted; a row deleted by it is no
     *     longer there to lock.</li>
     * <li>Only the rows locked are upserted, by key, from the source as it is now: a row that appears in
     *     the range after the lock (PostgreSQL and H2 take no gap locks) is not copied with values read
     *     before a later write to it committed; it was written through the mirror, so the target has it.</li>
     * <li>Target rows of the range without a source row are locked, then deleted only if the source still
     *     has no row with their key when the delete runs ({@code NOT EXISTS}, a fresh look at the source,
     *     not "every key but those locked", which would delete the target row of a source row inserted and
     *     committed meanwhile). Locking them first makes a writer about to give such a key a source row
     *     wait, so its mirror writes the target row after this delete, never under it.</li>
     * </ol>
     */
    public Copied copyRange(Connection connection, Object[] after, Object[] upTo) throws SQLException {
        try (Statements statements = new Statements(connection)) {
            List<Object> binds = new ArrayList<>();
            String sourceRange = range(copy.primaryKeyNames(), after, upTo, binds);
            List<Object[]> keys = keys(statements, "SELECT " + copy.primaryKeyList() + " FROM " + sourceTable()
                    + where(sourceRange) + " ORDER BY " + copy.primaryKeyList() + " FOR UPDATE", binds);
            copy.upsert(statements, keys);
            List<Object> targetBinds = new ArrayList<>();
            String targetRange = range(copy.mirrorKeyNames(), after, upTo, targetBinds);
            List<Object[]> orphans = keys(statements, "SELECT " + targetKeyList() + " FROM " + targetTable()
                    + where(targetRange) + (targetRange.isEmpty() ? " WHERE " : " AND ") + "NOT "
                    + copy.primaryRowExists() + " ORDER BY " + targetKeyList() + " FOR UPDATE", targetBinds);
            int deleted = orphans.isEmpty() ? 0 : copy.deleteOrphans(statements, orphans);
            return new Copied(keys.size(), deleted);
        }
    }

    /**
     * Makes the target equal mapping(source) for exactly {@code keys}, in the caller's transaction, the
     * way {@link #copyRange} does for a range: source rows locked, those that exist upserted, target rows
     * whose key has no source row deleted.
     */
    public Copied copyKeys(Connection connection, List<Object[]> keys) throws SQLException {
        if (keys.isEmpty()) {
            return new Copied(0, 0);
        }
        try (Statements statements = new Statements(connection)) {
            List<Object[]> present = new ArrayList<>();
            for (List<Object[]> chunk : Mirror.chunks(keys)) {
                present.addAll(keys(statements, "SELECT " + copy.primaryKeyList() + " FROM " + sourceTable()
                        + " WHERE " + copy.keyIn(true, chunk.size()) + " ORDER BY " + copy.primaryKeyList()
                        + " FOR UPDATE", flat(chunk)));
            }
            copy.upsert(statements, present);
            List<Object[]> orphans = new ArrayList<>();
            for (List<Object[]> chunk : Mirror.chunks(keys)) {
                orphans.addAll(keys(statements, "SELECT " + targetKeyList() + " FROM " + targetTable() + " WHERE "
                        + copy.keyIn(false, chunk.size()) + " AND NOT " + copy.primaryRowExists() + " ORDER BY "
                        + targetKeyList() + " FOR UPDATE", flat(chunk)));
            }
            int deleted = orphans.isEmpty() ? 0 : copy.deleteOrphans(statements, orphans);
            return new Copied(present.size(), deleted);
        }
    }

    /**
     * The keys after {@code after} up to {@code upTo} where the target is not mapping(source), found by
     * the database in one statement that returns nothing for an equal range, so equal rows never leave
     * it. Each mapped column is compared null-safely with the source's value as the target would store
     * it: the column or its {@code toTarget} expression cast to the target column's type (so a rounding
     * or a wider type is not drift), strings byte for byte on MariaDB (whose default collations ignore
     * case and trailing spaces). One statement sees one snapshot, and a mirrored write changes both
     * tables in one transaction, so a live write is never reported as drift.
     */
    public List<Drift> compare(Connection connection, Object[] after, Object[] upTo) throws SQLException {
        List<String> columns = copy.mirrorColumns();
        List<String> expressions = copy.fromPrimary();
        String[] sourceKeys = copy.primaryKeyNames();
        String[] targetKeys = copy.mirrorKeyNames();
        List<String> keyColumns = Arrays.stream(targetKeys).map(dialect::canonical).toList();
        StringBuilder sourceSelect = new StringBuilder("SELECT ");
        StringBuilder targetSelect = new StringBuilder("SELECT ");
        StringBuilder join = new StringBuilder();
        for (int i = 0; i < sourceKeys.length; i++) {
            sourceSelect.append(dialect.identifier(sourceKeys[i])).append(" AS tandem_k").append(i).append(", ");
            targetSelect.append(dialect.identifier(targetKeys[i])).append(" AS tandem_k").append(i).append(", ");
            join.append(i == 0 ? "" : " AND ").append("t.tandem_k").append(i).append(" = s.tandem_k").append(i);
        }
        StringBuilder same = new StringBuilder();
        int compared = 0;
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (keyColumns.contains(dialect.canonical(dialect.identifier(column)))) {
                continue;
            }
            String[] pair = comparable(column, expressions.get(i));
            sourceSelect.append(pair[0]).append(" AS tandem_c").append(compared).append(", ");
            targetSelect.append(pair[1]).append(" AS tandem_c").append(compared).append(", ");
            same.append(compared == 0 ? "" : " AND ").append("s.tandem_c").append(compared)
                    .append(dialect.mariadb() ? " <=> " : " IS NOT DISTINCT FROM ").append("t.tandem_c").append(compared);
            compared++;
        }
        sourceSelect.append("1 AS tandem_present");
        targetSelect.append("1 AS tandem_present");
        List<Object> binds = new ArrayList<>();
        String sourceRange = range(sourceKeys, after, upTo, binds);
        String targetRange = range(targetKeys, after, upTo, binds);
        String extraRange = range(targetKeys, after, upTo, binds);
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < sourceKeys.length; i++) {
            sql.append("s.tandem_k").append(i).append(", ");
        }
        sql.append("CASE WHEN t.tandem_present IS NULL THEN 'M' ELSE 'D' END AS tandem_kind FROM (")
                .append(sourceSelect).append(" FROM ").append(sourceTable()).append(where(sourceRange)).append(") s")
                .append(" LEFT JOIN (").append(targetSelect).append(" FROM ").append(targetTable())
                .append(where(targetRange)).append(") t ON ").append(join)
                .append(" WHERE t.tandem_present IS NULL");
        if (compared > 0) {
            sql.append(" OR NOT (").append(same).append(')');
        }
        sql.append(" UNION ALL SELECT ");
        for (int i = 0; i < targetKeys.length; i++) {
            sql.append(dialect.identifier(targetKeys[i])).append(", ");
        }
        sql.append("'E' FROM ").append(targetTable()).append(where(extraRange))
                .append(extraRange.isEmpty() ? " WHERE " : " AND ").append("NOT ").append(copy.primaryRowExists());
        sql.append(" ORDER BY ");
        for (int i = 1; i <= sourceKeys.length; i++) {
            sql.append(i).append(", ");
        }
        sql.append(sourceKeys.length + 1);
        List<Drift> drifts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            bind(statement, binds, 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Object[] key = key(rows, 1);
                    String kind = rows.getString(sourceKeys.length + 1);
                    drifts.add(new Drift(switch (kind) {
                        case "M" -> DriftKind.MISSING;
                        case "E" -> DriftKind.EXTRA;
                        default -> DriftKind.DIFFERENT;
                    }, key));
                }
            }
        }
        return drifts;
    }

    /**
     * Moves the target's key generator (identity, serial or AUTO_INCREMENT of a one-column key) past the
     * source's largest key, never back.
     *
     * @return what was done, for the operator: {@code "bf_items_v2.id: next key 3001"}, or why nothing was
     */
    public String advanceKeyGenerator(Connection connection) throws SQLException {
        String[] targetKeys = copy.mirrorKeyNames();
        if (targetKeys.length != 1) {
            return "the target's key has " + targetKeys.length + " columns: no key generator to advance";
        }
        String column = targetKeys[0];
        Object max;
        try (PreparedStatement statement = connection.prepareStatement("SELECT MAX("
                + dialect.identifier(copy.primaryKeyNames()[0]) + ") FROM " + sourceTable());
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            max = rows.getObject(1);
        }
        String where = targetTable() + "." + column;
        if (max != null && !(max instanceof Number)) {
            return "the key of " + sourceTable() + " is not a number: no key generator to advance";
        }
        BigDecimal largest = max == null ? null : new BigDecimal(max.toString());
        KeyGenerator generator = KeyGenerator.of(connection, dialect,
                dialect.mariadb() ? connection.getCatalog() : connection.getSchema(), migration.target(),
                dialect.identifier(column), largest);
        if (generator == null) {
            return where + " has no key generator";
        }
        if (largest == null) {
            return "the source is empty: the key generator of " + where + " is left as it is";
        }
        if (generator.past(largest)) {
            return where + ": next key " + generator.next() + " (already past the source's " + largest + ")";
        }
        execute(connection, generator.advance());
        return where + ": next key " + largest.add(BigDecimal.ONE);
    }

    /** Reads a key of {@link #keyColumns()}'s width from {@code from} on, as values that bind back as they were. */
    public Object[] key(ResultSet rows, int from) throws SQLException {
        Object[] key = new Object[copy.primaryKeyNames().length];
        for (int i = 0; i < key.length; i++) {
            Object value = rows.getObject(from + i);
            if (value instanceof java.sql.Timestamp timestamp) {
                value = timestamp.toLocalDateTime();
            } else if (value instanceof java.sql.Date date) {
                value = date.toLocalDate();
            } else if (value instanceof java.sql.Time time) {
                value = time.toLocalTime();
            }
            key[i] = value;
        }
        return key;
    }

    // ------------------------------------------------------------------ SQL pieces

    private String targetKeyList() {
        return String.join(", ", Arrays.stream(copy.mirrorKeyNames()).map(dialect::identifier).toList());
    }

    private static String where(String condition) {
        return condition.isEmpty() ? "" : " WHERE " + condition;
    }

    /**
     * The condition "key after {@code after} and up to {@code upTo}" over {@code columns} (stored names),
     * its values appended to {@code binds}; empty when both ends are open. PostgreSQL compares row values,
     * which its B-tree reads as one range; the others get the expanded form with a bound on the first column,
     * which their optimizers use as a range on the index.
     */
    String range(String[] columns, Object[] after, Object[] upTo, List<Object> binds) {
        List<String> parts = new ArrayList<>();
        if (after != null) {
            parts.add(compare(columns, after, ">", binds));
        }
        if (upTo != null) {
            parts.add(compare(columns, upTo, "<=", binds));
        }
        return String.join(" AND ", parts);
    }

    private String compare(String[] columns, Object[] key, String operator, List<Object> binds) {
        String first = dialect.identifier(columns[0]);
        if (columns.length == 1) {
            binds.add(key[0]);
            return first + " " + operator + " ?";
        }
        if (dialect == Dialect.POSTGRESQL) {
            binds.addAll(Arrays.asList(key));
            return "(" + String.join(", ", Arrays.stream(columns).map(dialect::identifier).toList()) + ") " + operator
                    + " (" + "?, ".repeat(columns.length - 1) + "?)";
        }
        // (a, b) > (x, y)  is  a >= x AND (a > x OR (a = x AND b > y)); <= is the same with < and a last <=
        boolean greater = operator.equals(">");
        StringBuilder sql = new StringBuilder(first).append(greater ? " >= ?" : " <= ?").append(" AND (");
        binds.add(key[0]);
        for (int i = 0; i < columns.length; i++) {
            sql.append(i == 0 ? "" : " OR ").append('(');
            for (int j = 0; j < i; j++) {
                sql.append(dialect.identifier(columns[j])).append(" = ? AND ");
                binds.add(key[j]);
            }
            boolean last = i == columns.length - 1;
            sql.append(dialect.identifier(columns[i])).append(greater ? " > ?" : last ? " <= ?" : " < ?").append(')');
            binds.add(key[i]);
        }
        return sql.append(')').toString();
    }

    /**
     * For one mapped column: the SQL giving the source's value as the target would store it, and the SQL
     * reading the target's, so that the two compare equal exactly when the copy would change nothing.
     */
    private String[] comparable(String column, String expression) {
        String type = targetTypes.get(column);
        String target = dialect.identifier(column);
        if (type == null) {
            return new String[] {expression, target};
        }
        if (dialect.mariadb() && type.startsWith("string ")) {
            String charset = type.substring("string ".length());
            return new String[] {"CAST(CONVERT(" + expression + " USING " + charset + ") AS BINARY)",
                "CAST(" + target + " AS BINARY)"};
        }
        return new String[] {"CAST(" + expression + " AS " + type + ")", target};
    }

    /**
     * Per target column (stored name), what its values compare as: the type to cast the source's value
     * to, or on MariaDB {@code "string <charset>"} for text compared as bytes; absent when the value is
     * compared as it is.
     */
    private static Map<String, String> targetTypes(Connection raw, Dialect dialect, Migration migration, String schema)
            throws SQLException {
        Map<String, String> types = new HashMap<>();
        switch (dialect) {
            case POSTGRESQL -> {
                try (PreparedStatement statement = raw.prepareStatement("SELECT a.attname, format_type(a.atttypid,"
                        + " a.atttypmod) FROM pg_attribute a WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0"
                        + " AND NOT a.attisdropped")) {
                    statement.setString(1, migration.target().toString());
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            types.put(rows.getString(1), rows.getString(2));
                        }
                    }
                }
            }
            case H2 -> {
                String[] table = schemaAndName(dialect, migration.target(), schema);
                try (PreparedStatement statement = raw.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE,"
                        + " CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION"
                        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
                    statement.setString(1, table[0]);
                    statement.setString(2, table[1]);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            String type = h2Type(rows.getString(2), rows.getLong(3), rows.getInt(4), rows.getInt(5),
                                    rows.getInt(6));
                            if (type != null) {
                                types.put(rows.getString(1), type);
                            }
                        }
                    }
                }
            }
            default -> {
                String[] table = schemaAndName(dialect, migration.target(), schema);
                try (PreparedStatement statement = raw.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE,"
                        + " NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, CHARACTER_SET_NAME"
                        + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
                    statement.setString(1, table[0]);
                    statement.setString(2, table[1]);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            String type = mariadbType(rows.getString(2), rows.getString(3), rows.getInt(4),
                                    rows.getInt(5), rows.getInt(6), rows.getString(7));
                            if (type != null) {
                                types.put(rows.getString(1), type);
                            }
                        }
                    }
                }
            }
        }
        return types;
    }

    private static String h2Type(String type, long length, int precision, int scale, int timePrecision) {
        return switch (type) {
            case "CHARACTER", "CHARACTER VARYING", "VARCHAR_IGNORECASE", "BINARY", "BINARY VARYING" ->
                type + "(" + length + ")";
            case "NUMERIC", "DECIMAL" -> type + "(" + precision + ", " + scale + ")";
            case "DECFLOAT" -> type + "(" + precision + ")";
            case "TIME", "TIMESTAMP" -> type + "(" + timePrecision + ")";
            case "TIME WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE" ->
                type.substring(0, type.indexOf(' ')) + "(" + timePrecision + ") WITH TIME ZONE";
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "REAL", "DOUBLE PRECISION", "BOOLEAN", "DATE", "UUID" -> type;
            default -> null;
        };
    }

    private static String mariadbType(String type, String columnType, int precision, int scale, int timePrecision,
            String charset) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "tinyint", "smallint", "mediumint", "int", "bigint" ->
                columnType.toLowerCase(Locale.ROOT).contains("unsigned") ? "UNSIGNED" : "SIGNED";
            case "decimal" -> "DECIMAL(" + precision + ", " + scale + ")";
            case "float" -> "FLOAT";
            case "double" -> "DOUBLE";
            case "date" -> "DATE";
            case "datetime", "timestamp" -> "DATETIME(" + timePrecision + ")";
            case "time" -> "TIME(" + timePrecision + ")";
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set" ->
                charset == null ? null : "string " + charset;
            default -> null;
        };
    }

    /** The schema (as stored, the current one when the routing names none) and name of a table. */
    private static String[] schemaAndName(Dialect dialect, dev.tandem.sql.TableName table, String currentSchema) {
        return new String[] {table.schema() != null ? dialect.canonicalTable(table.schema()) : currentSchema,
            dialect.canonicalTable(table.name())};
    }

    private String[] schemaAndName(Connection connection, dev.tandem.sql.TableName table) throws SQLException {
        return schemaAndName(dialect, table, dialect.mariadb() ? connection.getCatalog() : connection.getSchema());
    }

    private List<Object[]> keys(Statements statements, String sql, List<Object> binds) throws SQLException {
        PreparedStatement statement = statements.prepare(sql);
        bind(statement, binds, 1);
        List<Object[]> keys = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                keys.add(key(rows, 1));
            }
        }
        return keys;
    }

    private static List<Object> flat(List<Object[]> keys) {
        List<Object> values = new ArrayList<>();
        for (Object[] key : keys) {
            values.addAll(Arrays.asList(key));
        }
        return values;
    }

    private static void bind(PreparedStatement statement, List<Object> values, int first) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(first + i, values.get(i));
        }
    }

    private static String single(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, Arrays.asList(values), 1);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    /** The statements of one copy, prepared once each and closed together. */
    private static final class Statements implements TandemConnection.Preparer, AutoCloseable {
        private final Connection connection;
        private final Map<String, PreparedStatement> prepared = new LinkedHashMap<>();

        Statements(Connection connection) {
            this.connection = connection;
        }

        @Override
        public PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement known = prepared.get(sql);
            if (known == null) {
                known = connection.prepareStatement(sql);
                prepared.put(sql, known);
            }
            return known;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : prepared.values()) {
                statement.close();
            }
        }
    }
}
