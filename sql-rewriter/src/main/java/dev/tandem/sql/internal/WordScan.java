package dev.tandem.sql.internal;

import java.util.ArrayList;
import java.util.Comparator;
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
    /** Every character a name may start with, in both cases. */
    private final char[] firsts;

    /** Scans for {@code names}: bare table names, unquoted, in any case. */
    public WordScan(Set<String> names) {
        Set<String> lower = new LinkedHashSet<>();
        for (String name : names) {
            lower.add(name.toLowerCase(Locale.ROOT));
        }
        words = lower.toArray(new String[0]);
        StringBuilder firstChars = new StringBuilder();
        for (String word : words) {
            for (char c : new char[] {word.charAt(0), Character.toUpperCase(word.charAt(0))}) {
                if (firstChars.indexOf(String.valueOf(c)) < 0) {
                    firstChars.append(c);
                }
            }
        }
        firsts = firstChars.toString().toCharArray();
    }

    /**
     * Whether any of the names stands in {@code sql} as a whole word. Looks only where a name's first
     * letter is, with {@code String.indexOf}, which the JVM runs over many characters at a time.
     */
    public boolean mayName(String sql) {
        for (char first : firsts) {
            for (int at = sql.indexOf(first); at >= 0; at = sql.indexOf(first, at + 1)) {
                if (nameAt(sql, at) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every span at which one of the names stands as a whole word, in text order. */
    public List<int[]> find(String sql) {
        List<int[]> found = new ArrayList<>();
        for (char first : firsts) {
            for (int at = sql.indexOf(first); at >= 0; at = sql.indexOf(first, at + 1)) {
                int length = nameAt(sql, at);
                if (length > 0) {
                    found.add(new int[] {at, at + length});
                }
            }
        }
        found.sort(Comparator.comparingInt(span -> span[0]));
        return found;
    }

    /** The length of the name that stands as a whole word at {@code at}, or 0. */
    private int nameAt(String sql, int at) {
        if (at > 0 && isWordChar(sql.charAt(at - 1))) {
            return 0;
        }
        for (String word : words) {
            int end = at + word.length();
            if (sql.regionMatches(true, at, word, 0, word.length())
                    && (end == sql.length() || !isWordChar(sql.charAt(end)))) {
                return word.length();
            }
        }
        return 0;
    }

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
        }
    }

    private static boolean isWordChar(char c) {
        return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
    }
}
