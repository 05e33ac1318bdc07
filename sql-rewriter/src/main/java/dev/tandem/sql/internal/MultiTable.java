package dev.tandem.sql.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.tandem.sql.Dialect;
import dev.tandem.sql.WriteShape.Verb;

/**
 * MariaDB's multi-table UPDATE ({@code UPDATE a JOIN b ON … SET a.x = …}, {@code UPDATE a, b SET … WHERE …})
 * and DELETE ({@code DELETE a FROM a JOIN b …}, {@code DELETE FROM a USING a JOIN b …}), which Calcite does not
 * read, taken apart by the lexer; with a query Calcite does read in its place, {@code SELECT (<each value
 * set>), … FROM <its table references> [WHERE <its condition>]}, whose every character knows where it stands
 * in the statement, so that what the parser reports of the query can be found in the statement.
 *
 * @param verb           UPDATE or DELETE
 * @param references     its table references, as {@code [start, end)} in the statement
 * @param assignments    an UPDATE's assignments, each {@code [columnStart, columnEnd, valueStart, valueEnd)}
 * @param deleted        a DELETE's list of the tables it deletes from, each the spans of the parts of its name
 *                       ({@code db.t}, {@code t}, an alias), without a trailing {@code .*}
 * @param conditionStart just after its {@code WHERE}, or -1 when it has none
 * @param end            where the statement ends (before any trailing semicolon, space or comment): where its
 *                       condition ends
 * @param query          the query Calcite reads in its place, spelled as the statement spells it
 * @param maskedQuery    the same query, spelled as the masked statement is
 * @param at             for each character of the query, its offset in the statement, or -1 for one added
 */
