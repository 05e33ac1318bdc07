package dev.tandem.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.tandem.sql.ColumnMapping;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.TableName;

/**
 * Whether the live database fits one migration: both tables exist, the key is a key of each, every
 * column the routing file names or implies is there, the target accepts the rows the mirror writes,
 * and every column copied as it is keeps all its values. Only {@code DatabaseMetaData} is read, through
 * a connection of Tandem's own, so that nothing runs inside an application's transaction.
 *
 * <p>Names from the routing file are compared in the dialect's canonical form; names the database
 * reports are brought to that form by writing them as the dialect would ({@link Dialect#identifier})
 * and folding that, so a mixed-case column created quoted compares right on every database.
 */
final class SchemaCheck {

    /** What a column holds, as far as copying values goes; {@link #OTHER} types compare by name. */
    private enum Kind { INTEGER, DECIMAL, FLOAT, CHARACTER, BINARY, BOOLEAN, DATE, TIME, TIME_TZ, TIMESTAMP,
        TIMESTAMP_TZ, OTHER }

    /**
     * One column as {@code getColumns} reports it.
     *
     * @param name     as the dialect would write it, so it can be compared and shown
     * @param digits   DECIMAL_DIGITS, null when the driver gives none
     * @param required NOT NULL with no default, identity or generated value: an insert must give it
     */
    private record Column(String name, int type, String typeName, int size, Integer digits, boolean required) {
    }

    /** A table found: as written, where it is and its name as stored, its columns by canonical name in order. */
    private record Table(String role, TableName written, String schema, String name, Map<String, Column> columns) {
    }

    /** A column a table must have, as the routing file names it, and why (with the fix). */
    private record Need(String column, String why) {
    }

    private final DatabaseMetaData meta;
    private final Dialect dialect;
    private final Migration migration;
    private final String currentSchema;
    private final List<String> problems = new ArrayList<>();

    private SchemaCheck(DatabaseMetaData meta, Dialect dialect, Migration migration, String currentSchema) {
        this.meta = meta;
        this.dialect = dialect;
        this.migration = migration;
        this.currentSchema = currentSchema;
    }

    /**
     * Every reason the live database does not fit {@code migration}, empty when it does. Uses only
     * {@code connection.getMetaData()}: no statement runs in anyone's transaction.
     *
     * @param connection    a connection of Tandem's own to the database
     * @param dialect       the database's dialect
     * @param migration     the migration as the routing file gives it
     * @param currentSchema the schema an unqualified table name resolves in, as stored ({@code getSchema()},
     *                      or {@code getCatalog()} on MariaDB), may be null
     */
    static List<String> problems(Connection connection, Dialect dialect, Migration migration, String currentSchema)
            throws SQLException {
        SchemaCheck check = new SchemaCheck(connection.getMetaData(), dialect, migration, currentSchema);
        check.run();
        return List.copyOf(check.problems);
    }

    private void run() throws SQLException {
        Table source = table("source", migration.source());
        Table target = table("target", migration.target());
        if (source == null || target == null) {
            return; // without both tables every column would be reported too; the table is what to fix
        }
        Map<String, Need> inSource = new LinkedHashMap<>();
        Map<String, Need> inTarget = new LinkedHashMap<>(); // also: every target column something writes
        List<String> targetKey = expectKey(inSource, inTarget);
        expectColumns(source, inSource, inTarget);
        missing(source, inSource);
        missing(target, inTarget);
        requireUnique(source, migration.key());
        if (targetKey.size() == migration.key().size()) {
            requireUnique(target, targetKey);
        }
        for (Column column : target.columns().values()) {
            if (column.required() && !inTarget.containsKey(dialect.canonical(column.name()))) {
                problem("target column %s.%s is NOT NULL without a default and no source column is written to it,"
                        + " so every mirrored insert would fail; give it a default, allow NULL, or map a source column"
                        + " to it in columns:", target.written(), column.name());
            }
        }
        for (Column column : source.columns().values()) {
            ColumnMapping mapping = migration.bySource(dialect, column.name());
            // a computed column's expressions convert its values, so its types may differ
            String copy = mapping == null ? column.name()
                    : mapping instanceof ColumnMapping.Rename ? mapping.target() : null;
            Column into = copy == null ? null : target.columns().get(dialect.canonical(copy));
            if (into != null) {
                compare(source, column, target, into);
            }
        }
    }

