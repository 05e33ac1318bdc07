package dev.tandem.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Statement;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Map;


/**
 * A {@link PreparedStatement} of a {@link TandemConnection}: parameters and execution go to the real
 * driver's statement; result sets and back-links come back as Tandem objects.
 */
public class TandemPreparedStatement extends TandemStatement implements PreparedStatement {

    private final PreparedStatement ps;
    private final String sql;
    /** Whether running the statement may change the current schema ({@code SET search_path = ?}, …). */
    private final boolean changesSchema;
    /**
     * The parameters, kept when the statement names a table of the routing, so that they can be set
     * on a translated statement; null otherwise, and then setting a parameter costs nothing extra.
     */
    final Binds binds;
    /** The text {@code ps} was prepared with: {@code sql}, or its route when it was prepared. */
    private final String psSql;
    /** Prepares another text the way this statement was prepared; null for a callable statement. */
    private final TandemConnection.Preparer preparer;
    /** The other texts of this statement prepared so far (its translations, or the original), by text. */
    private Map<String, PreparedStatement> others;
    /** The real statement that ran last: {@code ps} or one of {@code others}. */
    private PreparedStatement active;

    /** Whether the text may name a table {@code plan} applies (one not off, passing the schema check). */
    private final boolean mayName;
    /** The plan in force when it was prepared; null when not known (a callable statement). */
    private final RoutedDatabase.Plan plan;

    /** A callable statement's: routed like any other, never prepared as another text. */
    TandemPreparedStatement(TandemConnection connection, PreparedStatement delegate, String sql, String psSql,
            TandemConnection.Preparer preparer) {
        this(connection, delegate, sql, psSql, preparer, connection.mayRoute(sql), true, null);
    }

    /**
     * @param delegate the real statement, prepared with {@code psSql}
     * @param sql      the statement as the application wrote it
     * @param psSql    the text {@code delegate} was prepared with: {@code sql}, or the route it had then
     * @param preparer prepares another text with the same options, or null when none may be prepared
     * @param keepBinds whether {@code sql} may name a table of the routing file, in any phase: then its
     *                  parameters are kept, so that it can be translated if a later routing asks for it
     * @param mayName   whether {@code sql} may name a table {@code plan} applies
     * @param plan      the plan in force when it was prepared, or null when not known
     */
    TandemPreparedStatement(TandemConnection connection, PreparedStatement delegate, String sql, String psSql,
            TandemConnection.Preparer preparer, boolean keepBinds, boolean mayName, RoutedDatabase.Plan plan) {
        super(connection, delegate);
        this.ps = delegate;
        this.active = delegate;
        this.sql = sql;
        this.psSql = psSql;
        this.preparer = preparer;
        this.changesSchema = Session.mayChangeSchema(sql);
        this.mayName = mayName;
        this.plan = plan;
        this.binds = keepBinds ? new Binds() : null;
    }

    @Override
    Statement current() {
        return active;
    }

    /**
     * The real statement to run under the routing: this one as prepared, or its translation, with
     * the same parameters and settings. A shadow read due in phase verify runs first.
     *
     * @throws SQLException when the routing refuses the statement; nothing has run
     */
    private PreparedStatement routed() throws SQLException {
        if (changesSchema) {
            connection.session.forgetSchema();
        }
        Router.Route route = connection.routePrepared(sql, mayName, plan);
        if (route != null && route.shadowSql() != null && binds != null && binds.replayable()) {
            ShadowRead.run(connection, route, binds);
        }
        String run = route == null ? sql : route.sql();
        if (run.equals(psSql)) {
            return active = ps;
        }
        if (binds == null || preparer == null) {
            throw Errors.refused(sql, "it was prepared before the routing named its tables and must be served"
                    + " from the other table now; prepare it again");
        }
        if (others == null) {
            others = new HashMap<>(4);
        }
        PreparedStatement other = others.get(run);
        if (other == null) {
            other = preparer.prepare(run);
            others.put(run, other);
        }
        copySettings(ps, other);
        binds.applyTo(other);
        return active = other;
    }

