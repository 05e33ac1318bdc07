package dev.tandem.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.tandem.sql.Catalog;
import dev.tandem.sql.ColumnMapping;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.Side;

/**
 * The statements that make the mirror table equal mapping(primary) for some keys: an upsert of the
 * primary's rows through the mapping, and a delete. Built once per migration, side written and
 * schema, from the columns the catalog reports.
 *
 * <p>The upsert writes only the mirror's mapped columns: a target-only column keeps its value on an
 * update and takes its default on an insert; a source-only column likewise when the target is written.
 */
final class MirrorCopy {

    private final String primaryTable;
    private final String mirrorTable;
    /** The primary's key columns as stored, for the real driver's generated keys and for reading results. */
    private final String[] primaryKeyNames;
    private final String primaryKeyList;
    private final String upsertHead;
    private final String upsertTail;
    private final String deleteHead;
    private final String primaryKeyTerm;
    private final String mirrorKeyTerm;
    private final int keyWidth;
    private volatile String upsertOne;
    private volatile String deleteOne;

    private MirrorCopy(String primaryTable, String mirrorTable, String[] primaryKeyNames, String primaryKeyList,
            String upsertHead, String upsertTail, String deleteHead, String primaryKeyTerm, String mirrorKeyTerm) {
        this.primaryTable = primaryTable;
        this.mirrorTable = mirrorTable;
        this.primaryKeyNames = primaryKeyNames;
        this.primaryKeyList = primaryKeyList;
        this.upsertHead = upsertHead;
        this.upsertTail = upsertTail;
        this.deleteHead = deleteHead;
        this.primaryKeyTerm = primaryKeyTerm;
        this.mirrorKeyTerm = mirrorKeyTerm;
        this.keyWidth = primaryKeyNames.length;
    }

