package dev.tandem.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
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
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.HashMap;
import java.util.Map;


/**
 * A {@link PreparedStatement} of a {@link TandemConnection}: parameters and execution go to the real
 * driver's statement; result sets and back-links come back as Tandem objects.
 */
public class TandemPreparedStatement extends TandemStatement implements PreparedStatement {

    private final PreparedStatement ps;
    private final String sql;
    /** What running the statement does to the transaction, when it opens or ends one in SQL. */
    private final Session.Control control;
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
    /**
     * The verdict and the migrations the text names under the plan and schema it was last routed in, kept
     * so that running it again under the same ones costs no verdict look-up; null until known.
     */
    Router.Known known;
    /** The key columns {@code ps} was prepared to return, when Tandem prepared it so for mirroring; else null. */
    String[] preparedWithKeys;
    /** What the application asked of generated keys when it prepared the statement. */
    Mirror.KeysRequest keys = Mirror.KeysRequest.NONE;
    /** The parameters of each entry of the batch, when the statement's parameters are kept; else null. */
    private List<Binds> batch;
    /** Whether an entry of the batch is a mirrored write: then the batch runs entry by entry. */
    private boolean batchMirrored;
    /**
     * Whether the batch runs on another real statement than {@code ps}, built from the entries' parameters
     * when it runs: a write translated to the target (it runs as a batch of the translation), or the
     * statement as written when {@code ps} was prepared as another text (a mirrored write with its copy).
     */
    private boolean batchRebuilt;
    /**
     * Whether {@code ps} was prepared with a translation whose parameters are not the application's
     * (a write to the target that drops or repeats values): then the application's values are only
     * kept, and set on it, moved, at each execution.
     */
    boolean remapped;

