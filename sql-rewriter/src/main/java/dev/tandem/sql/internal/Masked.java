package dev.tandem.sql.internal;

import java.util.List;

/**
 * A statement rewritten so that Calcite's Babel parser reads it, character for character the same
 * length as the original, with the clauses that had to be blanked out.
 *
 * <p>Offsets and line/column positions in {@code text} are those of the original statement. A
 * {@code ?} in {@code text} is a JDBC parameter only where the original also holds {@code ?}: a
 * session variable ({@code @x}) or a PostgreSQL positional parameter ({@code $1}) becomes a
 * {@code ?} too, so that it stays an expression without becoming a name.
 *
 * @param text the masked statement, as long as the original and with every line break in place
 * @param carved the clauses blanked out of {@code text}, in the order they occur
 */
public record Masked(String text, List<Carve> carved) {

    /** Copies the list, so that a caller cannot change a cached result. */
    public Masked {
        carved = List.copyOf(carved);
    }

    /**
     * A clause blanked out of the masked text because the parser cannot read it; it may name tables
     * and columns, which the parser therefore never reports.
     *
     * @param kind what the clause is
     * @param start the offset of its first character in the original statement
     * @param end the offset just after its last character
     * @param parameters how many JDBC {@code ?} markers it held, which the masked text no longer shows
     * @param select for a {@link Kind#FROM_LIST}: text as long as the statement that Calcite reads as
     *               {@code SELECT * FROM <the list, masked>}, every name at its offset in the statement;
     *               null for any other kind
     */
    public record Carve(Kind kind, int start, int end, int parameters, String select) {

        public Carve(Kind kind, int start, int end, int parameters) {
            this(kind, start, end, parameters, null);
        }

        /** The clause as the original statement spells it. */
        public String in(String sql) {
            return sql.substring(start, end);
        }
    }

    /** The kinds of clause a masker blanks out. */
    public enum Kind {
        /** {@code FOR UPDATE}, {@code FOR SHARE}, {@code LOCK IN SHARE MODE} and their options. */
        LOCK,
        /** PostgreSQL's and MariaDB's {@code RETURNING} list. */
        RETURNING,
        /** PostgreSQL's {@code ON CONFLICT … DO …}. */
        ON_CONFLICT,
        /** MySQL's {@code ON DUPLICATE KEY UPDATE …}, with a row alias ({@code AS new}) before it. */
        ON_DUPLICATE_KEY,
        /** The {@code ON (…)} of PostgreSQL's {@code DISTINCT ON (…)}; {@code DISTINCT} stays. */
        DISTINCT_ON,
        /** H2's {@code MERGE … KEY (…)}, and {@code ORDER BY}/{@code LIMIT} closing an UPDATE or a DELETE. */
        OTHER,
        /** PostgreSQL's {@code UPDATE … FROM <list>} and {@code DELETE … USING <list>}: the keyword and the list. */
        FROM_LIST
    }
}