    /**
     * The copy from the table on {@code primary} to the other one.
     *
     * @param schema the current schema as stored, for tables the routing names without one
     * @throws IllegalArgumentException when a table's columns cannot be read
     */
    static MirrorCopy of(Migration migration, Side primary, Dialect dialect, Catalog catalog, String schema) {
        List<String> sourceColumns = columns(migration, Side.SOURCE, dialect, catalog, schema);
        List<String> targetColumns = columns(migration, Side.TARGET, dialect, catalog, schema);
        List<String> mirrorColumns = new ArrayList<>();
        List<String> fromPrimary = new ArrayList<>();
        for (String column : sourceColumns) {
            ColumnMapping mapping = migration.bySource(dialect, column);
            if (mapping instanceof ColumnMapping.SourceOnly) {
                continue;
            }
            String target = mapping == null ? stored(targetColumns, column, dialect)
                    : stored(targetColumns, mapping.target(), dialect);
            if (target == null) {
                continue; // the schema check has refused a migration whose unlisted column the target lacks
            }
            String sourceSql = dialect.identifier(column);
            String targetSql = dialect.identifier(target);
            if (primary == Side.SOURCE) {
                mirrorColumns.add(targetSql);
                fromPrimary.add(mapping instanceof ColumnMapping.Computed computed ? "(" + computed.toTarget() + ")"
                        : sourceSql);
            } else {
                mirrorColumns.add(sourceSql);
                fromPrimary.add(mapping instanceof ColumnMapping.Computed computed ? "(" + computed.toSource() + ")"
                        : targetSql);
            }
        }
        List<String> primaryKeys = new ArrayList<>();
        List<String> mirrorKeys = new ArrayList<>();
        List<String> primaryColumns = primary == Side.SOURCE ? sourceColumns : targetColumns;
        List<String> otherColumns = primary == Side.SOURCE ? targetColumns : sourceColumns;
        List<String> primaryKeyWritten = migration.key(dialect, primary);
        List<String> mirrorKeyWritten = migration.key(dialect, primary.other());
        for (int i = 0; i < primaryKeyWritten.size(); i++) {
            String p = stored(primaryColumns, primaryKeyWritten.get(i), dialect);
            String m = stored(otherColumns, mirrorKeyWritten.get(i), dialect);
            if (p == null || m == null) {
                throw new IllegalArgumentException("the key of migration " + migration.id() + " is not in both tables");
            }
            primaryKeys.add(p);
            mirrorKeys.add(m);
        }
        String primaryTable = migration.table(primary).toString();
        String mirrorTable = migration.table(primary.other()).toString();
        String primaryKeyList = list(primaryKeys, dialect);
        String mirrorKeyList = list(mirrorKeys, dialect);
        String columns = String.join(", ", mirrorColumns);
        String select = " SELECT " + String.join(", ", fromPrimary) + " FROM " + primaryTable + " WHERE ";
        List<String> updated = new ArrayList<>();
        for (String column : mirrorColumns) {
            if (!mirrorKeys.stream().map(dialect::identifier).toList().contains(column)) {
                updated.add(column);
            }
        }
        String head;
        String tail;
        switch (dialect) {
            case POSTGRESQL -> {
                head = "INSERT INTO " + mirrorTable + " (" + columns + ")" + select;
                StringBuilder set = new StringBuilder();
                for (String column : updated) {
                    set.append(set.length() == 0 ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
                }
                tail = " ON CONFLICT (" + mirrorKeyList + ") DO " + (updated.isEmpty() ? "NOTHING" : "UPDATE SET " + set);
            }
            case H2 -> {
                head = "MERGE INTO " + mirrorTable + " (" + columns + ") KEY (" + mirrorKeyList + ")" + select;
                tail = "";
            }
            default -> {
                head = "INSERT INTO " + mirrorTable + " (" + columns + ")" + select;
                StringBuilder set = new StringBuilder();
                for (String column : updated.isEmpty() ? List.of(dialect.identifier(mirrorKeys.get(0))) : updated) {
                    set.append(set.length() == 0 ? "" : ", ").append(column).append(" = VALUES(").append(column).append(')');
                }
                tail = " ON DUPLICATE KEY UPDATE " + set;
            }
        }
        String primaryTerm = primaryKeys.size() == 1 ? primaryKeyList : "(" + primaryKeyList + ")";
        String mirrorTerm = mirrorKeys.size() == 1 ? mirrorKeyList : "(" + mirrorKeyList + ")";
        return new MirrorCopy(primaryTable, mirrorTable, primaryKeys.toArray(String[]::new), primaryKeyList, head, tail,
                "DELETE FROM " + mirrorTable + " WHERE ", primaryTerm, mirrorTerm);
    }

    private static List<String> columns(Migration migration, Side side, Dialect dialect, Catalog catalog, String schema) {
        var table = migration.table(side);
        String tableSchema = table.schema() != null ? dialect.canonicalTable(table.schema()) : schema;
        List<String> columns = catalog.columns(tableSchema, dialect.canonicalTable(table.name()));
        if (columns == null) {
            throw new IllegalArgumentException("Tandem cannot read the columns of " + table);
        }
        return columns;
    }

    /** The stored name of the column {@code written} names, or null. */
    private static String stored(List<String> columns, String written, Dialect dialect) {
        String wanted = dialect.canonical(written);
        for (String column : columns) {
            if (dialect.canonical(dialect.identifier(column)).equals(wanted)) {
                return column;
            }
        }
        return null;
    }

    private static String list(List<String> names, Dialect dialect) {
        return String.join(", ", names.stream().map(dialect::identifier).toList());
    }

    String primaryTable() {
        return primaryTable;
    }

    String mirrorTable() {
        return mirrorTable;
    }

    /** The primary's key columns as the database stores their names. */
    String[] primaryKeyNames() {
        return primaryKeyNames;
    }

    /** The primary's key columns as SQL: {@code id} or {@code a, b}. */
    String primaryKeyList() {
        return primaryKeyList;
    }

    /** Makes the mirror's rows for {@code keys} equal mapping(primary's rows), inserting or updating. */
    void upsert(TandemConnection real, List<Object[]> keys) throws SQLException {
        for (List<Object[]> chunk : Mirror.chunks(keys)) {
            String sql = chunk.size() == 1 ? upsertOne() : upsertHead + in(primaryKeyTerm, chunk.size()) + upsertTail;
            run(real, sql, chunk);
        }
    }

    /** Deletes the mirror's rows for {@code keys}. */
    void delete(TandemConnection real, List<Object[]> keys) throws SQLException {
        for (List<Object[]> chunk : Mirror.chunks(keys)) {
            String sql = chunk.size() == 1 ? deleteOne() : deleteHead + in(mirrorKeyTerm, chunk.size());
            run(real, sql, chunk);
        }
    }

    /** The upsert for one key: the mirror's row for it made equal to mapping(primary's row). */
    String upsertOne() {
        String known = upsertOne;
        return known != null ? known : (upsertOne = upsertHead + in(primaryKeyTerm, 1) + upsertTail);
    }

    /** The delete of the mirror's row for one key. */
    String deleteOne() {
        String known = deleteOne;
        return known != null ? known : (deleteOne = deleteHead + in(mirrorKeyTerm, 1));
    }

    private static void run(TandemConnection connection, String sql, List<Object[]> keys) throws SQLException {
        PreparedStatement statement = connection.copyStatement(sql);
        Mirror.bindKeys(statement, keys);
        statement.executeUpdate();
    }

    /** {@code term IN (?, …)}, or {@code (a, b) IN ((?, ?), …)}; a single key as {@code term = ?}. */
    private String in(String term, int keys) {
        String one = keyWidth == 1 ? "?" : "(" + "?, ".repeat(keyWidth - 1) + "?)";
        if (keys == 1) {
            return term + " = " + one;
        }
        StringBuilder in = new StringBuilder(term).append(" IN (");
        for (int i = 0; i < keys; i++) {
            in.append(i == 0 ? "" : ", ").append(one);
        }
        return in.append(')').toString();
    }
}
