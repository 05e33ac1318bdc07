package dev.tandem.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;

/**
 * Rows kept in memory for the application after the real result they came from is closed: the
 * generated keys and {@code RETURNING} rows of a mirrored write, shaped as the real driver would have
 * given them for the statement as written (only the columns it asked for, a batch's rows together,
 * MariaDB's {@code insert_id}).
 */
final class KeptRows {

    /** The label MariaDB Connector/J gives its generated keys, whatever the table's column is called. */
    static final String MARIADB_INSERT_ID = "insert_id";

    private KeptRows() {
    }

    /** The rows of {@code rows}, read into memory and closed, so that they can be read again. */
    static CachedRowSet keep(ResultSet rows) throws SQLException {
        try (rows) {
            CachedRowSet kept = RowSetProvider.newFactory().createCachedRowSet();
            kept.populate(rows);
            return kept;
        }
    }

    /** The first {@code columns} columns of {@code rows}, every row, from its first; {@code rows} is read to its end. */
    static CachedRowSet firstColumns(CachedRowSet rows, int columns) throws SQLException {
        ResultSetMetaData from = rows.getMetaData();
        RowSetMetaDataImpl meta = new RowSetMetaDataImpl();
        meta.setColumnCount(columns);
        for (int c = 1; c <= columns; c++) {
            meta.setColumnName(c, from.getColumnName(c));
            meta.setColumnLabel(c, from.getColumnLabel(c));
            meta.setColumnType(c, from.getColumnType(c));
            meta.setColumnTypeName(c, from.getColumnTypeName(c));
            meta.setTableName(c, from.getTableName(c));
            meta.setNullable(c, from.isNullable(c));
            meta.setSigned(c, from.isSigned(c));
            meta.setAutoIncrement(c, from.isAutoIncrement(c));
        }
        rows.beforeFirst();
        List<Object[]> values = new ArrayList<>();
        while (rows.next()) {
            Object[] row = new Object[columns];
            for (int c = 1; c <= columns; c++) {
                row[c - 1] = rows.getObject(c);
            }
            values.add(row);
        }
        return of(meta, values);
    }

    /** The rows of every one of {@code parts} in order, under the columns of the first (all have the same). */
    static CachedRowSet concat(List<CachedRowSet> parts) throws SQLException {
        if (parts.size() == 1) {
            parts.get(0).beforeFirst();
            return parts.get(0);
        }
        CachedRowSet first = parts.get(0);
        int columns = first.getMetaData().getColumnCount();
        List<Object[]> values = new ArrayList<>();
        for (CachedRowSet part : parts) {
            part.beforeFirst();
            while (part.next()) {
                Object[] row = new Object[columns];
                for (int c = 1; c <= columns; c++) {
                    row[c - 1] = part.getObject(c);
                }
                values.add(row);
            }
        }
        return of((RowSetMetaDataImpl) first.getMetaData(), values);
    }

    /** MariaDB's generated keys: one {@code insert_id} BIGINT column. */
    static CachedRowSet insertIds(List<Long> ids) throws SQLException {
        RowSetMetaDataImpl meta = new RowSetMetaDataImpl();
        meta.setColumnCount(1);
        meta.setColumnName(1, MARIADB_INSERT_ID);
        meta.setColumnLabel(1, MARIADB_INSERT_ID);
        meta.setColumnType(1, Types.BIGINT);
        meta.setColumnTypeName(1, "BIGINT");
        List<Object[]> values = new ArrayList<>(ids.size());
        for (Long id : ids) {
            values.add(new Object[] {id});
        }
        return of(meta, values);
    }

    private static CachedRowSet of(RowSetMetaDataImpl meta, List<Object[]> values) throws SQLException {
        CachedRowSet kept = RowSetProvider.newFactory().createCachedRowSet();
        kept.setMetaData(meta);
        for (Object[] row : values) {
            // an inserted row goes before the cursor's row: after the last one, they keep their order
            kept.afterLast();
            kept.moveToInsertRow();
            for (int c = 0; c < row.length; c++) {
                kept.updateObject(c + 1, row[c]);
            }
            kept.insertRow();
            kept.moveToCurrentRow();
        }
        kept.beforeFirst();
        return kept;
    }
}
