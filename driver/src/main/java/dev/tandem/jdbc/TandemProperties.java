package dev.tandem.jdbc;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import dev.tandem.routing.RoutingException;
import dev.tandem.routing.RoutingFile;

/**
 * Tandem's settings for one connection, resolved from (highest first) the {@code Properties} given to
 * {@code connect}, the URL's {@code tandem.*} parameters, JVM system properties, then environment.
 *
 * @param config        routing file or directory, or null for pure pass-through
 * @param client        consumer name, or null (then JDBC client info {@code ApplicationName} is used)
 * @param schemaVersion the consumer's declared schema version, or null
 * @param reloadSeconds seconds between checks of the routing file; 0 = never
 */
public record TandemProperties(String config, String client, Integer schemaVersion, int reloadSeconds) {

    /** No routing file, no consumer, no version. */
    public static final TandemProperties NONE = new TandemProperties(null, null, null, 5);

    /**
     * Resolves every property; unknown {@code tandem.*} keys in {@code given} or the URL, and values
     * that are not what the property takes, are refused with the key, the value and what was expected.
     */
    public static TandemProperties resolve(Properties given, Map<String, String> url, Properties system,
            Map<String, String> environment) throws SQLException {
        checkKnown(given.stringPropertyNames(), "connection property");
        checkKnown(url.keySet(), "URL parameter");
        String config = value(TandemProperty.CONFIG, given, url, system, environment);
        String client = value(TandemProperty.CLIENT, given, url, system, environment);
        Integer schemaVersion = integer(TandemProperty.SCHEMA_VERSION,
                value(TandemProperty.SCHEMA_VERSION, given, url, system, environment), Integer.MIN_VALUE);
        Integer reload = integer(TandemProperty.RELOAD,
                value(TandemProperty.RELOAD, given, url, system, environment), 0);
        return new TandemProperties(config, client, schemaVersion, reload);
    }

    /**
     * The routing file {@code tandem.config} names, read on first use and shared by every connection
     * that names it; null without one.
     *
     * @throws SQLException when the file is read for the first time and fails its checks, with every
     *                      problem and its file and line
     */
    RoutingFile routingFile() throws SQLException {
        if (config == null) {
            return null;
        }
        try {
            return RoutingFile.open(Path.of(config), reloadSeconds);
        } catch (RoutingException e) {
            throw Errors.connection("tandem: " + TandemProperty.CONFIG.key() + " " + config
                    + " cannot be used; fix the file and connect again. " + e.getMessage(), e);
        } catch (InvalidPathException e) {
            throw Errors.connection("tandem: " + TandemProperty.CONFIG.key() + " \"" + config
                    + "\" is not a file path: " + e.getMessage(), e);
        }
    }

    /** A copy of {@code given} without Tandem's keys: what the real driver receives. */
    static Properties withoutTandemKeys(Properties given) {
        Properties real = new Properties();
        for (String key : given.stringPropertyNames()) {
            if (!key.startsWith(TandemProperty.PREFIX)) {
                real.setProperty(key, given.getProperty(key));
            }
        }
        return real;
    }

    static String value(TandemProperty property, Properties given, Map<String, String> url, Properties system,
            Map<String, String> environment) {
        String value = given.getProperty(property.key());
        if (value == null) {
            value = url.get(property.key());
        }
        if (value == null) {
            value = system.getProperty(property.key());
        }
        if (value == null) {
            value = environment.get(property.environmentVariable());
        }
        if (value == null) {
            value = property.defaultValue();
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void checkKnown(Iterable<String> keys, String where) throws SQLException {
        for (String key : keys) {
            if (key.startsWith(TandemProperty.PREFIX) && TandemProperty.byKey(key) == null) {
                throw Errors.connection("tandem: unknown " + where + " " + key + "; expected one of "
                        + TandemProperty.knownKeys());
            }
        }
    }

    private static Integer integer(TandemProperty property, String value, int min) throws SQLException {
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with what was expected
        }
        throw Errors.connection("tandem: " + property.key() + " is \"" + value + "\"; expected "
                + (min == 0 ? "a whole number of seconds, 0 or more" : "an integer"));
    }
}
