package dev.tandem.sql;

/**
 * What a write does to a migrated table, as far as mirroring it needs to know: which table it
 * changes, how, and the parts of its text a copy by key is built from. The driver chooses from this
 * how to find the keys of the rows the write changed (DESIGN §5).
 *
 * @param migration         the migration whose table the statement changes; null when it changes no
 *                          migrated table (it may still read one) or when it is refused
 * @param side              which of the migration's tables it changes
 * @param verb              INSERT (REPLACE and H2's MERGE … KEY included), UPDATE or DELETE
 * @param upsert            the rule for a row that is already there
 * @param returning         the statement's own {@code RETURNING} clause, as written, or null
 * @param returningGivesKey whether that clause returns every key column ({@code *} or by name)
 * @param end               where the statement's text ends, before any trailing semicolon, space or comment:
 *                          where a clause can be appended
 * @param captureFrom       for UPDATE and DELETE: {@code FROM <its table as written> [WHERE <its condition>]},
 *                          which selects the rows it will change (without its ORDER BY and LIMIT, so a
 *                          superset of them); for MariaDB's multi-table forms {@code FROM <its table references>
 *                          [WHERE <its condition>]}, whose rows name a changed row once or more; null for INSERT
 *                          and for PostgreSQL's {@code fromList}
 * @param captureQualifier  how the statement names its table (its alias, or the table as written), to
 *                          qualify key columns selected with {@code captureFrom}
 * @param captureParameters the statement's JDBC parameters (from 1) that {@code captureFrom} holds, in order
 * @param reason            why the write cannot be mirrored exactly, or null when it can
 * @param conditionStart    for UPDATE and DELETE: just after its {@code WHERE}, or -1 when it has none
 * @param conditionEnd      for UPDATE and DELETE: where its condition ends (or, without one, where a
 *                          {@code WHERE} would go): where a restriction to some keys can be spliced in
 * @param parametersBefore  how many of its JDBC parameters come before {@code conditionEnd}
 * @param fromList          PostgreSQL's {@code FROM <list>} of an UPDATE or {@code USING <list>} of a DELETE, as
 *                          written, or MariaDB's table references of a multi-table UPDATE or DELETE
 *                          ({@code users u JOIN orders o ON …}), or null; with one, a key column must be
 *                          qualified with {@code captureQualifier} (the condition may name the other tables), and
 *                          with PostgreSQL's {@code captureFrom} is null
 * @param givenKeys         for an INSERT whose VALUES give every key column as a number or a JDBC parameter:
 *                          {@code SELECT <key values of row 1> UNION ALL SELECT …}, its parameters in
 *                          {@code captureParameters}; null otherwise
 */
public record WriteShape(Migration migration, Side side, Verb verb, Upsert upsert, String returning,
        boolean returningGivesKey, int end, String captureFrom, String captureQualifier, int[] captureParameters,
        String reason, int conditionStart, int conditionEnd, int parametersBefore, String fromList, String givenKeys) {

    /** How the statement changes rows. */
    public enum Verb {
        INSERT, UPDATE, DELETE
    }

    /** What an insert does with a row whose key (or another unique key) is already there. */
    public enum Upsert {
        /** Nothing: the insert fails. */
        NONE,
        /** PostgreSQL's {@code ON CONFLICT … DO …}. */
        ON_CONFLICT,
        /** MariaDB's {@code ON DUPLICATE KEY UPDATE}. */
        ON_DUPLICATE_KEY,
        /** MariaDB's {@code INSERT IGNORE}. */
        IGNORE,
        /** MariaDB's {@code REPLACE}: the old row is deleted, the new one inserted. */
        REPLACE,
        /** H2's {@code MERGE INTO … KEY (…)}. */
        MERGE_KEY
    }

    /** A write that changes no migrated table: it runs as written. */
    public static WriteShape unmigrated(int end) {
        return new WriteShape(null, null, null, Upsert.NONE, null, false, end, null, null, new int[0], null, -1, -1, 0,
                null, null);
    }

    /** A write that cannot be mirrored exactly, and why. */
    public static WriteShape refused(String reason) {
        return new WriteShape(null, null, null, Upsert.NONE, null, false, -1, null, null, new int[0], reason, -1, -1, 0,
                null, null);
    }

    /** Whether the write can be mirrored (or needs no mirror). */
    public boolean ok() {
        return reason == null;
    }
}
