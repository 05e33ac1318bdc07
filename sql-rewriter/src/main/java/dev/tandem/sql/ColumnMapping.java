package dev.tandem.sql;

/** How one source column appears in the target: renamed, left out, or computed both ways. */
public sealed interface ColumnMapping {

    /** The source column this mapping is about. */
    String source();

    /** The target column, or null when the column is never written to the target. */
    String target();

    /** The source column {@code source} is called {@code target} in the target. */
    record Rename(String source, String target) implements ColumnMapping {
    }

    /** The source column exists only in the source; the target never receives it. */
    record SourceOnly(String source) implements ColumnMapping {
        @Override
        public String target() {
            return null;
        }
    }

    /**
     * The source column becomes {@code target} through SQL expressions: {@code toTarget} over source
     * columns gives the target value, {@code toSource} over target columns gives the source value.
     */
    record Computed(String source, String target, String toTarget, String toSource) implements ColumnMapping {
    }
}
