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
    /** The primary's columns as stored, in order: what generated keys asked by column index name. */
    private final List<String> primaryColumns;
    /** The primary's auto-increment column as stored, or null: what MariaDB reports as a generated key. */
    private final String primaryAutoIncrement;
    /** The mirror's key columns as stored, in key order. */
    private final String[] mirrorKeyNames;
    /** The mirror's mapped columns as stored, and for each the SQL over the primary's columns that gives its value. */
    private final List<String> mirrorColumns;
    private final List<String> fromPrimary;
    private final Dialect dialect;
    /** Whether the primary's key is its only unique key (primary key or unique index), as the database says. */
    private final boolean keyOnlyUnique;
    /**
     * The upsert's head and tail around a source of primary rows, for a write and its copy as one statement
     * ({@link #oneStatement}): {@code MERGE INTO <mirror> (…) KEY (…) SELECT <mapping>} on H2, {@code INSERT
     * INTO <mirror> (…) SELECT <mapping>} and {@code ON CONFLICT … DO UPDATE SET …} on PostgreSQL; null where
     * there is no such statement (MariaDB, and a mirror whose columns are all key columns, whose upsert
     * would not count the rows it found).
     */
    private final String oneHead;
    private final String oneTail;
    /** Statement texts whose one-statement form the database refused though the write itself ran: run as two. */
    private final java.util.Set<String> notInOne = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile String upsertOne;
    private volatile String deleteOne;

    private MirrorCopy(Dialect dialect, String primaryTable, String mirrorTable, String[] primaryKeyNames,
            String[] mirrorKeyNames, String primaryKeyList, String upsertHead, String upsertTail, String deleteHead,
            String primaryKeyTerm, String mirrorKeyTerm, List<String> mirrorColumns, List<String> fromPrimary,
            List<String> primaryColumns, String primaryAutoIncrement, boolean keyOnlyUnique, String oneHead,
            String oneTail) {
        this.dialect = dialect;
        this.oneHead = oneHead;
        this.oneTail = oneTail;
        this.primaryTable = primaryTable;
        this.mirrorTable = mirrorTable;
        this.primaryKeyNames = primaryKeyNames;
        this.mirrorKeyNames = mirrorKeyNames;
        this.primaryKeyList = primaryKeyList;
        this.upsertHead = upsertHead;
        this.upsertTail = upsertTail;
        this.deleteHead = deleteHead;
        this.primaryKeyTerm = primaryKeyTerm;
        this.mirrorKeyTerm = mirrorKeyTerm;
        this.keyWidth = primaryKeyNames.length;
        this.primaryColumns = primaryColumns;
        this.primaryAutoIncrement = primaryAutoIncrement;
        this.mirrorColumns = List.copyOf(mirrorColumns);
        this.fromPrimary = List.copyOf(fromPrimary);
        this.keyOnlyUnique = keyOnlyUnique;
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
        List<String> mirrorStored = new ArrayList<>();
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
            mirrorStored.add(primary == Side.SOURCE ? target : column);
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
        String mapped = " SELECT " + String.join(", ", fromPrimary);
        String select = mapped + " FROM " + primaryTable + " WHERE ";
        List<String> updated = new ArrayList<>();
        for (String column : mirrorColumns) {
            if (!mirrorKeys.stream().map(dialect::identifier).toList().contains(column)) {
                updated.add(column);
            }
        }
        String head;
        String tail;
        String oneHead = null;
        String oneTail = null;
        switch (dialect) {
            case POSTGRESQL -> {
                head = "INSERT INTO " + mirrorTable + " (" + columns + ")" + select;
                StringBuilder set = new StringBuilder();
                for (String column : updated) {
                    set.append(set.length() == 0 ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
                }
                tail = " ON CONFLICT (" + mirrorKeyList + ") DO " + (updated.isEmpty() ? "NOTHING" : "UPDATE SET " + set);
                if (!updated.isEmpty()) {
                    oneHead = "INSERT INTO " + mirrorTable + " (" + columns + ")" + mapped + " FROM tandem_w";
                    oneTail = tail;
                }
            }
            case H2 -> {
                head = "MERGE INTO " + mirrorTable + " (" + columns + ") KEY (" + mirrorKeyList + ")" + select;
                tail = "";
                if (!updated.isEmpty()) {
                    oneHead = "MERGE INTO " + mirrorTable + " (" + columns + ") KEY (" + mirrorKeyList + ")" + mapped
                            + " FROM FINAL TABLE (";
                    oneTail = ")";
                }
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
        var written = migration.table(primary);
        // only Tandem's own catalog reads the database; a catalog made for tests knows no auto-increment column
        String writtenSchema = written.schema() != null ? dialect.canonicalTable(written.schema()) : schema;
        String writtenName = dialect.canonicalTable(written.name());
        String autoIncrement = catalog instanceof MetaDataCatalog meta ? meta.autoIncrement(writtenSchema, writtenName)
                : null;
        List<java.util.Set<String>> unique = dialect.mariadb() && catalog instanceof MetaDataCatalog meta
                ? meta.uniqueIndexes(writtenSchema, writtenName) : null;
        boolean keyOnlyUnique = unique != null && unique.stream().allMatch(java.util.Set.copyOf(primaryKeys)::equals);
        return new MirrorCopy(dialect, primaryTable, mirrorTable, primaryKeys.toArray(String[]::new),
                mirrorKeys.toArray(String[]::new), primaryKeyList, head, tail, "DELETE FROM " + mirrorTable + " WHERE ",
                primaryTerm, mirrorTerm, mirrorStored, fromPrimary, List.copyOf(primaryColumns), autoIncrement,
                keyOnlyUnique, oneHead, oneTail);
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

    /** The primary's columns as stored, in table order. */
    List<String> primaryColumns() {
        return primaryColumns;
    }

    /** The primary's auto-increment column as stored, or null when it has none (or it is not known). */
    String primaryAutoIncrement() {
        return primaryAutoIncrement;
    }

    /**
     * Whether the primary's key is its only primary key or unique index, so that a row an upsert finds
     * already there is found by the key; read only on MariaDB, false elsewhere.
     */
    boolean keyOnlyUnique() {
        return keyOnlyUnique;
    }

    /** The primary's key columns as SQL: {@code id} or {@code a, b}. */
    String primaryKeyList() {
        return primaryKeyList;
    }

    /** The mirror's key columns as the database stores their names, in key order. */
    String[] mirrorKeyNames() {
        return mirrorKeyNames;
    }

    /** The mirror's mapped columns (keys included) as stored: what the upsert writes. */
    List<String> mirrorColumns() {
        return mirrorColumns;
    }

    /**
     * For each of {@link #mirrorColumns()}, the SQL over the primary's columns (unqualified) that gives
     * its value: the column, or its {@code toTarget}/{@code toSource} expression in parentheses.
     */
    List<String> fromPrimary() {
        return fromPrimary;
    }

    /**
     * {@code write}, an INSERT or UPDATE of the primary that returns no rows of its own, and the upsert of
     * the rows it changed into the mirror, as one statement whose update count is the write's: on H2
     * {@code MERGE INTO <mirror> … SELECT <mapping> FROM FINAL TABLE (<write>)}, on PostgreSQL {@code WITH
     * tandem_w AS (<write> RETURNING *) INSERT INTO <mirror> … SELECT <mapping> FROM tandem_w ON CONFLICT …};
     * null on MariaDB, which has neither, and when {@code sql} already failed in this form.
     *
     * <p>Why: the rows the write changed, as they are after it (its defaults, keys and triggers applied),
     * are exactly what a copy by key reads afterwards; one statement is atomic by itself, so under
     * autocommit it needs no transaction around it, and it is one round trip instead of three.
     *
     * @param sql the statement as the application wrote it
     * @param end where its text ends, before a trailing semicolon or comment
     */
    String oneStatement(String sql, int end) {
        if (oneHead == null || !notInOne.isEmpty() && notInOne.contains(sql)) {
            return null;
        }
        OneStatement last = lastOne;
        if (last != null && last.sql().equals(sql)) {
            return last.text(); // the same statement, prepared and run again: not spelled again
        }
        String write = sql.substring(0, end);
        String text = dialect == Dialect.POSTGRESQL ? "WITH tandem_w AS (" + write + " RETURNING *) " + oneHead + oneTail
                : oneHead + write + oneTail;
        lastOne = new OneStatement(sql, text);
        return text;
    }

    /** A statement and its one-statement form. */
    private record OneStatement(String sql, String text) {
    }

    /** The last one-statement form spelled, for the write run again and again. */
    private volatile OneStatement lastOne;

    /**
     * Notes that {@code sql} ran as two statements after its one-statement form failed: the database does
     * not take it in that form (a PostgreSQL write with its own {@code WITH}, say), so it is not tried again.
     * At most a thousand texts are remembered.
     */
    void notInOneStatement(String sql) {
        if (notInOne.size() < 1_000) {
            notInOne.add(sql);
        }
    }

    /** Makes the mirror's rows for {@code keys} equal mapping(primary's rows), inserting or updating. */
    void upsert(TandemConnection.Preparer statements, List<Object[]> keys) throws SQLException {
        for (List<Object[]> chunk : Mirror.chunks(keys)) {
            String sql = chunk.size() == 1 ? upsertOne() : upsertHead + in(primaryKeyTerm, chunk.size()) + upsertTail;
            run(statements, sql, chunk);
        }
    }

    /** Deletes the mirror's rows for {@code keys}. */
    void delete(TandemConnection.Preparer statements, List<Object[]> keys) throws SQLException {
        for (List<Object[]> chunk : Mirror.chunks(keys)) {
            String sql = chunk.size() == 1 ? deleteOne() : deleteHead + in(mirrorKeyTerm, chunk.size());
            run(statements, sql, chunk);
        }
    }

    /**
     * Deletes the mirror's rows for {@code keys} that have no primary row, asking the primary again
     * when the delete runs ({@code NOT EXISTS}): a key whose primary row a concurrent write has just
     * made keeps its mirror row.
     *
     * @return the rows deleted
     */
    int deleteOrphans(TandemConnection.Preparer statements, List<Object[]> keys) throws SQLException {
        int deleted = 0;
        for (List<Object[]> chunk : Mirror.chunks(keys)) {
            String sql = deleteHead + in(mirrorKeyTerm, chunk.size()) + " AND NOT " + primaryRowExists();
            PreparedStatement statement = statements.prepare(sql);
            Mirror.bindKeys(statement, chunk);
            deleted += statement.executeUpdate();
        }
        return deleted;
    }

    /**
     * {@code EXISTS (SELECT 1 FROM <primary> p WHERE p.k = <mirror>.k …)}: whether the mirror row in
     * the enclosing statement, which names the mirror table unaliased, has a primary row.
     */
    String primaryRowExists() {
        StringBuilder sql = new StringBuilder("EXISTS (SELECT 1 FROM ").append(primaryTable).append(" tandem_p WHERE ");
        for (int i = 0; i < keyWidth; i++) {
            sql.append(i == 0 ? "" : " AND ").append("tandem_p.").append(dialect.identifier(primaryKeyNames[i]))
                    .append(" = ").append(mirrorTable).append('.').append(dialect.identifier(mirrorKeyNames[i]));
        }
        return sql.append(')').toString();
    }

    /** {@code k IN (?, …)} over the primary's key ({@code primary} true) or the mirror's, for {@code keys} keys. */
    String keyIn(boolean primary, int keys) {
        return in(primary ? primaryKeyTerm : mirrorKeyTerm, keys);
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

    private static void run(TandemConnection.Preparer statements, String sql, List<Object[]> keys) throws SQLException {
        PreparedStatement statement = statements.prepare(sql);
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