    /** Takes the application's setXxx calls in place of a statement whose parameters are not the application's. */
    private static final PreparedStatement UNBOUND = (PreparedStatement) java.lang.reflect.Proxy.newProxyInstance(
            PreparedStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> null);

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
        this.control = connection.routed != null ? Session.control(sql) : Session.Control.NONE;
        this.mayName = mayName;
        this.plan = plan;
        this.binds = keepBinds ? new Binds() : null;
    }

    @Override
    Statement current() {
        return active;
    }

    /** The statement as the application wrote it. */
    String sql() {
        return sql;
    }

    /** Whether the text may name a table of the plan it was prepared under. */
    boolean mayName() {
        return mayName;
    }

    /** The plan in force when it was prepared, or null when not known (a callable statement). */
    RoutedDatabase.Plan plan() {
        return plan;
    }

    /** The real statement the application's parameters are set on as it sets them. */
    private PreparedStatement bound() {
        return remapped ? UNBOUND : ps;
    }

    /**
     * The route of this statement now; a shadow read due in phase verify runs first.
     *
     * @throws SQLException when the routing refuses the statement; nothing has run
     */
    private Router.Route route() throws SQLException {
        forgetOutcome();
        if (changesSchema) {
            connection.session.forgetSchema();
        }
        if (control != Session.Control.NONE) {
            connection.control(control);
        }
        Router.Route route = connection.routePrepared(this);
        if (route != null && route.shadowSql() != null && binds != null && binds.replayable()) {
            ShadowRead.run(connection, route, binds);
        }
        return route;
    }

    /** The real statement that runs {@code route}: this one as prepared, or its translation. */
    private PreparedStatement statementFor(Router.Route route) throws SQLException {
        String run = route == null ? sql : route.sql();
        int[] parameters = route == null ? null : route.parameters();
        if (run.equals(psSql)) {
            if (remapped) {
                apply(binds, parameters, ps);
            }
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
        apply(binds, parameters, other);
        return active = other;
    }

    /** Sets {@code with} on {@code statement}, moved as a translation's {@code parameters} say (null: in place). */
    private static void apply(Binds with, int[] parameters, PreparedStatement statement) throws SQLException {
        if (parameters == null) {
            with.applyTo(statement);
        } else {
            with.applyTo(statement, parameters);
        }
    }

    /**
     * A real statement of {@code text} prepared by Tandem itself (a form of this one that returns the
     * keys it changed, or a select over part of its text), kept for the next execution.
     */
    private PreparedStatement own(String key, String text, TandemConnection.Preparer preparation) throws SQLException {
        if (others == null) {
            others = new HashMap<>(4);
        }
        PreparedStatement other = others.get(key);
        if (other == null) {
            other = preparation.prepare(text);
            others.put(key, other);
            copySettings(ps, other);
        }
        return other;
    }

    private static boolean mirrors(Router.Route route) {
        return route != null && route.mirror() != null;
    }

    /** Runs a mirrored write with {@code with} as its parameters. */
    private Mirror.Outcome mirrored(Router.Route route, Binds with) throws SQLException {
        Mirror mirror = route.mirror();
        if (with == null || preparer == null) {
            throw Errors.refused(sql, "it was prepared before the routing named its tables and must be mirrored now;"
                    + " prepare it again");
        }
        if (mirror.capture() != Mirror.Capture.OWN_RETURNING && !with.replayable()) {
            throw Errors.refused(sql, "a stream parameter can be read only once, and mirroring this write sets its"
                    + " parameters on another statement");
        }
        return mirrored(mirror, runner(with), keys);
    }

    /** Runs this statement, or forms of it, with the parameters {@code with}. */
    private Mirror.Runner runner(Binds with) {
        Connection real = connection.delegate;
        return new Mirror.Runner() {
            private PreparedStatement last;

            @Override
            public String sql() {
                return sql;
            }

            @Override
            public ResultSet query(String text) throws SQLException {
                PreparedStatement statement = text.equals(psSql) ? ps : own(text, text, real::prepareStatement);
                if (statement != ps || with != binds) {
                    with.applyTo(statement);
                }
                active = statement;
                return statement.executeQuery();
            }

            @Override
            public long updateReturning(String text, String[] names) throws SQLException {
                if (text.equals(psSql) && java.util.Arrays.equals(names, preparedWithKeys)) {
                    if (with != binds) {
                        with.applyTo(ps);
                    }
                    last = ps;
                    active = ps;
                    return ps.executeUpdate();
                }
                String key = "\0keys\0" + (names == null ? "*" : String.join("\0", names)) + "\0" + text;
                last = own(key, text, t -> names == null ? real.prepareStatement(t, Statement.RETURN_GENERATED_KEYS)
                        : real.prepareStatement(t, names));
                with.applyTo(last);
                active = last;
                return last.executeUpdate();
            }

            @Override
            public ResultSet generatedKeys() throws SQLException {
                return last.getGeneratedKeys();
            }

            @Override
            public java.sql.SQLWarning warnings() throws SQLException {
                return ownWarnings != null ? ownWarnings.orElse(null) : active.getWarnings();
            }

            /** The warnings of a statement Tandem ran and closed, when the write ran on one. */
            private java.util.Optional<java.sql.SQLWarning> ownWarnings;

            @Override
            public long update() throws SQLException {
                PreparedStatement statement = psSql.equals(sql) ? ps : own(sql, sql, preparer::prepare);
                if (statement != ps || with != binds) {
                    with.applyTo(statement);
                }
                active = statement;
                return statement.executeUpdate();
            }

            @Override
            public long updateAs(String text) throws SQLException {
                PreparedStatement statement = text.equals(psSql) ? ps : own(text, text, real::prepareStatement);
                if (statement != ps || with != binds) {
                    with.applyTo(statement);
                }
                active = statement;
                return statement.executeUpdate();
            }

            @Override
            public long updateWithKeys(String text, int boundary, List<Object[]> keys) throws SQLException {
                try (PreparedStatement statement = real.prepareStatement(text)) {
                    copySettings(ps, statement);
                    int added = keys.size() * keys.get(0).length;
                    with.applyShifted(statement, boundary, added);
                    Mirror.bindKeys(statement, keys, boundary + 1);
                    long count = statement.executeUpdate();
                    ownWarnings = java.util.Optional.ofNullable(statement.getWarnings());
                    return count;
                }
            }

            @Override
            public ResultSet capture(String text, int[] parameters) throws SQLException {
                PreparedStatement statement = own("\0capture\0" + text, text, real::prepareStatement);
                with.applyTo(statement, parameters);
                return statement.executeQuery();
            }
        };
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

    /**
     * A batch runs as prepared, except that a batch holding a mirrored write runs entry by entry (each
     * write with its mirror, all as one unit); refused when the routing would run something else.
     */
    private void batchable() throws SQLException {
        if (changesSchema) {
            connection.session.forgetSchema();
        }
        Router.Route route = connection.route(sql);
        if (mirrors(route)) {
            batchMirrored = true;
        } else if ((translatedWrite(route) || route == null && !sql.equals(psSql)) && binds != null && preparer != null) {
            batchRebuilt = true;
        } else if (!(route == null ? sql : route.sql()).equals(psSql)) {
            throw Errors.refused(sql, "a batch runs the statement as prepared, and the routing serves it from the"
                    + " other table");
        }
        if (binds != null) {
            if (batch == null) {
                batch = new ArrayList<>();
            }
            batch.add(binds.snapshot());
        }
    }

    @Override
    public void clearBatch() throws SQLException {
        batch = null;
        batchMirrored = false;
        batchRebuilt = false;
        ps.clearBatch();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        if (batchRebuilt) {
            return rebuiltBatch().executeBatch();
        }
        if (!batchMirrored) {
            batch = null;
            return ps.executeBatch();
        }
        long[] counts = mirroredBatch();
        int[] ints = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            ints[i] = (int) counts[i];
        }
        return ints;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        if (batchRebuilt) {
            return rebuiltBatch().executeLargeBatch();
        }
        if (!batchMirrored) {
            batch = null;
            return ps.executeLargeBatch();
        }
        return mirroredBatch();
    }

    /** A write translated to the target (phase target-only): a route to another text, not mirrored. */
    private static boolean translatedWrite(Router.Route route) {
        return route != null && route.mirror() == null && route.shadowSql() == null;
    }

    /**
     * The batch built on the real statement that runs the route now (a write translated to the target, or
     * the statement as written) from the parameters of each entry, ready to run as one batch.
     */
    private PreparedStatement rebuiltBatch() throws SQLException {
        List<Binds> entries = batch;
        batch = null;
        batchRebuilt = false;
        Router.Route route = route();
        if (mirrors(route)) {
            throw Errors.refused(sql, "the routing changed while its batch was built; build the batch again");
        }
        PreparedStatement statement = statementFor(route);
        statement.clearBatch();
        for (Binds entry : entries) {
            apply(entry, route == null ? null : route.parameters(), statement);
            statement.addBatch();
        }
        return statement;
    }

    private long[] mirroredBatch() throws SQLException {
        List<Binds> entries = batch;
        batch = null;
        batchMirrored = false;
        ps.clearBatch();
        List<Mirror.Outcome> parts = new ArrayList<>();
        try {
            Router.Route route = route();
            if (mirrors(route)) {
                route.mirror().checkKeys(connection.delegate, sql, keys);
            }
            long[] counts = Mirror.atomically(connection, real -> {
                long[] done = new long[entries.size()];
                for (int i = 0; i < done.length; i++) {
                    Binds entry = entries.get(i);
                    if (mirrors(route)) {
                        Mirror.Outcome part = route.mirror().runInside(connection, runner(entry), keys);
                        parts.add(part);
                        done[i] = part.count();
                    } else {
                        PreparedStatement statement = statementFor(route);
                        entry.applyTo(statement);
                        done[i] = statement.executeLargeUpdate();
                        parts.add(Mirror.Outcome.of(done[i], null, keys.wanted()
                                ? Mirror.Keys.kept(KeptRows.keep(statement.getGeneratedKeys())) : Mirror.Keys.BLANK,
                                statement.getWarnings()));
                    }
                }
                return done;
            });
            return answeredBatch(counts, true, parts, plan == null ? connection.plan().dialect() : plan.dialect());
        } catch (SQLException e) {
            throw new BatchUpdateException("tandem: the batch was undone: " + e.getMessage(), e.getSQLState(),
                    e.getErrorCode(), new long[0], e);
        } finally {
            if (binds != null && !entries.isEmpty()) {
                entries.get(entries.size() - 1).applyTo(ps); // the parameters stay as the application last set them
            }
        }
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        Router.Route route = route();
        if (mirrors(route)) {
            if (route.mirror().shape().returning() == null) {
                throw noRows(sql);
            }
            return resultSet(mirrored(route, binds).rows());
        }
        return resultSet(statementFor(route).executeQuery());
    }

    @Override
    public int executeUpdate() throws SQLException {
        Router.Route route = route();
        return mirrors(route) ? (int) mirrored(route, binds).count() : statementFor(route).executeUpdate();
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setNull(i, sqlType));
        }
        bound().setNull(parameterIndex, sqlType);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setBoolean(i, x));
        }
        bound().setBoolean(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setByte(i, x));
        }
        bound().setByte(parameterIndex, x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setShort(i, x));
        }
        bound().setShort(parameterIndex, x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setInt(i, x));
        }
        bound().setInt(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setLong(i, x));
        }
        bound().setLong(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setFloat(i, x));
        }
        bound().setFloat(parameterIndex, x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setDouble(i, x));
        }
        bound().setDouble(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setBigDecimal(i, x));
        }
        bound().setBigDecimal(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setString(i, x));
        }
        bound().setString(parameterIndex, x);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setBytes(i, x));
        }
        bound().setBytes(parameterIndex, x);
    }

    @Override
    public void setDate(int parameterIndex, java.sql.Date x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setDate(i, x));
        }
        bound().setDate(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, java.sql.Time x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setTime(i, x));
        }
        bound().setTime(parameterIndex, x);
    }

    @Override
    public void setTimestamp(int parameterIndex, java.sql.Timestamp x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setTimestamp(i, x));
        }
        bound().setTimestamp(parameterIndex, x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setAsciiStream(i, x, length));
        }
        bound().setAsciiStream(parameterIndex, x, length);
    }

    @Deprecated
    @Override
    public void setUnicodeStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setUnicodeStream(i, x, length));
        }
        bound().setUnicodeStream(parameterIndex, x, length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setBinaryStream(i, x, length));
        }
        bound().setBinaryStream(parameterIndex, x, length);
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
            binds.set(parameterIndex, (p, i) -> p.setObject(i, TandemArray.real(x), targetSqlType));
        }
        bound().setObject(parameterIndex, TandemArray.real(x), targetSqlType);
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setObject(i, TandemArray.real(x)));
        }
        bound().setObject(parameterIndex, TandemArray.real(x));
    }

    @Override
    public boolean execute() throws SQLException {
        Router.Route route = route();
        return mirrors(route) ? mirrored(route, binds).rows() != null : statementFor(route).execute();
    }

    @Override
    public void addBatch() throws SQLException {
        batchable();
        if (!batchRebuilt) {
            ps.addBatch();
        }
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader, int length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setCharacterStream(i, reader, length));
        }
        bound().setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setRef(i, x));
        }
        bound().setRef(parameterIndex, x);
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setBlob(i, x));
        }
        bound().setBlob(parameterIndex, x);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setClob(i, x));
        }
        bound().setClob(parameterIndex, x);
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setArray(i, TandemArray.real(x)));
        }
        bound().setArray(parameterIndex, TandemArray.real(x));
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return ps.getMetaData();
    }

    @Override
    public void setDate(int parameterIndex, java.sql.Date x, Calendar cal) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setDate(i, x, cal));
        }
        bound().setDate(parameterIndex, x, cal);
    }

    @Override
    public void setTime(int parameterIndex, java.sql.Time x, Calendar cal) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setTime(i, x, cal));
        }
        bound().setTime(parameterIndex, x, cal);
    }

    @Override
    public void setTimestamp(int parameterIndex, java.sql.Timestamp x, Calendar cal) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setTimestamp(i, x, cal));
        }
        bound().setTimestamp(parameterIndex, x, cal);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setNull(i, sqlType, typeName));
        }
        bound().setNull(parameterIndex, sqlType, typeName);
    }

    @Override
    public void setURL(int parameterIndex, java.net.URL x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setURL(i, x));
        }
        bound().setURL(parameterIndex, x);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return ps.getParameterMetaData();
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setRowId(i, x));
        }
        bound().setRowId(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setNString(i, value));
        }
        bound().setNString(parameterIndex, value);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setNCharacterStream(i, value, length));
        }
        bound().setNCharacterStream(parameterIndex, value, length);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setNClob(i, value));
        }
        bound().setNClob(parameterIndex, value);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setClob(i, reader, length));
        }
        bound().setClob(parameterIndex, reader, length);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setBlob(i, inputStream, length));
        }
        bound().setBlob(parameterIndex, inputStream, length);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setNClob(i, reader, length));
        }
        bound().setNClob(parameterIndex, reader, length);
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setSQLXML(i, xmlObject));
        }
        bound().setSQLXML(parameterIndex, xmlObject);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setObject(i, TandemArray.real(x), targetSqlType, scaleOrLength));
        }
        bound().setObject(parameterIndex, TandemArray.real(x), targetSqlType, scaleOrLength);
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setAsciiStream(i, x, length));
        }
        bound().setAsciiStream(parameterIndex, x, length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setBinaryStream(i, x, length));
        }
        bound().setBinaryStream(parameterIndex, x, length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader, long length) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setCharacterStream(i, reader, length));
        }
        bound().setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setAsciiStream(i, x));
        }
        bound().setAsciiStream(parameterIndex, x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setBinaryStream(i, x));
        }
        bound().setBinaryStream(parameterIndex, x);
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setCharacterStream(i, reader));
        }
        bound().setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setNCharacterStream(i, value));
        }
        bound().setNCharacterStream(parameterIndex, value);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setClob(i, reader));
        }
        bound().setClob(parameterIndex, reader);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setBlob(i, inputStream));
        }
        bound().setBlob(parameterIndex, inputStream);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        if (binds != null) {
            binds.setStream(parameterIndex, (p, i) -> p.setNClob(i, reader));
        }
        bound().setNClob(parameterIndex, reader);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setObject(i, TandemArray.real(x), targetSqlType, scaleOrLength));
        }
        bound().setObject(parameterIndex, TandemArray.real(x), targetSqlType, scaleOrLength);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        if (binds != null) {
            binds.set(parameterIndex, (p, i) -> p.setObject(i, TandemArray.real(x), targetSqlType));
        }
        bound().setObject(parameterIndex, TandemArray.real(x), targetSqlType);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        Router.Route route = route();
        return mirrors(route) ? mirrored(route, binds).count() : statementFor(route).executeLargeUpdate();
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
