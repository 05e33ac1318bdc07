package dev.tandem.sql;

import java.util.Objects;

/**
 * A table as the routing file names it: {@code users} or {@code app.users}, each part as it would be
 * written in SQL (so {@code "Users"} keeps its quotes).
 *
 * @param schema the schema, or null when the table is named without one
 * @param name   the table's name
 */
public record TableName(String schema, String name) {

    public TableName {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || schema != null && schema.isBlank()) {
            throw new IllegalArgumentException("a table name and its schema cannot be blank");
        }
    }

    /** {@code users} or {@code app.users}. */
    public static TableName parse(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? new TableName(null, text.trim())
                : new TableName(text.substring(0, dot).trim(), text.substring(dot + 1).trim());
    }

    /**
     * Whether an identifier {@code schema.name} or {@code name} in a statement names this table.
     *
     * @param currentSchema the connection's current schema as the database stores it (not folded again), or null
     */
    public boolean isNamedBy(Dialect dialect, String writtenSchema, String writtenName, String currentSchema) {
        if (!dialect.canonicalTable(name).equals(dialect.canonicalTable(writtenName))) {
            return false;
        }
        String expected = schema != null ? dialect.canonicalTable(schema) : null;
        String written = writtenSchema != null ? dialect.canonicalTable(writtenSchema) : currentSchema;
        return expected == null || written == null || expected.equals(written);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
