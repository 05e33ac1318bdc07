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
     * What the real driver gets of {@code properties}: all but Tandem's keys (the same object when
     * there are none). Checks every Tandem name first, so a bad one changes nothing anywhere.
     */
    Properties forDriver(Properties properties) throws SQLClientInfoException {
        boolean any = false;
        for (String name : properties.stringPropertyNames()) {
            if (owns(name)) {
                check(name);
                any = true;
            }
        }
        return any ? copyWithout(properties) : properties;
    }

    /**
     * Replaces Tandem's properties with those in {@code properties}; as JDBC says of
     * {@code setClientInfo(Properties)}, a property not listed is cleared. Called once the real driver
     * has accepted its part, so that a refusal there leaves the cohort as it was.
     */
    void replace(Properties properties) {
        cohort = properties.getProperty(COHORT);
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
