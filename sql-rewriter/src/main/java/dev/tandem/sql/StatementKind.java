package dev.tandem.sql;

/** What a statement does, as far as routing cares. */
public enum StatementKind {
    /** SELECT, WITH … SELECT, VALUES, TABLE. */
    READ,
    /** INSERT, UPDATE, DELETE, MERGE, REPLACE, upserts. */
    WRITE,
    /** CREATE, ALTER, DROP, TRUNCATE, RENAME, COMMENT, GRANT, REVOKE. */
    DDL,
    /** SET, USE, transaction control, SHOW. */
    SESSION,
    /** Anything else (CALL, EXPLAIN, DO, …). */
    OTHER
}
