package dev.tandem.jdbc;

import java.sql.ClientInfoStatus;
import java.sql.SQLClientInfoException;
import java.util.Map;
import java.util.Properties;

/**
 * Tandem's own client-info properties ({@code tandem.*}) of one connection: kept here and never sent
 * to the real driver, which would reject or ignore them.
 */
final class ClientInfo {

    static final String PREFIX = "tandem.";
    static final String COHORT = "tandem.cohort";

    private String cohort;

    static boolean owns(String name) {
        return name != null && name.startsWith(PREFIX);
    }

    String cohort() {
        return cohort;
    }

    String get(String name) {
        return COHORT.equals(name) ? cohort : null;
    }

    void set(String name, String value) throws SQLClientInfoException {
        check(name);
        cohort = value;
    }

    /**
     * Replaces Tandem's properties with those in {@code properties} (JDBC: a property not listed is
     * cleared) and returns the rest for the real driver. Checks every name before changing anything.
     */
    Properties replace(Properties properties) throws SQLClientInfoException {
        Properties rest = null;
        String newCohort = null;
        for (String name : properties.stringPropertyNames()) {
            if (owns(name)) {
                check(name);
                newCohort = properties.getProperty(name);
                if (rest == null) {
                    rest = copyWithout(properties);
                }
            }
        }
        cohort = newCohort;
        return rest == null ? properties : rest;
    }

    void addTo(Properties properties) {
        if (cohort != null) {
            properties.setProperty(COHORT, cohort);
        }
    }

    private static Properties copyWithout(Properties properties) {
        Properties rest = new Properties();
        for (String name : properties.stringPropertyNames()) {
            if (!owns(name)) {
                rest.setProperty(name, properties.getProperty(name));
            }
        }
        return rest;
    }

    private static void check(String name) throws SQLClientInfoException {
        if (!COHORT.equals(name)) {
            throw new SQLClientInfoException(
                    "tandem: unknown client info property " + name + "; expected " + COHORT,
                    "HY024",
                    Map.of(name, ClientInfoStatus.REASON_UNKNOWN_PROPERTY));
        }
    }
}
