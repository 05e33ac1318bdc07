package dev.tandem.sql.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds, without parsing, whether a statement may name one of a set of tables: a case-insensitive
 * search for each name as a whole word. A statement it clears is never parsed.
 */
public final class WordScan {

    private final String[] words;
    /** For each ASCII character, whether a name may start with it, in either case. */
    private final boolean[] first = new boolean[128];

    /** Scans for {@code names}: bare table names, unquoted, in any case. */
    public WordScan(Set<String> names) {
        Set<String> lower = new LinkedHashSet<>();
        for (String name : names) {
            lower.add(name.toLowerCase(Locale.ROOT));
        }
        words = lower.toArray(new String[0]);
        for (String word : words) {
            char c = word.charAt(0);
            if (c < 128) {
                first[c] = true;
                first[Character.toUpperCase(c)] = true;
            }
        }
    }

    /** Whether any of the names stands in {@code sql} as a whole word. */
    public boolean mayName(String sql) {
        return next(sql, 0, null) >= 0;
    }

    /** Every offset at which one of the names stands as a whole word, with its length. */
    public List<int[]> find(String sql) {
        List<int[]> found = new ArrayList<>();
        int[] length = new int[1];
        for (int at = next(sql, 0, length); at >= 0; at = next(sql, at + length[0], length)) {
            found.add(new int[] {at, at + length[0]});
        }
        return found;
    }

    /**
     * The offset of the next name at or after {@code from}, which must not be inside a word. Goes a
     * word at a time: a word whose first letter starts no name, or whose length is no name's, is
     * skipped without comparing a character of it.
     */
    private int next(String sql, int from, int[] length) {
        int n = sql.length();
        int i = from;
        while (i < n) {
            char c = sql.charAt(i);
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && isWordChar(sql.charAt(end))) {
                end++;
            }
            if (c >= 128 || first[c]) {
                int wordLength = end - i;
                for (String word : words) {
                    if (word.length() == wordLength && sql.regionMatches(true, i, word, 0, wordLength)) {
                        if (length != null) {
                            length[0] = wordLength;
                        }
                        return i;
                    }
                }
            }
            i = end;
        }
        return -1;
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
        }
        return Character.isLetterOrDigit(c);
    }
}