record MultiTable(Verb verb, int[] references, List<int[]> assignments, List<List<int[]>> deleted,
        int conditionStart, int end, String query, String maskedQuery, int[] at) {

    private static final Set<String> UPDATE_MODIFIERS = Set.of("LOW_PRIORITY", "IGNORE");
    private static final Set<String> DELETE_MODIFIERS = Set.of("LOW_PRIORITY", "QUICK", "IGNORE");

    /** The offset in the statement of the character at {@code offset} in the query. */
    int original(int offset) {
        return at[offset];
    }

    /** The offset in the statement just past the character before {@code end} in the query. */
    int originalEnd(int end) {
        return at[end - 1] + 1;
    }

    /** The text of {@code span}, {@code [start, end)}, in {@code sql}. */
    static String text(String sql, int[] span) {
        return sql.substring(span[0], span[1]);
    }

    /**
     * {@code sql}, one statement, read as a MariaDB multi-table UPDATE or DELETE; null when it is not one
     * (a write of one table, a read, another dialect).
     */
    static MultiTable read(String sql, Masked masked, Dialect dialect) {
        if (!dialect.mariadb()) {
            return null;
        }
        MaskLexer lexer = new MaskLexer(sql, dialect);
        List<int[]> tokens = new ArrayList<>(); // {start, end, depth} of every significant token
        int depth = 0;
        for (int i = 0; ; i = lexer.end) {
            MaskLexer.Tok token = lexer.lex(i);
            if (token == MaskLexer.Tok.END || token == MaskLexer.Tok.SEMI) {
                break;
            }
            if (token == MaskLexer.Tok.SPACE || token == MaskLexer.Tok.COMMENT) {
                continue;
            }
            if (token == MaskLexer.Tok.CLOSE) {
                depth--;
            }
            tokens.add(new int[] {i, lexer.end, depth, token.ordinal()});
            if (token == MaskLexer.Tok.OPEN) {
                depth++;
            }
        }
        if (tokens.isEmpty() || kind(tokens.get(0)) != MaskLexer.Tok.WORD) {
            return null;
        }
        String first = word(sql, tokens.get(0));
        int end = Writes.end(sql, dialect);
        if (first.equals("UPDATE")) {
            return update(sql, masked, tokens, end);
        }
        return first.equals("DELETE") ? delete(sql, masked, tokens, end) : null;
    }

    private static MultiTable update(String sql, Masked masked, List<int[]> tokens, int end) {
        int t = skip(sql, tokens, 1, UPDATE_MODIFIERS);
        int set = find(sql, tokens, t, "SET");
        if (t >= tokens.size() || set < 0) {
            return null;
        }
        boolean joined = false;
        for (int k = t; k < set; k++) {
            int[] token = tokens.get(k);
            joined |= token[2] == 0 && (isWord(sql, token, "JOIN") || isWord(sql, token, "STRAIGHT_JOIN")
                    || is(sql, token, ","));
        }
        if (!joined) {
            return null;
        }
        int where = find(sql, tokens, set + 1, "WHERE");
        int listEnd = where < 0 ? tokens.size() : where;
        List<int[]> assignments = new ArrayList<>();
        int pieceStart = set + 1;
        for (int k = set + 1; k <= listEnd; k++) {
            if (k == listEnd || tokens.get(k)[2] == 0 && is(sql, tokens.get(k), ",")) {
                int equals = -1;
                for (int e = pieceStart; e < k && equals < 0; e++) {
                    if (tokens.get(e)[2] == 0 && is(sql, tokens.get(e), "=")) {
                        equals = e;
                    }
                }
                if (equals <= pieceStart || equals + 1 >= k) {
                    return null; // not an assignment MariaDB reads either: let the parser say so
                }
                assignments.add(new int[] {tokens.get(pieceStart)[0], tokens.get(equals - 1)[1],
                        tokens.get(equals + 1)[0], tokens.get(k - 1)[1]});
                pieceStart = k + 1;
            }
        }
        int[] references = {tokens.get(t)[0], tokens.get(set - 1)[1]};
        int conditionStart = where < 0 ? -1 : tokens.get(where)[1];
        Query query = new Query(sql, masked.text());
        query.add("SELECT ");
        for (int a = 0; a < assignments.size(); a++) {
            int[] assignment = assignments.get(a);
            query.add(a == 0 ? "(" : ", (").copy(assignment[2], assignment[3]).add(")");
        }
        return query(Verb.UPDATE, query, references, assignments, List.of(), conditionStart, end);
    }

    private static MultiTable delete(String sql, Masked masked, List<int[]> tokens, int end) {
        int t = skip(sql, tokens, 1, DELETE_MODIFIERS);
        if (t >= tokens.size()) {
            return null;
        }
        int listStart;
        int listEnd;
        int referencesStart;
        if (isWord(sql, tokens.get(t), "FROM")) {
            // DELETE FROM a [, b] USING <references>; without USING, a write of one table
            listStart = t + 1;
            listEnd = find(sql, tokens, listStart, "USING");
            referencesStart = listEnd + 1;
            int where = find(sql, tokens, listStart, "WHERE");
            if (listEnd < 0 || where >= 0 && where < listEnd) {
                return null;
            }
        } else {
            listStart = t;
            listEnd = find(sql, tokens, listStart, "FROM");
            referencesStart = listEnd + 1;
            if (listEnd < 0) {
                return null;
            }
        }
        int where = find(sql, tokens, referencesStart, "WHERE");
        int referencesEnd = where < 0 ? tokens.size() : where;
        if (referencesStart >= referencesEnd) {
            return null;
        }
        List<List<int[]>> deleted = new ArrayList<>();
        List<int[]> parts = new ArrayList<>();
        for (int k = listStart; k <= listEnd; k++) {
            int[] token = k < listEnd ? tokens.get(k) : null;
            if (token == null || is(sql, token, ",")) {
                if (parts.isEmpty()) {
                    return null;
                }
                deleted.add(parts);
                parts = new ArrayList<>();
            } else if (kind(token) == MaskLexer.Tok.WORD || kind(token) == MaskLexer.Tok.QUOTED) {
                parts.add(new int[] {token[0], token[1]});
            } else if (kind(token) != MaskLexer.Tok.DOT && !is(sql, token, "*")) {
                return null;
            }
        }
        int[] references = {tokens.get(referencesStart)[0], tokens.get(referencesEnd - 1)[1]};
        int conditionStart = where < 0 ? -1 : tokens.get(where)[1];
        Query query = new Query(sql, masked.text()).add("SELECT 1");
        return query(Verb.DELETE, query, references, List.of(), deleted, conditionStart, end);
    }

    private static MultiTable query(Verb verb, Query query, int[] references, List<int[]> assignments,
            List<List<int[]>> deleted, int conditionStart, int end) {
        query.add(" FROM ").copy(references[0], references[1]);
        if (conditionStart >= 0) {
            query.add(" WHERE").copy(conditionStart, end);
        }
        return new MultiTable(verb, references, assignments, deleted, conditionStart, end, query.sqlText.toString(),
                query.maskedText.toString(), Arrays.copyOf(query.at, query.sqlText.length()));
    }

    /** The query being spelled, from pieces of the statement and text of its own. */
    private static final class Query {
        private final String sql;
        private final String masked;
        private final StringBuilder sqlText = new StringBuilder();
        private final StringBuilder maskedText = new StringBuilder();
        private int[] at = new int[64];

        Query(String sql, String masked) {
            this.sql = sql;
            this.masked = masked;
        }

        Query add(String text) {
            for (int i = 0; i < text.length(); i++) {
                append(text.charAt(i), text.charAt(i), -1);
            }
            return this;
        }

        Query copy(int start, int end) {
            for (int i = start; i < end; i++) {
                append(sql.charAt(i), masked.charAt(i), i);
            }
            return this;
        }

        private void append(char spelled, char maskedChar, int offset) {
            if (sqlText.length() == at.length) {
                at = Arrays.copyOf(at, at.length * 2);
            }
            at[sqlText.length()] = offset;
            sqlText.append(spelled);
            maskedText.append(maskedChar);
        }
    }

    private static int skip(String sql, List<int[]> tokens, int from, Set<String> modifiers) {
        int t = from;
        while (t < tokens.size() && kind(tokens.get(t)) == MaskLexer.Tok.WORD
                && modifiers.contains(word(sql, tokens.get(t)))) {
            t++;
        }
        return t;
    }

    /** The index of the first token from {@code from} on that is {@code keyword} outside parentheses, or -1. */
    private static int find(String sql, List<int[]> tokens, int from, String keyword) {
        for (int k = Math.max(from, 0); k < tokens.size(); k++) {
            if (tokens.get(k)[2] == 0 && isWord(sql, tokens.get(k), keyword)) {
                return k;
            }
        }
        return -1;
    }

    private static MaskLexer.Tok kind(int[] token) {
        return MaskLexer.Tok.values()[token[3]];
    }

    private static String word(String sql, int[] token) {
        return sql.substring(token[0], token[1]).toUpperCase(Locale.ROOT);
    }

    private static boolean isWord(String sql, int[] token, String keyword) {
        return kind(token) == MaskLexer.Tok.WORD && token[1] - token[0] == keyword.length()
                && sql.regionMatches(true, token[0], keyword, 0, keyword.length());
    }

    private static boolean is(String sql, int[] token, String text) {
        return token[1] - token[0] == text.length() && sql.startsWith(text, token[0]);
    }
}
