package dev.tandem.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Properties;
import java.util.concurrent.Executor;


/**
 * A connection through Tandem: holds the real driver's connection, hands out Tandem statements and
 * metadata, and keeps Tandem's own client info ({@code tandem.*}) away from the real driver.
 */
public class TandemConnection implements Connection {

    final Connection delegate;
    private final String url;
    private final TandemProperties properties;
    private final ClientInfo clientInfo = new ClientInfo();
    /** The real connection's dialect and current schema, as routing needs them. */
    final Session session;
    /** The database under a routing file, or null without {@code tandem.config}: pure pass-through. */
    final RoutedDatabase routed;
    private TandemDatabaseMetaData metaData;
    /**
     * Tracked here so that routing can tell a transaction from autocommit without asking the driver
     * each time; null until first needed.
     */
    private Boolean autoCommit;
    /** The plan a transaction took with its first routed statement, kept to its end. */
    private RoutedDatabase.Plan pinned;
    /** This connection's facts for the read policy: one object per connection, none per statement. */
    final Decision.Caller caller = new Decision.Caller() {
        @Override
        public String consumer() {
            return TandemConnection.this.consumer();
        }

        @Override
        public Integer schemaVersion() {
            return properties.schemaVersion();
        }

        @Override
        public String cohort() {
            return requestCohort();
        }
    };
    /** JDBC client info {@code ApplicationName}, asked once, then kept in step with setClientInfo. */
    private String applicationName;
    private boolean applicationNameKnown;

    TandemConnection(Connection delegate, String url, TandemProperties properties) {
        this(delegate, url, properties, null);
    }

    TandemConnection(Connection delegate, String url, TandemProperties properties, RoutedDatabase routed) {
        this.delegate = delegate;
        this.session = new Session(delegate);
        this.url = url;
        this.properties = properties;
        this.routed = routed;
    }

    /**
     * What runs for {@code sql} under the routing in force (or the one this transaction took), or
     * null when it runs as written.
     *
     * @throws SQLException when the statement is refused; nothing has run
     */
    Router.Route route(String sql) throws SQLException {
        return routed == null ? null : Router.decide(plan(), sql, session, caller, routed);
    }

    /**
     * As {@link #route}, for a prepared statement: {@code mayName} is whether its text may name a
     * table that {@code preparedUnder}, the plan in force when it was prepared, applies. While that
     * plan is in force a statement that names none is not looked at again, and one that may is not
     * word-scanned again.
     */
    Router.Route routePrepared(TandemPreparedStatement statement) throws SQLException {
        if (routed == null) {
            return null;
        }
        RoutedDatabase.Plan plan = plan();
        String sql = statement.sql();
        if (plan != statement.plan()) {
            return Router.decide(plan, sql, session, caller, routed);
        }
        if (!statement.mayName() || plan.rewriter() == null) {
            return null;
        }
        String schema = session.currentSchema();
        Router.Known known = statement.known;
        if (known == null || !known.holds(plan, schema)) {
            statement.known = known = Router.known(plan, sql, schema);
        }
        return Router.route(sql, caller, routed, true, known);
    }

    /**
     * Whether {@code sql} may name a table of the routing file, in any phase: a word scan. A prepared
     * statement for which this is true keeps its parameters, so it can be translated later.
     */
    boolean mayRoute(String sql) {
        return routed != null && routed.mayName(sql);
    }

    /** The plan in force for the next statement: in a transaction, the one its first statement took. */
    RoutedDatabase.Plan plan() throws SQLException {
        if (autoCommit == null) {
            autoCommit = delegate.getAutoCommit();
        }
        if (autoCommit && !sqlTransaction) {
            return routed.plan(session);
        }
        RoutedDatabase.Plan plan = pinned;
        if (plan == null) {
            pinned = plan = routed.plan(session);
        }
        return plan;
    }

    /**
     * Whether no transaction is open around the next statement: autocommit (tracked, so asking costs
     * no round trip) and no {@code BEGIN} sent as SQL since.
     */
    boolean autoCommitNow() throws SQLException {
        if (autoCommit == null) {
            autoCommit = delegate.getAutoCommit();
        }
        return autoCommit && !sqlTransaction;
    }

    /** Whether a transaction opened with SQL under JDBC autocommit is open now. */
    boolean inSqlTransaction() {
        return sqlTransaction;
    }

    /** Whether a transaction was opened with SQL ({@code BEGIN}, {@code START TRANSACTION}) under autocommit. */
    private boolean sqlTransaction;

