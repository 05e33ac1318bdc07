package dev.tandem.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * A {@link Statement} of a {@link TandemConnection}: delegates to the real driver's statement and
 * hands back Tandem objects for every back-link and result set.
 */
public class TandemStatement implements Statement {

    final TandemConnection connection;
    final Statement delegate;
    /** The last result set handed out, so that {@code getResultSet()} twice gives the same object. */
    private TandemResultSet lastResultSet;

    TandemStatement(TandemConnection connection, Statement delegate) {
        this.connection = connection;
        this.delegate = delegate;
    }

    final ResultSet resultSet(ResultSet resultSet) {
        if (resultSet == null) {
            return null;
        }
        TandemResultSet last = lastResultSet;
        if (last != null && last.delegate == resultSet) {
            return last;
        }
        return lastResultSet = new TandemResultSet(connection, this, resultSet);
    }

    /**
     * The statement to run for {@code sql} under the routing: as written, or translated; a shadow read
     * due in phase verify runs first. Forgets the current schema when {@code sql} may change it.
     *
     * @throws SQLException when the routing refuses the statement; nothing has run
     */
    final String routed(String sql) throws SQLException {
        connection.session.executing(sql);
        Router.Route route = connection.route(sql);
        if (route == null) {
            return sql;
        }
        if (route.shadowSql() != null) {
            ShadowRead.run(connection, route, null);
        }
        return route.sql();
    }

    /** The real statement that ran last: results, counts and warnings are read from it. */
    Statement current() {
        return delegate;
    }

    /** The real statement; for tests and for Tandem's own use, applications call {@code unwrap}. */
    Statement delegate() {
        return delegate;
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        String run = routed(sql);
        return resultSet(delegate.executeQuery(run));
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        String run = routed(sql);
        return delegate.executeUpdate(run);
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        return delegate.getMaxFieldSize();
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        delegate.setMaxFieldSize(max);
    }

    @Override
    public int getMaxRows() throws SQLException {
        return delegate.getMaxRows();
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        delegate.setMaxRows(max);
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        delegate.setEscapeProcessing(enable);
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return delegate.getQueryTimeout();
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        delegate.setQueryTimeout(seconds);
    }

    @Override
    public void cancel() throws SQLException {
        current().cancel();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return current().getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        current().clearWarnings();
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        delegate.setCursorName(name);
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        String run = routed(sql);
        return delegate.execute(run);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return resultSet(current().getResultSet());
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return current().getUpdateCount();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return current().getMoreResults();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        delegate.setFetchDirection(direction);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return delegate.getFetchDirection();
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        delegate.setFetchSize(rows);
    }

    @Override
    public int getFetchSize() throws SQLException {
        return delegate.getFetchSize();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return delegate.getResultSetConcurrency();
    }

    @Override
    public int getResultSetType() throws SQLException {
        return delegate.getResultSetType();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        String run = routed(sql);
        delegate.addBatch(run);
    }

    @Override
    public void clearBatch() throws SQLException {
        delegate.clearBatch();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return delegate.executeBatch();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection;
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return current().getMoreResults(current);
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        return resultSet(current().getGeneratedKeys());
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        String run = routed(sql);
        return delegate.executeUpdate(run, autoGeneratedKeys);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        String run = routed(sql);
        return delegate.executeUpdate(run, columnIndexes);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        String run = routed(sql);
        return delegate.executeUpdate(run, columnNames);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        String run = routed(sql);
        return delegate.execute(run, autoGeneratedKeys);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        String run = routed(sql);
        return delegate.execute(run, columnIndexes);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        String run = routed(sql);
        return delegate.execute(run, columnNames);
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return delegate.getResultSetHoldability();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return delegate.isClosed();
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        delegate.setPoolable(poolable);
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return delegate.isPoolable();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        delegate.closeOnCompletion();
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return delegate.isCloseOnCompletion();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        return current().getLargeUpdateCount();
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        delegate.setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return delegate.getLargeMaxRows();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return delegate.executeLargeBatch();
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        String run = routed(sql);
        return delegate.executeLargeUpdate(run);
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        String run = routed(sql);
        return delegate.executeLargeUpdate(run, autoGeneratedKeys);
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        String run = routed(sql);
        return delegate.executeLargeUpdate(run, columnIndexes);
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        String run = routed(sql);
        return delegate.executeLargeUpdate(run, columnNames);
    }

    @Override
    public String enquoteLiteral(String val) throws SQLException {
        return delegate.enquoteLiteral(val);
    }

    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        return delegate.enquoteIdentifier(identifier, alwaysQuote);
    }

    @Override
    public boolean isSimpleIdentifier(String identifier) throws SQLException {
        return delegate.isSimpleIdentifier(identifier);
    }

    @Override
    public String enquoteNCharLiteral(String val) throws SQLException {
        return delegate.enquoteNCharLiteral(val);
    }

    @Override
    public void close() throws SQLException {
        delegate.close();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, delegate, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Wrappers.isWrapperFor(this, delegate, iface);
    }

    @Override
    public String toString() {
        return "tandem:" + delegate;
    }
}
