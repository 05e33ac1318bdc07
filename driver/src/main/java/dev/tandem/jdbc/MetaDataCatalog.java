package dev.tandem.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.tandem.sql.Catalog;

/**
 * The rewriter's {@link Catalog} for one database, read from {@code DatabaseMetaData.getColumns}
 * through a connection of Tandem's own, never the application's: a lookup must not run inside the
 * application's transaction, where PostgreSQL would refuse it after an error and where it would
 * hold metadata locks. Column lists are kept a minute, so that a column added by a migration is
 * seen soon without asking the database for every statement; {@link #forget()} drops them at once.
 *
 * <p>Names are taken and given as the database stores them. The table name is escaped before it
 * is used as a pattern ({@code users_v2} would otherwise also match {@code usersXv2}), and the rows
 * are filtered by exact name as well. When no schema is given and the table exists in more than
 * one, the answer is "unknown", never one of them picked at random.
 */
final class MetaDataCatalog implements Catalog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetaDataCatalog.class);

    /** Opens a connection to the database the catalog describes. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private record Key(String schema, String table) {
    }

    private final Opener opener;
    private final boolean catalogIsSchema;
    /** A table's columns as stored, and its auto-increment column (MariaDB's {@code AUTO_INCREMENT}, an identity), or null. */
    private record Columns(List<String> names, String autoIncrement) {
    }

    private final Cache<Key, Optional<Columns>> cache;
    private Connection connection;

    /**
     * @param opener          how to reach the database
     * @param catalogIsSchema true on MariaDB and MySQL, whose databases {@code DatabaseMetaData} calls catalogs
     */
    MetaDataCatalog(Opener opener, boolean catalogIsSchema) {
        this.opener = opener;
        this.catalogIsSchema = catalogIsSchema;
        this.cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();
    }

    @Override
    public List<String> columns(String schema, String table) {
        return cache.get(new Key(schema, table), key -> Optional.ofNullable(lookUp(key))).map(Columns::names).orElse(null);
    }

    /** The table's auto-increment column as stored, or null when it has none or is not known. */
    String autoIncrement(String schema, String table) {
        return cache.get(new Key(schema, table), key -> Optional.ofNullable(lookUp(key))).map(Columns::autoIncrement)
                .orElse(null);
    }

    /** Drops every column list, after DDL. */
    void forget() {
        cache.invalidateAll();
    }

    private synchronized Columns lookUp(Key key) {
        try {
            if (connection == null || connection.isClosed()) {
                connection = opener.open();
            }
            return table(connection, catalogIsSchema, key.schema(), key.table());
        } catch (SQLException e) {
            LOG.debug("tandem: could not read the columns of {}: {}", key.table(), e.getMessage());
            close();
            return null;
        }
    }

    /**
     * The columns of {@code schema.table} in order, names as stored, read from {@code connection}'s
     * metadata; null when the table is unknown, or is in more than one schema and none was given.
     */
    static List<String> columns(Connection connection, boolean catalogIsSchema, String schema, String table)
            throws SQLException {
        Columns columns = table(connection, catalogIsSchema, schema, table);
        return columns == null ? null : columns.names();
    }

    /** The columns of {@code schema.table} and its auto-increment column; null as for {@link #columns}. */
    private static Columns table(Connection connection, boolean catalogIsSchema, String schema, String table)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String escape = meta.getSearchStringEscape();
        String tablePattern = escaped(table, escape);
        String schemaPattern = schema == null ? null : escaped(schema, escape);
        List<String> columns = new ArrayList<>();
        String autoIncrement = null;
        String foundIn = null;
        try (ResultSet rows = catalogIsSchema ? meta.getColumns(schema, null, tablePattern, "%")
                : meta.getColumns(null, schemaPattern, tablePattern, "%")) {
            while (rows.next()) {
                String in = rows.getString(catalogIsSchema ? "TABLE_CAT" : "TABLE_SCHEM");
                if (!table.equals(rows.getString("TABLE_NAME")) || schema != null && !schema.equals(in)) {
                    continue;
                }
                if (foundIn != null && !foundIn.equals(in)) {
                    LOG.debug("tandem: table {} is in more than one schema; its columns are not known", table);
                    return null;
                }
                foundIn = in;
                columns.add(rows.getString("COLUMN_NAME"));
                if ("YES".equals(rows.getString("IS_AUTOINCREMENT"))) {
                    autoIncrement = rows.getString("COLUMN_NAME");
                }
            }
        }
        return columns.isEmpty() ? null : new Columns(List.copyOf(columns), autoIncrement);
    }

    /**
     * The table's primary key and unique indexes, each as the set of its columns as stored (an expression
     * as null); null when they cannot be read. Not kept: asked once per plan.
     */
    synchronized List<java.util.Set<String>> uniqueIndexes(String schema, String table) {
        try {
            if (connection == null || connection.isClosed()) {
                connection = opener.open();
            }
            java.util.Map<String, java.util.Set<String>> indexes = new java.util.LinkedHashMap<>();
            try (ResultSet rows = catalogIsSchema ? connection.getMetaData().getIndexInfo(schema, null, table, true, true)
                    : connection.getMetaData().getIndexInfo(null, schema, table, true, true)) {
                while (rows.next()) {
                    String index = rows.getString("INDEX_NAME");
                    if (index != null && !rows.getBoolean("NON_UNIQUE")) {
                        indexes.computeIfAbsent(index, i -> new java.util.HashSet<>()).add(rows.getString("COLUMN_NAME"));
                    }
                }
            }
            return List.copyOf(indexes.values());
        } catch (SQLException e) {
            LOG.debug("tandem: could not read the unique indexes of {}: {}", table, e.getMessage());
            close();
            return null;
        }
    }

    /** {@code name} as a metadata pattern that matches only itself, given the driver's search-string escape. */
    static String escaped(String name, String escape) {
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("tandem: closing the catalog's connection failed: {}", e.getMessage());
            }
            connection = null;
        }
    }
}
