package dev.tandem.jdbc;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Statement} of a {@link TandemConnection}: delegates to the real driver's statement and
 * hands back Tandem objects for every back-link and result set.
 */
public class TandemStatement implements Statement {

    final TandemConnection connection;
    final Statement delegate;
    /** The last result set handed out, so that {@code getResultSet()} twice gives the same object. */
    private TandemResultSet lastResultSet;
    /** What the last statement gave, when it was a mirrored write; null otherwise. */
    private Mirror.Outcome outcome;
    /** Whether the application has moved past {@link #outcome}'s result with {@code getMoreResults}. */
    private boolean outcomeRead;
    /** The batch as written, with the route of each, when the connection has a routing; else null. */
    private List<String> batchSql;
    private List<Router.Route> batchRoutes;
    private boolean batchMirrored;

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
     * The route of {@code sql}: null when it runs as written, else what runs instead or beside it. A
     * shadow read due in phase verify runs first. Forgets the last mirrored write's results.
     *
     * @throws SQLException when the routing refuses the statement; nothing has run
     */
    final Router.Route route(String sql) throws SQLException {
        outcome = null;
        connection.session.executing(sql);
        if (connection.routed != null) {
            connection.control(Session.control(sql));
        }
        Router.Route route = connection.route(sql);
        if (route != null && route.shadowSql() != null) {
            ShadowRead.run(connection, route, null);
        }
        return route;
    }

    /** Forgets the last mirrored write's results: another execution has begun. */
    final void forgetOutcome() {
        outcome = null;
    }

    /** Runs a mirrored write and keeps what it gave for the result methods. */
    final Mirror.Outcome mirrored(Mirror mirror, Mirror.Runner runner, Mirror.KeysRequest keys) throws SQLException {
        mirror.checkKeys(runner.sql(), keys);
        Mirror.Outcome done = mirror.run(connection, runner, keys);
        outcome = done;
        outcomeRead = false;
        return done;
    }

    /** A query of a write that returns no rows: refused before it runs, as it would fail after. */
    static SQLException noRows(String sql) {
        return Errors.refused(sql, "executeQuery was called for a write that returns no rows");
    }

    /** Runs the statement text through a real {@code Statement} of this one. */
    private Mirror.Runner runner(String sql) {
        return new Mirror.Runner() {
            @Override
            public String sql() {
                return sql;
            }

            @Override
            public ResultSet query(String text) throws SQLException {
                return delegate.executeQuery(text);
            }

            @Override
            public long updateReturning(String text, String[] names) throws SQLException {
                return names == null ? delegate.executeUpdate(text, RETURN_GENERATED_KEYS)
                        : delegate.executeUpdate(text, names);
            }

            @Override
            public ResultSet generatedKeys() throws SQLException {
                return delegate.getGeneratedKeys();
            }

            @Override
            public long update() throws SQLException {
                return delegate.executeUpdate(sql);
            }

            @Override
            public ResultSet capture(String text, int[] parameters) throws SQLException {
                Statement own = connection.delegate.createStatement();
                own.closeOnCompletion();
                return own.executeQuery(text);
            }

            @Override
            public long updateWithKeys(String text, int boundary, List<Object[]> keys) throws SQLException {
                try (java.sql.PreparedStatement own = connection.delegate.prepareStatement(text)) {
                    Mirror.bindKeys(own, keys, 1);
                    return own.executeUpdate();
                }
            }
        };
    }

    private Mirror.Outcome mirrored(Router.Route route, String sql, Mirror.KeysRequest keys) throws SQLException {
        return mirrored(route.mirror(), runner(sql), keys);
    }

    private static boolean mirrors(Router.Route route) {
        return route != null && route.mirror() != null;
    }

    private static Mirror.KeysRequest keys(int autoGeneratedKeys) {
        return autoGeneratedKeys == RETURN_GENERATED_KEYS ? Mirror.KeysRequest.AUTO : Mirror.KeysRequest.NONE;
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
        Router.Route route = route(sql);
        if (mirrors(route)) {
            if (route.mirror().shape().returning() == null) {
                throw noRows(sql);
            }
            return resultSet(mirrored(route, sql, Mirror.KeysRequest.NONE).rows());
        }
        return resultSet(delegate.executeQuery(route == null ? sql : route.sql()));
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        Router.Route route = route(sql);
        if (mirrors(route)) {
            return (int) mirrored(route, sql, Mirror.KeysRequest.NONE).count();
        }
        return delegate.executeUpdate(route == null ? sql : route.sql());
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
        Router.Route route = route(sql);
        if (mirrors(route)) {
            return mirrored(route, sql, Mirror.KeysRequest.NONE).rows() != null;
        }
        return delegate.execute(route == null ? sql : route.sql());
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        if (outcome != null) {
            return outcomeRead ? null : resultSet(outcome.rows());
        }
        return resultSet(current().getResultSet());
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return outcome != null ? (int) getLargeUpdateCount() : current().getUpdateCount();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        if (outcome != null) {
            outcomeRead = true;
            return false;
        }
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
        Router.Route route = route(sql);
        if (connection.routed != null) {
            if (batchSql == null) {
                batchSql = new ArrayList<>();
                batchRoutes = new ArrayList<>();
            }
            batchSql.add(sql);
            batchRoutes.add(route);
        }
        if (mirrors(route)) {
            batchMirrored = true;
        } else {
            delegate.addBatch(route == null ? sql : route.sql());
        }
    }

