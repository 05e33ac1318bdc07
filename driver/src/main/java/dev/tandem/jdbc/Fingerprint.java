package dev.tandem.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tandem.sql.Dialect;

/**
 * A short, stable name for the shape of a statement, for logs: statements that differ only in their
 * literal values, parameters, comments, white space or the case of their keywords get the same
 * fingerprint, and no literal can be read back from it.
 *
 * <p>The statement is read token by token into its shape: comments dropped, unquoted words in lower
 * case, every literal (quoted string, dollar-quoted string, number with its sign) and every
 * {@code ?} replaced by {@code ?}, a comma-separated run of those cut to one {@code ?} (so that
 * {@code IN (1, 2)} and {@code IN (?, ?, ?)} agree), and the tokens joined by single spaces. The
 * fingerprint is the 64-bit FNV-1a hash of the shape's UTF-8 bytes, as 16 lower-case hex digits.
 *
 * <p>The text is read by rules PostgreSQL, MariaDB and H2 all agree with. Where they disagree on
 * what follows, the shape ends there with {@code …}, since what follows might be a literal: a
 * backslash before a quote (an escape in MariaDB, unless {@code NO_BACKSLASH_ESCAPES}, and in
 * PostgreSQL's {@code E'…'}; a plain character otherwise), a {@code #} or {@code --x} with a quote,
 * parenthesis or comment later on its line (a comment only in MariaDB), a block comment inside a
 * block comment (nested only in PostgreSQL), and a string or comment that is not closed. A dialect,
 * when given, only decides whether {@code "…"} quotes a name.
 */
final class Fingerprint {

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Fingerprint() {
    }

    /**
     * The fingerprint of {@code sql} when its dialect is not known: {@code "…"} is then taken for a
     * string, as MariaDB reads it, so a quoted name does not count in the shape.
     */
    static String of(String sql) {
        return of(sql, null);
    }

    /** The fingerprint of {@code sql} as {@code dialect} reads it; null for a dialect not known. */
    static String of(String sql, Dialect dialect) {
        return String.format("%016x", fnv1a64(shape(sql, dialect).getBytes(StandardCharsets.UTF_8)));
    }

    /** The text that is hashed: the statement's tokens with every literal replaced; never contains a literal. */
    static String shape(String sql, Dialect dialect) {
        List<String> tokens = new ArrayList<>();
        List<Lexer.Kind> kinds = new ArrayList<>();
        Lexer lexer = new Lexer(sql, dialect != null && !dialect.mariadb());
        for (Lexer.Kind kind = lexer.next(); kind != Lexer.Kind.END; kind = lexer.next()) {
            switch (kind) {
                case SPACE, COMMENT -> {
                }
                case UNREADABLE -> {
                    tokens.add("…");
                    return String.join(" ", tokens);
                }
                case NUMBER, STRING, PARAMETER -> literal(tokens, kinds);
                case WORD -> add(tokens, kinds, lexer.text().toLowerCase(Locale.ROOT), kind);
                default -> add(tokens, kinds, lexer.text(), kind);
            }
        }
        return String.join(" ", tokens);
    }

    private static void literal(List<String> tokens, List<Lexer.Kind> kinds) {
        int last = tokens.size() - 1;
        // a sign right after an operator, an opening parenthesis, a comma or nothing belongs to the number
        if (last >= 0 && (tokens.get(last).equals("-") || tokens.get(last).equals("+"))
                && (last == 0 || kinds.get(last - 1) == Lexer.Kind.OTHER || kinds.get(last - 1) == Lexer.Kind.OPEN
                        || kinds.get(last - 1) == Lexer.Kind.COMMA)) {
            remove(tokens, kinds);
            last--;
        }
        if (last >= 1 && kinds.get(last) == Lexer.Kind.COMMA && kinds.get(last - 1) == Lexer.Kind.PARAMETER) {
            remove(tokens, kinds);
            return;
        }
        add(tokens, kinds, "?", Lexer.Kind.PARAMETER);
    }

    private static void add(List<String> tokens, List<Lexer.Kind> kinds, String token, Lexer.Kind kind) {
        tokens.add(token);
        kinds.add(kind);
    }

