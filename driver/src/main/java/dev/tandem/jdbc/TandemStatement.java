package dev.tandem.jdbc;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.tandem.sql.Dialect;

/**
 * A {@link Statement} of a {@link TandemConnection}: delegates to the real driver's statement and
 * hands back Tandem objects for every back-link and result set.
 */
public class TandemStatement implements Statement {

    final TandemConnection connection;
    final Statement delegate;
    /** The last result set handed out, so that {@code getResultSet()} twice gives the same object. */
    private TandemResultSet lastResultSet;
    /** What the last statement gave, when it was a mirrored write (or a batch holding one); null otherwise. */
    private Mirror.Outcome outcome;
    /** How many of {@link #outcome}'s results the application has moved past with {@code getMoreResults}. */
    private int outcomeAt;
    /** {@link #outcome}'s warnings, until the application clears them. */
    private SQLWarning outcomeWarnings;
    /** A real statement never run, whose generated keys are those of a statement that asked for none; or null. */
    private java.sql.PreparedStatement blank;
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
        mirror.checkKeys(connection.delegate, runner.sql(), keys);
        return answered(mirror.run(connection, runner, keys));
    }

    /** Keeps {@code done} for the result methods, which answer from it until the next execution. */
    final Mirror.Outcome answered(Mirror.Outcome done) {
        outcome = done;
        outcomeAt = 0;
        outcomeWarnings = done.warnings();
        return done;
    }

    /**
     * What a batch holding a mirrored write gave: the counts the real driver answers after a batch, and
     * the generated keys of every entry ({@code parts}), or those of a statement that asked for none.
     */
    final long[] answeredBatch(long[] counts, boolean prepared, List<Mirror.Outcome> parts, Dialect dialect)
            throws SQLException {
        Mirror.Keys keys = Mirror.Keys.BLANK;
        List<javax.sql.rowset.CachedRowSet> kept = new ArrayList<>();
        SQLWarning warnings = null;
        for (Mirror.Outcome part : parts) {
            if (part.keys().kept() instanceof javax.sql.rowset.CachedRowSet rows) {
                kept.add(rows);
            }
            if (part.warnings() != null) {
                if (warnings == null) {
                    warnings = part.warnings();
                } else {
                    warnings.setNextWarning(part.warnings());
                }
            }
        }
        if (!kept.isEmpty() && kept.size() == parts.size()) {
            keys = Mirror.Keys.kept(KeptRows.concat(kept));
        }
        answered(new Mirror.Outcome(-1, null, keys, Mirror.afterBatch(dialect, prepared, counts), warnings));
        return counts;
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
            public long updateAs(String text) throws SQLException {
                return delegate.executeUpdate(text);
            }

            @Override
            public SQLWarning warnings() throws SQLException {
                return own ? ownWarnings : delegate.getWarnings();
            }

            private boolean own;
            private SQLWarning ownWarnings;

            @Override
            public ResultSet capture(String text, int[] parameters) throws SQLException {
                Statement own = connection.delegate.createStatement();
                own.closeOnCompletion();
                return own.executeQuery(text);
            }

            @Override
            public long updateWithKeys(String text, int boundary, List<Object[]> keys) throws SQLException {
                try (java.sql.PreparedStatement statement = connection.delegate.prepareStatement(text)) {
                    Mirror.bindKeys(statement, keys, 1);
                    long count = statement.executeUpdate();
                    own = true;
                    ownWarnings = statement.getWarnings();
                    return count;
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
        return outcome != null ? outcomeWarnings : current().getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        outcomeWarnings = null;
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
            return outcomeAt > 0 ? null : resultSet(outcome.rows());
        }
        return resultSet(current().getResultSet());
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return outcome != null ? (int) getLargeUpdateCount() : current().getUpdateCount();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return outcome != null ? moreOutcome() : current().getMoreResults();
    }

    /** Moves past the current result of a mirrored write: its rows, or one of its counts; there is never another result set. */
    private boolean moreOutcome() throws SQLException {
        if (outcomeAt == 0 && outcome.rows() != null) {
            resultSet(outcome.rows()).close();
        }
        outcomeAt++;
        return false;
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
        // MariaDB's driver answers a Statement's batch with the generated keys of every entry, asked or not
        Dialect dialect = connection.plan().dialect();
        boolean keys = dialect == Dialect.MARIADB;
        List<Mirror.Outcome> parts = new ArrayList<>();
        try {
            long[] counts = Mirror.atomically(connection, real -> {
                long[] done = new long[sqls.size()];
                for (int i = 0; i < done.length; i++) {
                    Router.Route route = routes.get(i);
                    if (mirrors(route)) {
                        Mirror.Outcome part = route.mirror().runInside(connection, runner(sqls.get(i)),
                                keys ? Mirror.KeysRequest.AUTO : Mirror.KeysRequest.NONE);
                        parts.add(part);
                        done[i] = part.count();
                    } else if (keys) {
                        done[i] = delegate.executeLargeUpdate(route == null ? sqls.get(i) : route.sql(),
                                RETURN_GENERATED_KEYS);
                        parts.add(Mirror.Outcome.of(done[i], null, Mirror.Keys.kept(KeptRows.keep(
                                delegate.getGeneratedKeys())), delegate.getWarnings()));
                    } else {
                        done[i] = delegate.executeLargeUpdate(route == null ? sqls.get(i) : route.sql());
                        parts.add(Mirror.Outcome.of(done[i], null, Mirror.Keys.BLANK, delegate.getWarnings()));
                    }
                }
                return done;
            });
            return answeredBatch(counts, false, parts, dialect);
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
        if (outcome != null) {
            // H2 keeps its update count when asked to keep the current result
            return current == KEEP_CURRENT_RESULT && connection.plan().dialect() == Dialect.H2 ? false : moreOutcome();
        }
        return current().getMoreResults(current);
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        if (outcome != null) {
            if (outcome.keys().kept() != null) {
                outcome.keys().kept().beforeFirst();
                return resultSet(outcome.keys().kept());
            }
            if (blank == null) {
                blank = connection.delegate.prepareStatement("SELECT 1");
            }
            return resultSet(blank.getGeneratedKeys());
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
            return (int) mirrored(route, sql, Mirror.KeysRequest.indexes(columnIndexes)).count();
        }
        return delegate.executeUpdate(route == null ? sql : route.sql(), columnIndexes);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        Router.Route route = route(sql);
        if (mirrors(route)) {
            return (int) mirrored(route, sql, Mirror.KeysRequest.names(columnNames)).count();
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
            return mirrored(route, sql, Mirror.KeysRequest.indexes(columnIndexes)).rows() != null;
        }
        return delegate.execute(route == null ? sql : route.sql(), columnIndexes);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        Router.Route route = route(sql);
        if (mirrors(route)) {
            return mirrored(route, sql, Mirror.KeysRequest.names(columnNames)).rows() != null;
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
            long[] counts = outcome.counts();
            return outcomeAt < counts.length ? counts[outcomeAt] : -1;
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
            return mirrored(route, sql, Mirror.KeysRequest.indexes(columnIndexes)).count();
        }
        return delegate.executeLargeUpdate(route == null ? sql : route.sql(), columnIndexes);
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        Router.Route route = route(sql);
        if (mirrors(route)) {
            return mirrored(route, sql, Mirror.KeysRequest.names(columnNames)).count();
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
        if (blank != null) {
            blank.close();
        }
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
