package dev.tandem.jdbc;

import java.sql.DriverPropertyInfo;
import java.util.Locale;

/** Tandem's own connection properties, named {@code tandem.*} and never passed to the real driver. */
public enum TandemProperty {

    CONFIG("tandem.config", "routing file, or a directory of *.yaml merged (one file per team)", null),
    CLIENT("tandem.client", "consumer name; defaults to the JDBC client info ApplicationName", null),
    SCHEMA_VERSION("tandem.schemaVersion", "the schema version (an integer) this consumer was built for", null),
    RELOAD("tandem.reload", "seconds between checks of the routing file for changes; 0 = never", "5");

    static final String PREFIX = "tandem.";

    private final String key;
    private final String description;
    private final String defaultValue;

    TandemProperty(String key, String description, String defaultValue) {
        this.key = key;
        this.description = description;
        this.defaultValue = defaultValue;
    }

    /** The property name, as in a URL parameter, {@code Properties} key or JVM system property. */
    public String key() {
        return key;
    }

    /** The environment variable: {@code tandem.schemaVersion} becomes {@code TANDEM_SCHEMA_VERSION}. */
    public String environmentVariable() {
        return key.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    String defaultValue() {
        return defaultValue;
    }

    static TandemProperty byKey(String key) {
        for (TandemProperty property : values()) {
            if (property.key.equals(key)) {
                return property;
            }
        }
        return null;
    }

    static String knownKeys() {
        StringBuilder keys = new StringBuilder();
        for (TandemProperty property : values()) {
            keys.append(keys.length() == 0 ? "" : ", ").append(property.key);
        }
        return keys.toString();
    }

    DriverPropertyInfo info(String value) {
        DriverPropertyInfo info = new DriverPropertyInfo(key, value != null ? value : defaultValue);
        info.description = description;
        info.required = false;
        return info;
    }
}