    /** What the application set on {@code from} that the real driver keeps per statement, onto {@code to}. */
    private static void copySettings(PreparedStatement from, PreparedStatement to) throws SQLException {
        if (to.getMaxRows() != from.getMaxRows()) {
            to.setMaxRows(from.getMaxRows());
        }
        if (to.getFetchSize() != from.getFetchSize()) {
            to.setFetchSize(from.getFetchSize());
        }
        if (to.getQueryTimeout() != from.getQueryTimeout()) {
            to.setQueryTimeout(from.getQueryTimeout());
        }
        if (to.getMaxFieldSize() != from.getMaxFieldSize()) {
            to.setMaxFieldSize(from.getMaxFieldSize());
        }
    }

    /** A batch runs as prepared: refused when the routing would run something else. */
    private void batchable() throws SQLException {
        if (changesSchema) {
            connection.session.forgetSchema();
        }
        Router.Route route = connection.route(sql);
        if (!(route == null ? sql : route.sql()).equals(psSql)) {
            throw Errors.refused(sql, "a batch runs the statement as prepared, and the routing serves it from the"
                    + " other table");
        }
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return resultSet(routed().executeQuery());
    }

    @Override
    public int executeUpdate() throws SQLException {
        return routed().executeUpdate();
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setNull(parameterIndex, sqlType));
        }
        ps.setNull(parameterIndex, sqlType);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setBoolean(parameterIndex, x));
        }
        ps.setBoolean(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setByte(parameterIndex, x));
        }
        ps.setByte(parameterIndex, x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setShort(parameterIndex, x));
        }
        ps.setShort(parameterIndex, x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setInt(parameterIndex, x));
        }
        ps.setInt(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setLong(parameterIndex, x));
        }
        ps.setLong(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setFloat(parameterIndex, x));
        }
        ps.setFloat(parameterIndex, x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setDouble(parameterIndex, x));
        }
        ps.setDouble(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setBigDecimal(parameterIndex, x));
        }
        ps.setBigDecimal(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setString(parameterIndex, x));
        }
        ps.setString(parameterIndex, x);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setBytes(parameterIndex, x));
        }
        ps.setBytes(parameterIndex, x);
    }

    @Override
    public void setDate(int parameterIndex, java.sql.Date x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setDate(parameterIndex, x));
        }
        ps.setDate(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, java.sql.Time x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setTime(parameterIndex, x));
        }
        ps.setTime(parameterIndex, x);
    }

    @Override
    public void setTimestamp(int parameterIndex, java.sql.Timestamp x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setTimestamp(parameterIndex, x));
        }
        ps.setTimestamp(parameterIndex, x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setAsciiStream(parameterIndex, x, length));
        }
        ps.setAsciiStream(parameterIndex, x, length);
    }

    @Deprecated
    @Override
    public void setUnicodeStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setUnicodeStream(parameterIndex, x, length));
        }
        ps.setUnicodeStream(parameterIndex, x, length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setBinaryStream(parameterIndex, x, length));
        }
        ps.setBinaryStream(parameterIndex, x, length);
    }

    @Override
    public void clearParameters() throws SQLException {
        ps.clearParameters();
        if (binds != null) {
            binds.clear();
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setObject(parameterIndex, TandemArray.real(x), targetSqlType));
        }
        ps.setObject(parameterIndex, TandemArray.real(x), targetSqlType);
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setObject(parameterIndex, TandemArray.real(x)));
        }
        ps.setObject(parameterIndex, TandemArray.real(x));
    }

    @Override
    public boolean execute() throws SQLException {
        return routed().execute();
    }

    @Override
    public void addBatch() throws SQLException {
        batchable();
        ps.addBatch();
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader, int length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setCharacterStream(parameterIndex, reader, length));
        }
        ps.setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setRef(parameterIndex, x));
        }
        ps.setRef(parameterIndex, x);
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setBlob(parameterIndex, x));
        }
        ps.setBlob(parameterIndex, x);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setClob(parameterIndex, x));
        }
        ps.setClob(parameterIndex, x);
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setArray(parameterIndex, TandemArray.real(x)));
        }
        ps.setArray(parameterIndex, TandemArray.real(x));
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return ps.getMetaData();
    }

    @Override
    public void setDate(int parameterIndex, java.sql.Date x, Calendar cal) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setDate(parameterIndex, x, cal));
        }
        ps.setDate(parameterIndex, x, cal);
    }

    @Override
    public void setTime(int parameterIndex, java.sql.Time x, Calendar cal) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setTime(parameterIndex, x, cal));
        }
        ps.setTime(parameterIndex, x, cal);
    }

    @Override
    public void setTimestamp(int parameterIndex, java.sql.Timestamp x, Calendar cal) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setTimestamp(parameterIndex, x, cal));
        }
        ps.setTimestamp(parameterIndex, x, cal);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setNull(parameterIndex, sqlType, typeName));
        }
        ps.setNull(parameterIndex, sqlType, typeName);
    }

    @Override
    public void setURL(int parameterIndex, java.net.URL x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setURL(parameterIndex, x));
        }
        ps.setURL(parameterIndex, x);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return ps.getParameterMetaData();
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setRowId(parameterIndex, x));
        }
        ps.setRowId(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setNString(parameterIndex, value));
        }
        ps.setNString(parameterIndex, value);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setNCharacterStream(parameterIndex, value, length));
        }
        ps.setNCharacterStream(parameterIndex, value, length);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setNClob(parameterIndex, value));
        }
        ps.setNClob(parameterIndex, value);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setClob(parameterIndex, reader, length));
        }
        ps.setClob(parameterIndex, reader, length);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setBlob(parameterIndex, inputStream, length));
        }
        ps.setBlob(parameterIndex, inputStream, length);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setNClob(parameterIndex, reader, length));
        }
        ps.setNClob(parameterIndex, reader, length);
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setSQLXML(parameterIndex, xmlObject));
        }
        ps.setSQLXML(parameterIndex, xmlObject);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setObject(parameterIndex, TandemArray.real(x), targetSqlType, scaleOrLength));
        }
        ps.setObject(parameterIndex, TandemArray.real(x), targetSqlType, scaleOrLength);
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setAsciiStream(parameterIndex, x, length));
        }
        ps.setAsciiStream(parameterIndex, x, length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setBinaryStream(parameterIndex, x, length));
        }
        ps.setBinaryStream(parameterIndex, x, length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader, long length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setCharacterStream(parameterIndex, reader, length));
        }
        ps.setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setAsciiStream(parameterIndex, x));
        }
        ps.setAsciiStream(parameterIndex, x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setBinaryStream(parameterIndex, x));
        }
        ps.setBinaryStream(parameterIndex, x);
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setCharacterStream(parameterIndex, reader));
        }
        ps.setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setNCharacterStream(parameterIndex, value));
        }
        ps.setNCharacterStream(parameterIndex, value);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setClob(parameterIndex, reader));
        }
        ps.setClob(parameterIndex, reader);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setBlob(parameterIndex, inputStream));
        }
        ps.setBlob(parameterIndex, inputStream);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, p -> p.setNClob(parameterIndex, reader));
        }
        ps.setNClob(parameterIndex, reader);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setObject(parameterIndex, TandemArray.real(x), targetSqlType, scaleOrLength));
        }
        ps.setObject(parameterIndex, TandemArray.real(x), targetSqlType, scaleOrLength);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, p -> p.setObject(parameterIndex, TandemArray.real(x), targetSqlType));
        }
        ps.setObject(parameterIndex, TandemArray.real(x), targetSqlType);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return routed().executeLargeUpdate();
    }

    @Override
    public void close() throws SQLException {
        try {
            if (others != null) {
                for (PreparedStatement other : others.values()) {
                    other.close();
                }
                others = null;
            }
        } finally {
            super.close();
        }
    }

}
