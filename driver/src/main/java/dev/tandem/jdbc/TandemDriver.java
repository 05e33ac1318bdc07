package dev.tandem.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

import org.slf4j.LoggerFactory;

import dev.tandem.routing.RoutingFile;
import dev.tandem.sql.SqlRewriter;

/**
 * The {@code jdbc:tandem:} driver: wraps the real driver named by the rest of the URL. Registered with
 * {@link DriverManager} when loaded, through {@code META-INF/services/java.sql.Driver}.
 */
public final class TandemDriver implements Driver {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(TandemDriver.class);

    static {
        try {
            DriverManager.registerDriver(new TandemDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
        LOG.info("tandem: driver {} registered", Version.VERSION);
    }

    /**
     * The SQL parser, loaded and run once on a daemon thread as soon as the driver is: its first
     * parse costs hundreds of milliseconds of class loading, which no application statement should
     * wait for. Done (or failed, which only means the first routed statement pays instead) when the
     * future completes.
     */
    static final CompletableFuture<Void> PARSER_WARM = CompletableFuture.runAsync(SqlRewriter::warm, task -> {
        Thread thread = new Thread(task, "tandem-parser-warm-up");
        thread.setDaemon(true);
        thread.start();
    }).whenComplete((ignored, failure) -> {
        if (failure != null) {
            LOG.debug("tandem: warming the SQL parser failed: {}", failure.toString());
        }
    });

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // JDBC: another driver's URL is not an error, DriverManager asks the next driver
        }
        Properties given = info != null ? info : new Properties();
        TandemUrl parsed = TandemUrl.parse(url);
        TandemProperties properties = TandemProperties.resolve(given, parsed.parameters(), System.getProperties(),
                System.getenv());
        Driver real = realDriver(parsed.realUrl());
        if (real == null) {
            throw noDriver(parsed.realUrl());
        }
        RoutingFile routing = properties.routingFile();
        Properties realProperties = TandemProperties.withoutTandemKeys(given);
        Connection connection = real.connect(parsed.realUrl(), realProperties);
        if (connection == null) {
            throw noDriver(parsed.realUrl());
        }
        RoutedDatabase routed = null;
        if (routing != null) {
            String user = realProperties.getProperty("user");
            String name = TandemUrl.mask(parsed.realUrl()) + (user == null ? "" : " as " + user);
            routed = RoutedDatabase.of(routing, name, () -> real.connect(parsed.realUrl(), realProperties));
        }
        return new TandemConnection(connection, url, properties, routed);
    }

    @Override
    public boolean acceptsURL(String url) {
        return TandemUrl.accepts(url);
    }

    /** Tandem's own properties, then the real driver's for the same URL. */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return new DriverPropertyInfo[0];
        }
        Properties given = info != null ? info : new Properties();
        TandemUrl parsed = TandemUrl.parse(url);
        List<DriverPropertyInfo> all = new ArrayList<>();
        for (TandemProperty property : TandemProperty.values()) {
            all.add(property.info(TandemProperties.value(property, given, parsed.parameters(), System.getProperties(),
                    System.getenv())));
        }
        Driver real = realDriver(parsed.realUrl());
        if (real != null) {
            Collections.addAll(all,
                    real.getPropertyInfo(parsed.realUrl(), TandemProperties.withoutTandemKeys(given)));
        }
        return all.toArray(new DriverPropertyInfo[0]);
    }

    @Override
    public int getMajorVersion() {
        return Version.major();
    }

    @Override
    public int getMinorVersion() {
        return Version.minor();
    }

    /** Compliance is the real driver's to claim, and which one is behind a URL is not known here. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    /** Tandem logs through SLF4J, not {@code java.util.logging}. */
    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("tandem: logs through SLF4J, not java.util.logging", "0A000");
    }

    /**
     * The registered driver that accepts {@code realUrl}, never Tandem itself (by class name, so that a
     * second copy of Tandem in another class loader is skipped too). {@link DriverManager} only shows
     * drivers visible from Tandem's class loader; a driver that only the application's context class
     * loader sees (Tandem in a server's lib, the driver in the web application) is found through it.
     */
    static Driver realDriver(String realUrl) throws SQLException {
        for (Enumeration<Driver> drivers = DriverManager.getDrivers(); drivers.hasMoreElements(); ) {
            Driver driver = drivers.nextElement();
            if (!isTandem(driver) && driver.acceptsURL(realUrl)) {
                return driver;
            }
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            for (Driver driver : ServiceLoader.load(Driver.class, context)) {
                if (!isTandem(driver) && driver.acceptsURL(realUrl)) {
                    return driver;
                }
            }
        }
        return null;
    }

    private static boolean isTandem(Driver driver) {
        return driver.getClass().getName().equals(TandemDriver.class.getName());
    }

    private static SQLException noDriver(String realUrl) {
        return Errors.connection("tandem: no JDBC driver accepts " + TandemUrl.mask(realUrl)
                + "; expected the real driver (PostgreSQL, MariaDB, H2, …) on the application's classpath");
    }
}
