package dev.tandem.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Tandem's version, as the build wrote it into {@code version.properties}. */
public final class Version {

    /** The full version, such as {@code 0.1.0-SNAPSHOT}. */
    public static final String VERSION = read();

    private Version() {
    }

    static int major() {
        return part(0);
    }

    static int minor() {
        return part(1);
    }

    private static int part(int index) {
        String[] parts = VERSION.split("[.-]");
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "0.0.0";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "0.0.0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