    /**
     * Notices a transaction opened or ended in SQL rather than through JDBC: one opened under
     * autocommit is treated as a transaction (one routing, mirrored writes under savepoints) until
     * a {@code COMMIT}, {@code ROLLBACK} or {@code END} sent as SQL, or a JDBC commit or rollback.
     */
    void control(Session.Control control) {
        if (control == Session.Control.BEGIN) {
            sqlTransaction = Boolean.TRUE.equals(autoCommit) || autoCommit == null;
        } else if (control == Session.Control.END) {
            transactionEnded();
        }
    }

    /** The consumer: {@code tandem.client}, else the JDBC client info {@code ApplicationName}. */
    String consumer() {
        if (properties.client() != null) {
            return properties.client();
        }
        if (!applicationNameKnown) {
            try {
                applicationName = delegate.getClientInfo("ApplicationName");
            } catch (SQLException | RuntimeException e) {
                applicationName = null; // a driver without client info: no consumer
            }
            applicationNameKnown = true;
        }
        return applicationName;
    }

    /** The cohort of the request: {@code Tandem.withCohort} where in effect, else {@code tandem.cohort}. */
    String requestCohort() {
        String scoped = dev.tandem.Tandem.cohort();
        return scoped != null ? scoped : clientInfo.cohort();
    }

    private void transactionEnded() {
        pinned = null;
        sqlTransaction = false;
    }

    /** The URL the application connected with, or null when the connection came from a data source. */
    String url() {
        return url;
    }

    TandemProperties properties() {
        return properties;
    }

    /** The cohort set with {@code setClientInfo("tandem.cohort", …)}, or null. */
    String cohort() {
        return clientInfo.cohort();
    }

    Statement statement(Statement statement) {
        return new TandemStatement(this, statement);
    }

    /** How a statement was prepared (with its result set type, generated-key request, …), for any text. */
    @FunctionalInterface
    interface Preparer {
        PreparedStatement prepare(String sql) throws SQLException;
    }

    /**
     * A prepared statement for {@code sql}. Under a routing, the real statement first prepared is the
     * one the routing in force would run now (a read already translated to the other table), so that a
     * routed read costs one real prepare, like a plain one; at each execution the route is decided again.
     */
    private PreparedStatement prepared(String sql, Preparer preparer) throws SQLException {
        return prepared(sql, preparer, false);
    }

    /**
     * @param plain whether the application asked for nothing but the text: then a write that will be
     *              mirrored by its generated keys is prepared as it will run, so that it runs as prepared:
     *              with its copy as one statement under autocommit, else asking for its keys
     */
    private PreparedStatement prepared(String sql, Preparer preparer, boolean plain) throws SQLException {
        if (routed == null) {
            return new TandemPreparedStatement(this, preparer.prepare(sql), sql, sql, preparer, false, false, null);
        }
        RoutedDatabase.Plan plan = plan();
        LastPrepared last = lastPrepared;
        boolean keepBinds;
        boolean mayName;
        Router.Known known;
        Router.Route route;
        if (last != null && last.holds(sql, plan, routed.routing(), this)) {
            keepBinds = last.keepBinds();
            mayName = last.mayName();
            known = last.known();
            route = last.route();
        } else {
            keepBinds = mayRoute(sql);
            mayName = keepBinds && plan.rewriter() != null && plan.rewriter().mayNameMigratedTable(sql);
            known = mayName ? Router.known(plan, sql, session.currentSchema()) : null;
            route = mayName ? Router.peekRoute(sql, caller, known) : null;
            lastPrepared = LastPrepared.of(sql, plan, routed.routing(), keepBinds, known, route, this);
        }
        String first = route == null ? sql : route.sql();
        if (plain && route != null && route.mirror() != null && route.mirror().capture() == Mirror.Capture.GENERATED_KEYS) {
            // prepared as it will run: under autocommit with its copy as one statement, else asking for the keys
            String one = autoCommitNow() ? route.mirror().oneStatement(sql) : null;
            PreparedStatement inOne = one == null ? null : prepareOrNull(one);
            if (inOne != null) {
                TandemPreparedStatement statement = new TandemPreparedStatement(this, inOne, sql, one, preparer,
                        keepBinds, mayName, plan);
                statement.known = known;
                return statement;
            }
            String[] names = route.mirror().keyNames();
            TandemPreparedStatement statement = new TandemPreparedStatement(this, delegate.prepareStatement(sql, names),
                    sql, sql, preparer, keepBinds, mayName, plan);
            statement.preparedWithKeys = names;
            statement.known = known;
            return statement;
        }
        TandemPreparedStatement statement = new TandemPreparedStatement(this, preparer.prepare(first), sql, first,
                preparer, keepBinds, mayName, plan);
        statement.remapped = route != null && route.parameters() != null;
        statement.known = known;
        return statement;
    }

