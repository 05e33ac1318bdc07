package dev.tandem.sql;

import java.util.List;

/**
 * The columns of a table, in order, as the database stores their names: what the rewriter needs to
 * expand {@code *} and to tell which table an unqualified column belongs to. The driver fills it from
 * {@code DatabaseMetaData}; names are asked for and given in the stored form
 * ({@link Dialect#canonicalTable}), so they can be passed to {@code getColumns} as they are.
 */
@FunctionalInterface
public interface Catalog {

    /** Knows no table: every question that needs a column list is answered "cannot analyse". */
    Catalog NONE = (schema, table) -> null;

    /**
     * The columns of {@code schema.table} in order, or null when the table is unknown.
     *
     * @param schema the schema as stored, from the statement or the connection's current schema, or null
     * @param table  the table's name as stored
     */
    List<String> columns(String schema, String table);
}
