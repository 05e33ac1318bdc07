package dev.tandem.jdbc;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientException;
import java.sql.SQLNonTransientConnectionException;

/**
 * Where Tandem's own {@link SQLException}s are made. Exceptions from the real driver are never
 * wrapped or re-made: they reach the application as the driver threw them, vendor class, SQLState
 * and cause intact.
 */
final class Errors {

    private Errors() {
    }

    /** A connection that cannot be made as asked: SQLState 08001. */
    static SQLException connection(String message) {
        return new SQLNonTransientConnectionException(message, "08001");
    }

    /** A connection that cannot be made as asked, because of {@code cause}. */
    static SQLException connection(String message, Throwable cause) {
        return new SQLNonTransientConnectionException(message, "08001", cause);
    }

    /** Something this build of Tandem does not do: SQLState 0A000. */
    static SQLException notSupported(String message) {
        return new SQLFeatureNotSupportedException(message, "0A000");
    }

    /**
     * A statement Tandem will not run, because it cannot route or mirror it exactly: SQLState 0A000.
     * Made before anything is sent to the database, so nothing was written.
     */
    static SQLException refused(String sql, String why) {
        return new SQLNonTransientException("tandem: refused, nothing was run: " + why + "; statement: " + excerpt(sql),
                "0A000");
    }

    /** The statement as the message quotes it: whitespace runs made one space, at most 300 characters. */
    static String excerpt(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