    /**
     * What {@link #prepared} found for the text it prepared last, and what that depended on: an application
     * that prepares the same statement again and again (as {@code JdbcTemplate} and most JDBC code do) is
     * not word-scanned and routed again while the plan, the routing and, for a text that names a table the
     * plan applies, the schema and the caller's facts (client, schema version, cohort) are the same. The
     * route at execution is decided again as always; this only spares the prepare.
     */
    private record LastPrepared(String sql, RoutedDatabase.Plan plan, dev.tandem.routing.Routing routing,
            boolean keepBinds, boolean mayName, Router.Known known, Router.Route route, String schema, String consumer,
            Integer version, String cohort) {

        static LastPrepared of(String sql, RoutedDatabase.Plan plan, dev.tandem.routing.Routing routing,
                boolean keepBinds, Router.Known known, Router.Route route, TandemConnection connection) {
            if (known == null) {
                return new LastPrepared(sql, plan, routing, keepBinds, false, null, null, null, null, null, null);
            }
            Decision.Caller caller = connection.caller;
            return new LastPrepared(sql, plan, routing, keepBinds, true, known, route, known.schema(), caller.consumer(),
                    caller.schemaVersion(), caller.cohort());
        }

        boolean holds(String text, RoutedDatabase.Plan now, dev.tandem.routing.Routing routingNow,
                TandemConnection connection) throws SQLException {
            if (plan != now || routing != routingNow || !(sql == text || sql.equals(text))) {
                return false;
            }
            if (!mayName) {
                return true;
            }
            Decision.Caller caller = connection.caller;
            return java.util.Objects.equals(schema, connection.session.currentSchema())
                    && java.util.Objects.equals(cohort, caller.cohort())
                    && java.util.Objects.equals(consumer, caller.consumer())
                    && java.util.Objects.equals(version, caller.schemaVersion());
        }
    }

    /** See {@link LastPrepared}; null until a statement is prepared under a routing. */
    private LastPrepared lastPrepared;

    /**
     * A real statement of {@code sql}, one of Tandem's own forms of the application's; null when the real
     * driver refuses it (H2 parses when it prepares), and then the statement runs in another form.
     */
    private PreparedStatement prepareOrNull(String sql) {
        try {
            return delegate.prepareStatement(sql);
        } catch (SQLException e) {
            return null;
        }
    }

    /** Notes on {@code statement} what its application asked of generated keys, for mirroring it. */
    private static PreparedStatement keys(PreparedStatement statement, Mirror.KeysRequest keys) {
        ((TandemPreparedStatement) statement).keys = keys;
        return statement;
    }

    private CallableStatement callable(String sql, CallableStatement statement) {
        return new TandemCallableStatement(this, statement, sql);
    }

    private DatabaseMetaData metaData(DatabaseMetaData real) {
        TandemDatabaseMetaData known = metaData;
        if (known != null && known.delegate == real) {
            return known;
        }
        return metaData = new TandemDatabaseMetaData(this, real);
    }

