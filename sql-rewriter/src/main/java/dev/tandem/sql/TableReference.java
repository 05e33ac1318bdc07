package dev.tandem.sql;

/**
 * One place where a statement names a migrated table.
 *
 * @param migration the migration whose table it is
 * @param side      whether the statement names the source or the target
 * @param start     offset of the first character of the name (schema included) in the statement
 * @param end       offset just past the name
 */
public record TableReference(Migration migration, Side side, int start, int end) {
}
