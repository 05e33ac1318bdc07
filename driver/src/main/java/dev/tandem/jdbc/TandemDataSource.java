package dev.tandem.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKey;
import java.sql.ShardingKeyBuilder;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.tandem.routing.RoutingFile;

/**
 * Tandem in front of any {@link DataSource}, for applications that are configured with a data source
 * rather than a URL: {@code new TandemDataSource(pgDataSource)}, or handed to a pool with
 * {@code hikariConfig.setDataSource(…)}.
 */
public class TandemDataSource implements DataSource {

    private final DataSource delegate;
    private final TandemProperties properties;
    /** This data source's database under the routing file, or null without one. */
    private final RoutedDatabase routed;

    /** Tandem's settings from JVM system properties and environment only. */
    public TandemDataSource(DataSource delegate) throws SQLException {
        this(delegate, new Properties());
    }

    /** Tandem's settings from {@code tandemProperties} ({@code tandem.*} keys), then system and environment. */
    public TandemDataSource(DataSource delegate, Properties tandemProperties) throws SQLException {
        this.delegate = delegate;
        this.properties = TandemProperties.resolve(tandemProperties, Map.of(), System.getProperties(), System.getenv());
        RoutingFile routing = properties.routingFile();
        this.routed = routing == null ? null : RoutedDatabase.of(routing,
                "data source " + delegate.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(delegate)),
                delegate::getConnection);
    }

    private Connection wrap(Connection connection) {
        return new TandemConnection(connection, null, properties, routed);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate.getConnection(username, password));
    }

    @Override
    public ConnectionBuilder createConnectionBuilder() throws SQLException {
        ConnectionBuilder builder = delegate.createConnectionBuilder();
        return new ConnectionBuilder() {
            @Override
            public ConnectionBuilder user(String username) {
                builder.user(username);
                return this;
            }

            @Override
            public ConnectionBuilder password(String password) {
                builder.password(password);
                return this;
            }

            @Override
            public ConnectionBuilder shardingKey(ShardingKey shardingKey) {
                builder.shardingKey(shardingKey);
                return this;
            }

            @Override
            public ConnectionBuilder superShardingKey(ShardingKey superShardingKey) {
                builder.superShardingKey(superShardingKey);
                return this;
            }

            @Override
            public Connection build() throws SQLException {
                return wrap(builder.build());
            }
        };
    }

    @Override
    public ShardingKeyBuilder createShardingKeyBuilder() throws SQLException {
        return delegate.createShardingKeyBuilder();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
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
