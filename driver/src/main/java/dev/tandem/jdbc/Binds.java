package dev.tandem.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The parameters set on a prepared statement that names a migrated table, kept so they can be set
 * again on the statement Tandem runs in its place (the read translated to the other table) or beside
 * it (a shadow read). Each is kept as the call that set it, never as a value Tandem looks at or logs.
 */
final class Binds {

    /** One {@code setXxx} call, to be made again on another statement. */
    @FunctionalInterface
    interface Bind {
        void apply(PreparedStatement statement) throws SQLException;
    }

    private Bind[] binds = new Bind[8];
    /** How many of the set parameters are streams or readers, which can be read only once. */
    private int streams;
    private boolean[] stream = new boolean[8];

    /** Keeps the call that set parameter {@code index} (from 1), replacing an earlier one. */
    void set(int index, Bind bind) {
        set(index, bind, false);
    }

    /** Keeps a call that set parameter {@code index} to a stream or reader. */
    void setStream(int index, Bind bind) {
        set(index, bind, true);
    }

    private void set(int index, Bind bind, boolean isStream) {
        if (index < 1) {
            return; // the real driver has refused it already
        }
        if (index >= binds.length) {
            int size = Math.max(index + 1, binds.length * 2);
            binds = Arrays.copyOf(binds, size);
            stream = Arrays.copyOf(stream, size);
        }
        if (stream[index]) {
            streams--;
        }
        binds[index] = bind;
        stream[index] = isStream;
        if (isStream) {
            streams++;
        }
    }

    void clear() {
        Arrays.fill(binds, null);
        Arrays.fill(stream, false);
        streams = 0;
    }

    /** Whether every parameter can be set more than once: no stream or reader among them. */
    boolean replayable() {
        return streams == 0;
    }

    /** Sets every kept parameter on {@code statement}, after clearing what it had. */
    void applyTo(PreparedStatement statement) throws SQLException {
        statement.clearParameters();
        for (Bind bind : binds) {
            if (bind != null) {
                bind.apply(statement);
            }
        }
    }
}