    @Override
    public void clearBatch() throws SQLException {
        forgetBatch();
        delegate.clearBatch();
    }

    private void forgetBatch() {
        batchSql = null;
        batchRoutes = null;
        batchMirrored = false;
    }

    @Override
    public int[] executeBatch() throws SQLException {
        if (!batchMirrored) {
            forgetBatch();
            return delegate.executeBatch();
        }
        long[] counts = mirroredBatch();
        int[] ints = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            ints[i] = (int) counts[i];
        }
        return ints;
    }

    /**
     * A batch holding a mirrored write: its statements run one by one, each write with its mirror, all
     * of them as one unit (DESIGN §5), since a mirrored write is more than one real statement.
     */
    private long[] mirroredBatch() throws SQLException {
        List<String> sqls = batchSql;
        List<Router.Route> routes = batchRoutes;
        forgetBatch();
        delegate.clearBatch();
        outcome = null;
        try {
            return Mirror.atomically(connection, real -> {
                long[] counts = new long[sqls.size()];
                for (int i = 0; i < counts.length; i++) {
                    Router.Route route = routes.get(i);
                    counts[i] = mirrors(route)
                            ? route.mirror().runInside(connection, runner(sqls.get(i)), Mirror.KeysRequest.NONE).count()
                            : delegate.executeLargeUpdate(route == null ? sqls.get(i) : route.sql());
                }
                return counts;
            });
        } catch (SQLException e) {
            throw new BatchUpdateException("tandem: the batch was undone: " + e.getMessage(), e.getSQLState(),
                    e.getErrorCode(), new long[0], e);
        }
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
        if (outcome != null && outcome.generatedKeys() != null) {
            return resultSet(outcome.generatedKeys());
        }
        return resultSet(current().getGeneratedKeys());
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        Router.Route route = route(sql);
        if (mirrors(route)) {
            return (int) mirrored(route, sql, keys(autoGeneratedKeys)).count();
        }
        return delegate.executeUpdate(route == null ? sql : route.sql(), autoGeneratedKeys);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        Router.Route route = route(sql);
        if (mirrors(route)) {
            return (int) mirrored(route, sql, Mirror.KeysRequest.AUTO).count();
        }
        return delegate.executeUpdate(route == null ? sql : route.sql(), columnIndexes);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        Router.Route route = route(sql);
        if (mirrors(route)) {
            return (int) mirrored(route, sql, new Mirror.KeysRequest(false, columnNames)).count();
        }
        return delegate.executeUpdate(route == null ? sql : route.sql(), columnNames);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        Router.Route route = route(sql);
        if (mirrors(route)) {
            return mirrored(route, sql, keys(autoGeneratedKeys)).rows() != null;
        }
        return delegate.execute(route == null ? sql : route.sql(), autoGeneratedKeys);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        Router.Route route = route(sql);
        if (mirrors(route)) {
            return mirrored(route, sql, Mirror.KeysRequest.AUTO).rows() != null;
        }
        return delegate.execute(route == null ? sql : route.sql(), columnIndexes);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        Router.Route route = route(sql);
        if (mirrors(route)) {
            return mirrored(route, sql, new Mirror.KeysRequest(false, columnNames)).rows() != null;
        }
        return delegate.execute(route == null ? sql : route.sql(), columnNames);
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
        if (outcome != null) {
            return outcomeRead || outcome.rows() != null ? -1 : outcome.count();
        }
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
        if (batchMirrored) {
            return mirroredBatch();
        }
        forgetBatch();
        return delegate.executeLargeBatch();
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        Router.Route route = route(sql);
        if (mirrors(route)) {
            return mirrored(route, sql, Mirror.KeysRequest.NONE).count();
        }
        return delegate.executeLargeUpdate(route == null ? sql : route.sql());
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        Router.Route route = route(sql);
        if (mirrors(route)) {
            return mirrored(route, sql, keys(autoGeneratedKeys)).count();
        }
        return delegate.executeLargeUpdate(route == null ? sql : route.sql(), autoGeneratedKeys);
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        Router.Route route = route(sql);
        if (mirrors(route)) {
            return mirrored(route, sql, Mirror.KeysRequest.AUTO).count();
        }
        return delegate.executeLargeUpdate(route == null ? sql : route.sql(), columnIndexes);
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        Router.Route route = route(sql);
        if (mirrors(route)) {
            return mirrored(route, sql, new Mirror.KeysRequest(false, columnNames)).count();
        }
        return delegate.executeLargeUpdate(route == null ? sql : route.sql(), columnNames);
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
