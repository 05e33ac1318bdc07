package dev.tandem.cli;

import java.nio.file.Path;

import dev.tandem.jdbc.TandemProperty;

/**
 * The routing file or directory a command reads: {@code --config}, else the {@code tandem.config} system
 * property, else {@code TANDEM_CONFIG}, the order the driver takes them in (an application's own
 * {@code Properties} and URL are not the command's to see).
 */
final class RoutingPath {

    private RoutingPath() {
    }

    /** The path to read, or null when none is given anywhere. */
    static Path of(Path option) {
        if (option != null) {
            return option;
        }
        String property = System.getProperty(TandemProperty.CONFIG.key());
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String environment = System.getenv(TandemProperty.CONFIG.environmentVariable());
        return environment == null || environment.isBlank() ? null : Path.of(environment);
    }

    /** Why {@code path}, from {@link #of}, cannot be read: none given, or no such file; null when it can. */
    static String problem(Path path) {
        if (path == null) {
            return missing();
        }
        return java.nio.file.Files.exists(path) ? null : path + ": no such file or directory";
    }

    /** What to say when {@link #of} found none. */
    static String missing() {
        return "no routing file: give --config FILE, or set the " + TandemProperty.CONFIG.key()
                + " system property or " + TandemProperty.CONFIG.environmentVariable();
    }
}
