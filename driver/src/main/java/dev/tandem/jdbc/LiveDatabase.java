package dev.tandem.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import dev.tandem.sql.Catalog;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;

/**
 * A database as the {@code tandem} commands reach it: a connection of their own through the real driver,
 * the dialect Tandem reads it in, its current schema, and the live-schema check the driver runs before it
 * applies a migration. The commands' only door into what the driver knows about a database.
 */
public final class LiveDatabase implements AutoCloseable {

    private final String realUrl;
    private final Connection connection;
    private final Dialect dialect;
    private final String currentSchema;
    private MetaDataCatalog catalog;

    private LiveDatabase(String realUrl, Connection connection, Dialect dialect, String currentSchema) {
        this.realUrl = realUrl;
        this.connection = connection;
        this.dialect = dialect;
        this.currentSchema = currentSchema;
    }

    /**
     * Connects to {@code url}: a real driver's URL, or a {@code jdbc:tandem:} one, whose {@code tandem:} and
     * {@code tandem.*} parameters are dropped (the commands never route their own statements).
     *
     * @throws SQLException when the URL reaches no database, or one whose SQL Tandem does not read; the
     *                      message masks the URL's secrets
     */
    public static LiveDatabase connect(String url) throws SQLException {
        String real = TandemUrl.accepts(url) ? TandemUrl.parse(url).realUrl() : url;
        Connection connection;
        try {
            connection = DriverManager.getConnection(real);
        } catch (SQLException e) {
            throw new SQLException("cannot connect to " + TandemUrl.mask(real) + ": "
                    + String.valueOf(e.getMessage()).replace(real, TandemUrl.mask(real)), e.getSQLState(), e);
        }
        try {
            Session session = new Session(connection);
            Dialect dialect = session.dialect();
            if (dialect == null) {
                throw new SQLException(TandemUrl.mask(real) + " is " + connection.getMetaData().getDatabaseProductName()
                        + ", not a database whose SQL Tandem reads (PostgreSQL, MariaDB, MySQL, H2)");
            }
            return new LiveDatabase(real, connection, dialect, session.currentSchema());
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The URL, secrets masked, for messages. */
    public String url() {
        return TandemUrl.mask(realUrl);
    }

    /** The connection, the commands' own: never an application's. */
    public Connection connection() {
        return connection;
    }

    /** The dialect Tandem reads this database's SQL in. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The schema an unqualified table name resolves in, as stored ({@code getSchema()}, or {@code getCatalog()}
     * on MariaDB and MySQL); may be null.
     */
    public String currentSchema() {
        return currentSchema;
    }

    /**
     * Every reason this database does not fit {@code migration}, empty when it does: the check the driver runs
     * before it applies a migration to a database (tables, key, mapped and unlisted columns, target columns
     * nothing writes, compatible types). Each reason starts {@code migration <id>: }.
     */
    public List<String> schemaProblems(Migration migration) throws SQLException {
        return SchemaCheck.problems(connection, dialect, migration, currentSchema);
    }

    /** The columns of this database's tables, as the driver reads them, through a connection of the catalog's own. */
    Catalog catalog() {
        if (catalog == null) {
            catalog = new MetaDataCatalog(() -> DriverManager.getConnection(realUrl), dialect.mariadb());
        }
        return catalog;
    }

    @Override
    public void close() throws SQLException {
        if (catalog != null) {
            catalog.close();
        }
        connection.close();
    }
}
