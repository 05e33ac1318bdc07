package dev.tandem.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * A SQL {@link Array} read or made through Tandem. Its result sets are Tandem's: PostgreSQL builds an
 * array's rows with an internal statement whose {@code getConnection()} is the raw connection, a way
 * around Tandem for any SQL run on it. Arrays handed back to the real driver are unwrapped first.
 */
public final class TandemArray implements Array {

    final Array delegate;
    private final TandemConnection connection;

    private TandemArray(TandemConnection connection, Array delegate) {
        this.connection = connection;
        this.delegate = delegate;
    }

    static Array of(TandemConnection connection, Array array) {
        return array == null || array instanceof TandemArray ? array : new TandemArray(connection, array);
    }

    /** The real driver's array, for parameters: drivers take fast paths only for their own class. */
    static Array real(Array array) {
        return array instanceof TandemArray tandem ? tandem.delegate : array;
    }

    /** {@link #real(Array)} for values passed as {@code Object}. */
    static Object real(Object value) {
        return value instanceof TandemArray tandem ? tandem.delegate : value;
    }

    private ResultSet resultSet(ResultSet resultSet) {
        return resultSet == null ? null : new TandemResultSet(connection, null, resultSet);
    }

    @Override
    public String getBaseTypeName() throws SQLException {
        return delegate.getBaseTypeName();
    }

    @Override
    public int getBaseType() throws SQLException {
        return delegate.getBaseType();
    }

    @Override
    public Object getArray() throws SQLException {
        return delegate.getArray();
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        return delegate.getArray(map);
    }

    @Override
    public Object getArray(long index, int count) throws SQLException {
        return delegate.getArray(index, count);
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return delegate.getArray(index, count, map);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return resultSet(delegate.getResultSet());
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        return resultSet(delegate.getResultSet(map));
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        return resultSet(delegate.getResultSet(index, count));
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return resultSet(delegate.getResultSet(index, count, map));
    }

    @Override
    public void free() throws SQLException {
        delegate.free();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
