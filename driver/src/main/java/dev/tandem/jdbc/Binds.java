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

    /** One {@code setXxx} call, to be made again on another statement, for the parameter at {@code index}. */
    @FunctionalInterface
    interface Bind {
        void apply(PreparedStatement statement, int index) throws SQLException;
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
        for (int i = 1; i < binds.length; i++) {
            if (binds[i] != null) {
                binds[i].apply(statement, i);
            }
        }
    }

    /**
     * Sets some of the kept parameters on {@code statement}, whose parameter {@code j + 1} is this
     * statement's parameter {@code indices[j]}: a statement built from part of this one's text.
     */
    void applyTo(PreparedStatement statement, int[] indices) throws SQLException {
        statement.clearParameters();
        for (int j = 0; j < indices.length; j++) {
            int from = indices[j];
            if (from < binds.length && binds[from] != null) {
                binds[from].apply(statement, j + 1);
            }
        }
    }

    /**
     * Sets every kept parameter on {@code statement}, those after the first {@code boundary} moved
     * {@code shift} places on: the statement is this one's text with {@code shift} parameters spliced in.
     */
    void applyShifted(PreparedStatement statement, int boundary, int shift) throws SQLException {
        statement.clearParameters();
        for (int i = 1; i < binds.length; i++) {
            if (binds[i] != null) {
                binds[i].apply(statement, i <= boundary ? i : i + shift);
            }
        }
    }

    /** A copy of the parameters as they are now: one entry of a batch. */
    Binds snapshot() {
        Binds copy = new Binds();
        copy.binds = binds.clone();
        copy.stream = stream.clone();
        copy.streams = streams;
        return copy;
    }
}