    @Override
    public Statement createStatement() throws SQLException {
        return statement(delegate.createStatement());
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepared(sql, text -> delegate.prepareStatement(text), true);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return callable(sql, delegate.prepareCall(sql));
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return delegate.nativeSQL(sql);
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        Boolean was = this.autoCommit;
        delegate.setAutoCommit(autoCommit);
        this.autoCommit = autoCommit;
        if (was == null || was != autoCommit) {
            transactionEnded(); // JDBC: a call that does not change the mode does nothing
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return delegate.getAutoCommit();
    }

    @Override
    public void commit() throws SQLException {
        delegate.commit();
        transactionEnded();
    }

    @Override
    public void rollback() throws SQLException {
        delegate.rollback();
        session.forgetSchema();
        transactionEnded();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return delegate.isClosed();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return metaData(delegate.getMetaData());
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        delegate.setReadOnly(readOnly);
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return delegate.isReadOnly();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        delegate.setCatalog(catalog);
        session.forgetSchema();
    }

    @Override
    public String getCatalog() throws SQLException {
        return delegate.getCatalog();
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        delegate.setTransactionIsolation(level);
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return delegate.getTransactionIsolation();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return delegate.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        delegate.clearWarnings();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return statement(delegate.createStatement(resultSetType, resultSetConcurrency));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return prepared(sql, text -> delegate.prepareStatement(text, resultSetType, resultSetConcurrency));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return callable(sql, delegate.prepareCall(sql, resultSetType, resultSetConcurrency));
    }

    @Override
    public java.util.Map<String, Class<?>> getTypeMap() throws SQLException {
        return delegate.getTypeMap();
    }

    @Override
    public void setTypeMap(java.util.Map<String, Class<?>> map) throws SQLException {
        delegate.setTypeMap(map);
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        delegate.setHoldability(holdability);
    }

    @Override
    public int getHoldability() throws SQLException {
        return delegate.getHoldability();
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return delegate.setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return delegate.setSavepoint(name);
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        delegate.rollback(savepoint);
        session.forgetSchema();
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        delegate.releaseSavepoint(savepoint);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return statement(delegate.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return prepared(sql, text -> delegate.prepareStatement(text, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return callable(sql, delegate.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return keys(prepared(sql, text -> delegate.prepareStatement(text, autoGeneratedKeys)),
                autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS ? Mirror.KeysRequest.AUTO : Mirror.KeysRequest.NONE);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return keys(prepared(sql, text -> delegate.prepareStatement(text, columnIndexes)),
                Mirror.KeysRequest.indexes(columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        TandemPreparedStatement statement = (TandemPreparedStatement) keys(prepared(sql,
                text -> delegate.prepareStatement(text, columnNames)), Mirror.KeysRequest.names(columnNames));
        statement.preparedWithKeys = columnNames == null ? null : columnNames.clone();
        return statement;
    }

    @Override
    public Clob createClob() throws SQLException {
        return delegate.createClob();
    }

    @Override
    public Blob createBlob() throws SQLException {
        return delegate.createBlob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return delegate.createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return delegate.createSQLXML();
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        return delegate.isValid(timeout);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (ClientInfo.owns(name)) {
            clientInfo.set(name, value);
            return;
        }
        delegate.setClientInfo(name, value);
        if ("ApplicationName".equals(name)) {
            applicationName = value;
            applicationNameKnown = true;
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        delegate.setClientInfo(clientInfo.forDriver(properties));
        clientInfo.replace(properties);
        applicationName = properties.getProperty("ApplicationName");
        applicationNameKnown = true;
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        if (ClientInfo.owns(name)) {
            return clientInfo.get(name);
        }
        return delegate.getClientInfo(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        Properties all = new Properties();
        all.putAll(delegate.getClientInfo());
        clientInfo.addTo(all);
        return all;
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return TandemArray.of(this, delegate.createArrayOf(typeName, elements));
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return delegate.createStruct(typeName, attributes);
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        delegate.setSchema(schema);
        session.forgetSchema();
    }

    @Override
    public String getSchema() throws SQLException {
        return delegate.getSchema();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        delegate.abort(executor);
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        delegate.setNetworkTimeout(executor, milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return delegate.getNetworkTimeout();
    }

    @Override
    public void beginRequest() throws SQLException {
        delegate.beginRequest();
    }

    @Override
    public void endRequest() throws SQLException {
        delegate.endRequest();
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout) throws SQLException {
        return delegate.setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
        return delegate.setShardingKeyIfValid(shardingKey, timeout);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
        delegate.setShardingKey(shardingKey, superShardingKey);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey) throws SQLException {
        delegate.setShardingKey(shardingKey);
    }

    @Override
    public void close() throws SQLException {
        copies = null; // closed with the real connection
        delegate.close();
        transactionEnded();
    }

    /** How many copy statements a connection keeps prepared; past it, the oldest is closed. */
    private static final int COPIES = 32;

    /** The real statements that copy rows into a mirror table, by text, kept prepared for the next write. */
    private java.util.LinkedHashMap<String, PreparedStatement> copies;

    /** A real prepared statement of {@code sql}, one of Tandem's own copy statements, kept for reuse. */
    PreparedStatement copyStatement(String sql) throws SQLException {
        if (copies == null) {
            copies = new java.util.LinkedHashMap<>(16, 0.75f, true);
        }
        PreparedStatement known = copies.get(sql);
        if (known != null) {
            return known;
        }
        if (copies.size() >= COPIES) {
            var eldest = copies.entrySet().iterator();
            eldest.next().getValue().close();
            eldest.remove();
        }
        PreparedStatement made = delegate.prepareStatement(sql);
        copies.put(sql, made);
        return made;
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
