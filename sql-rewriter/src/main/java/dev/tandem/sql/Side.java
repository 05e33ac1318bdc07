package dev.tandem.sql;

/** Which table of a migration a statement names, or a read is served from. */
public enum Side {
    SOURCE, TARGET;

    /** The other table. */
    public Side other() {
        return this == SOURCE ? TARGET : SOURCE;
    }
}