    /** Adds the key's columns to what each table must have; returns the key by target names, without invalid ones. */
    private List<String> expectKey(Map<String, Need> inSource, Map<String, Need> inTarget) {
        String from = migration.source().toString();
        List<String> targetKey = new ArrayList<>();
        for (String column : migration.key()) {
            need(inSource, column, "(named in key:); add it or fix key: in the routing file");
            ColumnMapping mapping = migration.bySource(dialect, column);
            if (mapping == null || mapping instanceof ColumnMapping.Rename) {
                String copy = mapping == null ? column : mapping.target();
                need(inTarget, copy, "(key column " + from + "." + column + "); add it or fix key: in the routing"
                        + " file");
                targetKey.add(copy);
            } else {
                problem("key column %s is %s in columns:, but rows are matched by the key, so it must reach the"
                        + " target unchanged; keep or rename it there, or fix key: in the routing file", column,
                        mapping instanceof ColumnMapping.SourceOnly ? "source-only" : "computed");
            }
        }
        return targetKey;
    }

    /** Adds the mapped columns, and the source's unlisted columns the target takes under the same name. */
    private void expectColumns(Table source, Map<String, Need> inSource, Map<String, Need> inTarget) {
        String from = migration.source().toString();
        for (ColumnMapping mapping : migration.columns()) {
            need(inSource, mapping.source(), "(listed in columns:); add it or remove it from columns: in the"
                    + " routing file");
            if (mapping.target() != null) {
                String how = mapping instanceof ColumnMapping.Rename ? "rename" : "computed form";
                need(inTarget, mapping.target(), "(the " + how + " of " + from + "." + mapping.source() + "); add it"
                        + " or fix columns: in the routing file");
            }
        }
        for (Column column : source.columns().values()) {
            if (migration.bySource(dialect, column.name()) == null) {
                need(inTarget, column.name(), "(copied from " + from + "." + column.name() + ", which columns: does"
                        + " not list); add it, or list " + column.name() + " in columns: with its new name, or null to"
                        + " keep it out of the target");
            }
        }
    }

    // ------------------------------------------------------------------ tables and columns

    /** The table {@code written} names, or null after reporting why there is not exactly one. */
    private Table table(String role, TableName written) throws SQLException {
        String name = dialect.canonicalTable(written.name());
        String schema = written.schema() == null ? null : dialect.canonicalTable(written.schema());
        String tablePattern = escaped(name);
        Map<String, Map<String, Column>> bySchema = new LinkedHashMap<>();
        Map<String, String> storedName = new LinkedHashMap<>();
        // MariaDB's databases are catalogs, and a catalog is a name, not a pattern
        try (ResultSet rows = dialect.mariadb() ? meta.getColumns(schema, null, tablePattern, "%")
                : meta.getColumns(null, schema == null ? null : escaped(schema), tablePattern, "%")) {
            while (rows.next()) {
                String in = rows.getString(dialect.mariadb() ? "TABLE_CAT" : "TABLE_SCHEM");
                String table = rows.getString("TABLE_NAME");
                if (storedTable(table).equals(name)
                        && (schema == null || in != null && storedTable(in).equals(schema))) {
                    Column column = column(rows);
                    bySchema.computeIfAbsent(in, s -> new LinkedHashMap<>())
                            .put(dialect.canonical(column.name()), column);
                    storedName.put(in, table);
                }
            }
        }
        List<String> schemas = new ArrayList<>(bySchema.keySet());
        String in = schema != null || currentSchema == null ? (schemas.size() == 1 ? schemas.get(0) : null)
                : bySchema.containsKey(currentSchema) ? currentSchema : null;
        if (in != null) {
            return new Table(role, written, in, storedName.get(in), bySchema.get(in));
        }
        if (schema == null && currentSchema == null && schemas.size() > 1) {
            problem("%s table %s is in several schemas (%s) and the connection has no current schema to choose"
                    + " one; write it as <schema>.%s in the routing file", role, written, String.join(", ", schemas),
                    written);
        } else if (schema == null && !schemas.isEmpty()) {
            problem("%s table %s is not in the current schema %s but in %s; write it with its schema in the routing"
                    + " file", role, written, currentSchema, String.join(", ", schemas));
        } else {
            String where = schema != null ? schema : currentSchema;
            problem("%s table %s does not exist%s; create it or fix %s: in the routing file", role, written,
                    where == null ? "" : " in schema " + where, role);
        }
        return null;
    }