    private static void remove(List<String> tokens, List<Lexer.Kind> kinds) {
        tokens.remove(tokens.size() - 1);
        kinds.remove(kinds.size() - 1);
    }

    /** 64-bit FNV-1a: for each byte, xor it in, then multiply by the FNV prime. */
    static long fnv1a64(byte[] bytes) {
        long hash = FNV_OFFSET_BASIS;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /**
     * Splits a statement into tokens, enough to tell strings, quoted names and comments from the rest,
     * by rules PostgreSQL, MariaDB and H2 agree with; where they would not agree, says so
     * ({@link Kind#UNREADABLE}) rather than guess. Also what {@link OrderedRead} reads statements with.
     */
    static final class Lexer {

        /** What a token is. */
        enum Kind {
            SPACE, COMMENT, WORD,
            /** A quoted name: {@code `name`}, or {@code "name"} in a dialect where that quotes a name. */
            NAME,
            NUMBER,
            /** A quoted or dollar-quoted string, or {@code "…"} unless it is known to quote a name. */
            STRING,
            /** {@code ?} or {@code $1}. */
            PARAMETER,
            OPEN, CLOSE, COMMA,
            /** Any other single character. */
            OTHER,
            /** From here on the dialects would read the text differently, or a string or comment is not closed. */
            UNREADABLE,
            END
        }

        private final String s;
        private final int n;
        private final boolean doubleQuotesName;
        private int start;
        private int end;

        /**
         * @param doubleQuotesName whether {@code "…"} is known to quote a name (PostgreSQL, H2); otherwise it
         *                         is read as a string, as MariaDB does
         */
        Lexer(String sql, boolean doubleQuotesName) {
            this.s = sql;
            this.n = sql.length();
            this.doubleQuotesName = doubleQuotesName;
        }

        /** The text of the token last read. */
        String text() {
            return s.substring(start, end);
        }

        /** Reads the next token. */
        Kind next() {
            start = end;
            if (start >= n) {
                return Kind.END;
            }
            int i = start;
            char c = s.charAt(i);
            char c1 = at(i + 1);
            if (Character.isWhitespace(c) || c < ' ') {
                int j = i + 1;
                while (j < n && (Character.isWhitespace(s.charAt(j)) || s.charAt(j) < ' ')) {
                    j++;
                }
                return token(Kind.SPACE, j);
            }
            switch (c) {
                case '-':
                    if (c1 == '-') {
                        // every dialect starts a comment at -- and a space; MariaDB at no other --
                        return at(i + 2) <= ' ' ? token(Kind.COMMENT, lineEnd(i)) : lineCommentIfNothingSpans(i);
                    }
                    break;
                case '#':
                    return lineCommentIfNothingSpans(i);
                case '/':
                    if (c1 == '*') {
                        return blockComment(i);
                    }
                    break;
                case '\'':
                    return string(i);
                case '"':
                    return doubleQuotesName ? name(i) : string(i);
                case '`':
                    return name(i);
                case '$':
                    return dollar(i);
                case '?':
                    return token(Kind.PARAMETER, i + 1);
                case '(':
                    return token(Kind.OPEN, i + 1);
                case ')':
                    return token(Kind.CLOSE, i + 1);
                case ',':
                    return token(Kind.COMMA, i + 1);
                case '.':
                    if (isDigit(c1) && (i == 0 || !continuesName(s.charAt(i - 1)))) {
                        return number(i);
                    }
                    break;
                default:
                    break;
            }
            if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && isWordPart(s.charAt(j))) {
                    j++;
                }
                return token(Kind.WORD, j);
            }
            if (isDigit(c)) {
                return number(i);
            }
            return token(Kind.OTHER, i + 1);
        }

        private Kind token(Kind kind, int to) {
            end = to;
            return kind;
        }

        private char at(int i) {
            return i < n ? s.charAt(i) : '\0';
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isWordPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }

        /** Whether a {@code .} after {@code c} joins names ({@code t.5} is no number). */
        private static boolean continuesName(char c) {
            return isWordPart(c) || c == '"' || c == '`' || c == ')';
        }

