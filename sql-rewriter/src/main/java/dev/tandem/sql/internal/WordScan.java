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
    private final char[] firsts;

    /** Scans for {@code names}: bare table names, unquoted, in any case. */
    public WordScan(Set<String> names) {
        Set<String> lower = new LinkedHashSet<>();
        for (String name : names) {
            lower.add(name.toLowerCase(Locale.ROOT));
        }
        words = lower.toArray(new String[0]);
        firsts = new char[words.length];
        for (int i = 0; i < words.length; i++) {
            firsts[i] = words[i].charAt(0);
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

    private int next(String sql, int from, int[] length) {
        int n = sql.length();
        for (int i = from; i < n; i++) {
            char c = Character.toLowerCase(sql.charAt(i));
            for (int w = 0; w < words.length; w++) {
                if (c == firsts[w] && sql.regionMatches(true, i, words[w], 0, words[w].length())
                        && !isWordChar(sql, i - 1) && !isWordChar(sql, i + words[w].length())) {
                    if (length != null) {
                        length[0] = words[w].length();
                    }
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean isWordChar(String sql, int at) {
        if (at < 0 || at >= sql.length()) {
            return false;
        }
        char c = sql.charAt(at);
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
