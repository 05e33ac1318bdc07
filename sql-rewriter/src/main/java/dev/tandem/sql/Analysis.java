package dev.tandem.sql;

import java.util.List;

/**
 * What a statement is and which migrated tables it names.
 *
 * @param kind       read, write, DDL, session or other; for a string of several statements, the kind
 *                   that asks most of routing (DDL, write, session, other, read), so a string is a read
 *                   only when every statement in it is
 * @param statements how many statements the string holds (separated by semicolons)
 * @param references every place a migrated table is named, in text order; empty when none is
 * @param locking    whether a read takes row locks ({@code FOR UPDATE}, {@code FOR SHARE}, {@code LOCK IN SHARE MODE})
 * @param reason     why the statement could not be analysed, or null when it was
 */
public record Analysis(StatementKind kind, int statements, List<TableReference> references, boolean locking, String reason) {

    public Analysis {
        references = List.copyOf(references);
    }

    /** Whether the statement names no migrated table (decided by the word scan alone when it can be). */
    public boolean namesNoMigratedTable() {
        return references.isEmpty() && reason == null;
    }

    /** Whether the statement could be analysed. */
    public boolean analysed() {
        return reason == null;
    }
}