        /** Digits, letters, dots and an exponent's sign: {@code 42}, {@code 1.5e-3}, {@code 0x1F}, {@code .5}. */
        private Kind number(int i) {
            int j = i;
            while (j < n) {
                char c = s.charAt(j);
                if ((c == 'e' || c == 'E') && (at(j + 1) == '+' || at(j + 1) == '-') && isDigit(at(j + 2))) {
                    j += 2;
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                    j++;
                } else {
                    break;
                }
            }
            return token(Kind.NUMBER, j);
        }

        private int lineEnd(int i) {
            int j = i;
            while (j < n && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
                j++;
            }
            return j;
        }

        /**
         * A {@code #} or {@code --x}: a comment in MariaDB, an operator elsewhere. Either reading gives
         * the same tokens after the line only when nothing on it can open what goes on past it (a
         * string, a quoted name, a comment) or change the nesting.
         */
        private Kind lineCommentIfNothingSpans(int i) {
            int to = lineEnd(i);
            for (int j = i + 1; j < to; j++) {
                char c = s.charAt(j);
                if (c == '\'' || c == '"' || c == '`' || c == '$' || c == '(' || c == ')'
                        || (c == '/' && at(j + 1) == '*')) {
                    return token(Kind.UNREADABLE, n);
                }
            }
            return token(Kind.COMMENT, to);
        }

        /** A block comment, where it ends the same whether nested (PostgreSQL) or not (MariaDB, H2). */
        private Kind blockComment(int i) {
            int flat = s.indexOf("*/", i + 2);
            return flat < 0 || nestedCommentEnd(i) != flat + 2 ? token(Kind.UNREADABLE, n) : token(Kind.COMMENT, flat + 2);
        }

        private int nestedCommentEnd(int i) {
            int depth = 1;
            int j = i + 2;
            while (j < n - 1) {
                if (s.charAt(j) == '*' && s.charAt(j + 1) == '/') {
                    j += 2;
                    if (--depth == 0) {
                        return j;
                    }
                } else if (s.charAt(j) == '/' && s.charAt(j + 1) == '*') {
                    depth++;
                    j += 2;
                } else {
                    j++;
                }
            }
            return -1;
        }

        /**
         * A string in {@code '} or {@code "}: it ends where both readings of a backslash (an escape in
         * MariaDB and in PostgreSQL's {@code E'…'}, a plain character otherwise) agree that it ends, or
         * it is unreadable.
         */
        private Kind string(int i) {
            int plain = quoteEnd(i, false);
            int escaped = quoteEnd(i, true);
            return plain < 0 || plain != escaped ? token(Kind.UNREADABLE, n) : token(Kind.STRING, plain);
        }

        private Kind name(int i) {
            int to = quoteEnd(i, false);
            return to < 0 ? token(Kind.UNREADABLE, n) : token(Kind.NAME, to);
        }

        /** Where the text quoted at {@code i} ends (after its closing quote; a doubled quote stays inside), or -1. */
        private int quoteEnd(int i, boolean backslashEscapes) {
            char quote = s.charAt(i);
            int j = i + 1;
            while (j < n) {
                char c = s.charAt(j);
                if (c == '\\' && backslashEscapes) {
                    j += 2;
                } else if (c == quote) {
                    if (at(j + 1) != quote) {
                        return j + 1;
                    }
                    j += 2;
                } else {
                    j++;
                }
            }
            return -1;
        }

        /**
         * PostgreSQL's {@code $1} and {@code $tag$…$tag$}; a lone {@code $} is another character. In MariaDB
         * {@code $tag$} would be a name: taking it for the start of a string only hides more.
         */
        private Kind dollar(int i) {
            int j = i + 1;
            if (isDigit(at(j))) {
                while (isDigit(at(j))) {
                    j++;
                }
                return token(Kind.PARAMETER, j);
            }
            while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                j++;
            }
            if (at(j) != '$') {
                return token(Kind.OTHER, i + 1);
            }
            String tag = s.substring(i, j + 1);
            int close = s.indexOf(tag, j + 1);
            return close < 0 ? token(Kind.UNREADABLE, n) : token(Kind.STRING, close + tag.length());
        }
    }
}