    private Column column(ResultSet row) throws SQLException {
        int digits = row.getInt("DECIMAL_DIGITS");
        Integer decimalDigits = row.wasNull() ? null : digits;
        boolean required = row.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls
                && row.getString("COLUMN_DEF") == null
                && !"YES".equals(row.getString("IS_AUTOINCREMENT"))
                && !"YES".equals(row.getString("IS_GENERATEDCOLUMN"));
        return new Column(dialect.identifier(row.getString("COLUMN_NAME")), row.getInt("DATA_TYPE"),
                row.getString("TYPE_NAME"), row.getInt("COLUMN_SIZE"), decimalDigits, required);
    }

    private void need(Map<String, Need> needs, String column, String why) {
        needs.putIfAbsent(dialect.canonical(column), new Need(column, why));
    }

    private void missing(Table table, Map<String, Need> needs) {
        needs.forEach((name, need) -> {
            if (!table.columns().containsKey(name)) {
                problem("%s table %s has no column %s %s", table.role(), table.written(), need.column(), need.why());
            }
        });
    }

    /** Reports {@code key} unless it is the primary key or a unique index of {@code table}, in any order. */
    private void requireUnique(Table table, List<String> key) throws SQLException {
        Set<String> wanted = new HashSet<>();
        key.forEach(column -> wanted.add(dialect.canonical(column)));
        if (!table.columns().keySet().containsAll(wanted) || uniqueKeys(table).contains(wanted)) {
            return; // a missing key column is reported already
        }
        problem("key (%s) is neither the primary key nor a unique index of %s table %s; add a unique index on"
                + " exactly those columns or fix key: in the routing file", String.join(", ", key), table.role(),
                table.written());
    }

