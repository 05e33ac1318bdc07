package dev.tandem.jdbc;

import dev.tandem.jdbc.Fingerprint.Lexer;
import dev.tandem.jdbc.Fingerprint.Lexer.Kind;

/**
 * Whether a read promises the order of its rows, which decides whether a shadow read must return
 * them in the same order or only the same rows.
 */
final class OrderedRead {

    private OrderedRead() {
    }

    /**
     * Whether the outermost query of {@code sql} has an {@code ORDER BY}: one outside every
     * parenthesis (a subquery's, a window's, an aggregate's), string, quoted name and comment. When
     * the dialects would read the text differently (see {@link Fingerprint}) the answer is false: a
     * read taken for unordered is still compared row for row, only not position for position, where
     * one wrongly taken for ordered would report every difference in order as a mismatch.
     */
    static boolean ordersRows(String sql) {
        Lexer lexer = new Lexer(sql, false);
        int depth = 0;
        boolean afterOrder = false;
        boolean ordered = false;
        for (Kind kind = lexer.next(); kind != Kind.END; kind = lexer.next()) {
            switch (kind) {
                case SPACE, COMMENT -> {
                    continue;
                }
                case UNREADABLE -> {
                    return false;
                }
                case OPEN -> depth++;
                case CLOSE -> {
                    if (--depth < 0) {
                        return false;
                    }
                }
                case WORD -> {
                    if (depth == 0) {
                        String word = lexer.text();
                        if (afterOrder && word.equalsIgnoreCase("by")) {
                            ordered = true;
                        }
                        afterOrder = word.equalsIgnoreCase("order");
                        continue;
                    }
                }
                default -> {
                }
            }
            afterOrder = false;
        }
        return ordered && depth == 0;
    }
}
