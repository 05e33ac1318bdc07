package dev.tandem.sql;

import java.util.List;
import java.util.Objects;

/**
 * One table moving from {@code source} to {@code target}: the key both share and the columns that
 * differ. Columns not listed keep their names.
 *
 * @param id      unique across the routing
 * @param source  the legacy table
 * @param target  the new table
 * @param key     columns of a key both tables share, by their source names
 * @param columns the source columns whose name or shape differs in the target
 */
public record Migration(String id, TableName source, TableName target, List<String> key,
        List<ColumnMapping> columns) {

    public Migration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        key = List.copyOf(key);
        columns = List.copyOf(columns);
    }

    /** The mapping of the source column {@code column}, compared the dialect's way, or null if it keeps its name. */
    public ColumnMapping bySource(Dialect dialect, String column) {
        String wanted = dialect.canonical(column);
        for (ColumnMapping mapping : columns) {
            if (dialect.canonical(mapping.source()).equals(wanted)) {
                return mapping;
            }
        }
        return null;
    }

    /** The mapping whose target column is {@code column}, compared the dialect's way, or null. */
    public ColumnMapping byTarget(Dialect dialect, String column) {
        String wanted = dialect.canonical(column);
        for (ColumnMapping mapping : columns) {
            if (mapping.target() != null && dialect.canonical(mapping.target()).equals(wanted)) {
                return mapping;
            }
        }
        return null;
    }

    /**
     * The key columns as the table on {@code side} names them: the source's as listed, the target's
     * after their renames. A key column computed by an expression has no name on the target: null there.
     */
    public List<String> key(Dialect dialect, Side side) {
        if (side == Side.SOURCE) {
            return key;
        }
        List<String> names = new java.util.ArrayList<>(key.size());
        for (String column : key) {
            ColumnMapping mapping = bySource(dialect, column);
            names.add(mapping == null ? column : mapping instanceof ColumnMapping.Rename rename ? rename.target() : null);
        }
        return names;
    }

    /** The table on {@code side}. */
    public TableName table(Side side) {
        return side == Side.SOURCE ? source : target;
    }
}