    /** The primary key and every unique index that covers all rows, each as a set of canonical column names. */
    private List<Set<String>> uniqueKeys(Table table) throws SQLException {
        String catalog = dialect.mariadb() ? table.schema() : null;
        String schema = dialect.mariadb() ? null : table.schema();
        List<Set<String>> keys = new ArrayList<>();
        Set<String> primary = new HashSet<>();
        try (ResultSet rows = meta.getPrimaryKeys(catalog, schema, table.name())) {
            while (rows.next()) {
                primary.add(storedColumn(rows.getString("COLUMN_NAME")));
            }
        }
        keys.add(primary);
        Map<String, Set<String>> indexes = new LinkedHashMap<>();
        try (ResultSet rows = meta.getIndexInfo(catalog, schema, table.name(), true, true)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME");
                // a partial index (PostgreSQL's WHERE) leaves the rows outside it free to repeat
                if (index != null && !rows.getBoolean("NON_UNIQUE") && rows.getString("FILTER_CONDITION") == null) {
                    String column = rows.getString("COLUMN_NAME"); // null for an expression: never a key column
                    indexes.computeIfAbsent(index, i -> new HashSet<>())
                            .add(column == null ? null : storedColumn(column));
                }
            }
        }
        keys.addAll(indexes.values());
        return keys;
    }

    // ------------------------------------------------------------------ types

    private void compare(Table source, Column from, Table target, Column to) {
        Kind kind = kind(from);
        if (kind != kind(to) || kind == Kind.OTHER && !from.typeName().equalsIgnoreCase(to.typeName())) {
            problem("source column %s.%s is %s but target column %s.%s is %s, a different kind of value; change the"
                    + " target column, or map the column in columns: with target, toTarget and toSource",
                    source.written(), from.name(), shown(from), target.written(), to.name(), shown(to));
        } else if (!fits(kind, from, to)) {
            problem("target column %s.%s is %s, narrower than source column %s.%s (%s), so some values would not fit;"
                    + " widen the target column", target.written(), to.name(), shown(to), source.written(), from.name(),
                    shown(from));
        }
    }

    private Kind kind(Column column) {
        if (bitField(column)) {
            return Kind.INTEGER;
        }
        return switch (type(column)) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Kind.INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> Kind.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> Kind.FLOAT;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR,
                    Types.LONGNVARCHAR, Types.NCLOB -> Kind.CHARACTER;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BINARY;
            case Types.BIT, Types.BOOLEAN -> Kind.BOOLEAN;
            case Types.DATE -> Kind.DATE;
            case Types.TIME -> Kind.TIME;
            case Types.TIME_WITH_TIMEZONE -> Kind.TIME_TZ;
            case Types.TIMESTAMP -> Kind.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP_TZ;
            default -> Kind.OTHER;
        };
    }

    /** The column's {@link Types} code, corrected where the driver reports another type than the column's. */
    private int type(Column column) {
        if (dialect.mariadb()) {
            // BOOLEAN is TINYINT(1), which the driver reports as BOOLEAN, as TINYINT (tinyInt1isBit=false) or
            // as BIT (transformedBitIsBoolean=false); checked as the TINYINT it is, the verdict is the same for all
            if (column.type() == Types.BOOLEAN || column.type() == Types.BIT && column.digits() != null) {
                return Types.TINYINT;
            }
            return column.typeName().equals("YEAR") ? Types.OTHER : column.type(); // YEAR is reported as DATE
        }
        if (dialect == Dialect.POSTGRESQL) {
            return switch (column.typeName()) {
                case "timestamptz" -> Types.TIMESTAMP_WITH_TIMEZONE; // reported as TIMESTAMP
                case "timetz" -> Types.TIME_WITH_TIMEZONE; // reported as TIME
                case "bit" -> Types.OTHER; // a bit string, reported as BIT like bool
                default -> column.type();
            };
        }
        return column.type();
    }

    /** MariaDB's BIT(n), an unsigned number of n bits; unlike TINYINT(1) reported as BIT, it has no DECIMAL_DIGITS. */
    private boolean bitField(Column column) {
        return dialect.mariadb() && column.type() == Types.BIT && column.digits() == null;
    }

    private boolean fits(Kind kind, Column from, Column to) {
        return switch (kind) {
            case INTEGER -> (signed(to) || !signed(from)) && magnitudeBits(from) <= magnitudeBits(to);
            case DECIMAL -> scale(from) <= scale(to) && wholeDigits(from) <= wholeDigits(to);
            case FLOAT -> from.type() == Types.REAL || to.type() != Types.REAL;
            case CHARACTER, BINARY -> from.size() <= to.size();
            default -> true;
        };
    }

    private boolean signed(Column column) {
        return !bitField(column) && !column.typeName().toUpperCase(Locale.ROOT).contains("UNSIGNED");
    }

    /** The bits an integer column's values can use, its sign left out. */
    private int magnitudeBits(Column column) {
        if (bitField(column)) {
            return column.size();
        }
        int bits = column.typeName().toUpperCase(Locale.ROOT).startsWith("MEDIUMINT") ? 24 // reported as INTEGER
                : switch (type(column)) {
                    case Types.TINYINT -> 8;
                    case Types.SMALLINT -> 16;
                    case Types.INTEGER -> 32;
                    default -> 64;
                };
        return signed(column) ? bits - 1 : bits;
    }

    /** Digits after the point; PostgreSQL reports a NUMERIC without precision, which takes any, with size 0. */
    private static int scale(Column column) {
        return column.size() == 0 ? Integer.MAX_VALUE : column.digits() == null ? 0 : column.digits();
    }

    private static int wholeDigits(Column column) {
        return column.size() == 0 ? Integer.MAX_VALUE : column.size() - scale(column);
    }

    private String shown(Column column) {
        if (bitField(column)) {
            return column.typeName() + "(" + column.size() + ")";
        }
        return switch (kind(column)) {
            case CHARACTER, BINARY -> column.typeName() + "(" + column.size() + ")";
            case DECIMAL -> column.size() == 0 ? column.typeName()
                    : column.typeName() + "(" + column.size() + "," + scale(column) + ")";
            default -> column.typeName();
        };
    }

    // ------------------------------------------------------------------ names

    /** A table or schema name as stored, in the form a written name is compared in. */
    private String storedTable(String stored) {
        return dialect.canonicalTable(dialect.identifier(stored));
    }

    /** A column name as stored, in the form a written name is compared in. */
    private String storedColumn(String stored) {
        return dialect.canonical(dialect.identifier(stored));
    }

    /** {@code name} as a metadata pattern that matches only itself, not {@code usersXv2} for {@code users_v2}. */
    private String escaped(String name) throws SQLException {
        return MetaDataCatalog.escaped(name, meta.getSearchStringEscape());
    }

    private void problem(String format, Object... args) {
        problems.add("migration " + migration.id() + ": " + String.format(Locale.ROOT, format, args));
    }
}
