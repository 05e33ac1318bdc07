package dev.tandem.sql.internal;

import dev.tandem.sql.Dialect;

/**
 * Finds where each token of a statement ends, by one dialect's rules for strings, quoted names,
 * comments and operators, so that nothing inside a string or a comment is ever taken for syntax.
 */
final class MaskLexer {

    /** What a token is, as far as masking cares. */
    enum Tok {
        SPACE, COMMENT, WORD, NUMBER, STRING, QUOTED, PARAM, POSITIONAL, VARIABLE,
        /** An operator Calcite does not know (JSON, array, regex-like), to be replaced by {@code ||}. */
        FOREIGN_OP,
        /** MySQL's {@code :=}. */
        ASSIGN,
        OPEN, CLOSE, SEMI, DOT, OTHER, END
    }

    private final String s;
    private final int n;
    private final Dialect dialect;

    /** Where the token last lexed ends (exclusive). */
    int end;
    /** For a STRING: how many characters ({@code E}, {@code N}, {@code _utf8mb4}, …) come before its quote. */
    int prefix;
    /** For a STRING: whether a backslash escapes the next character. */
    boolean escapes;
    /** For a dollar-quoted STRING: the length of its {@code $tag$}; 0 for any other token. */
    int tag;
    /** For a STRING: whether its closing quote was found before the end of the text. */
    boolean closed;

    MaskLexer(String s, Dialect dialect) {
        this.s = s;
        this.n = s.length();
        this.dialect = dialect;
    }

    /** Lexes the token starting at {@code i}, setting {@link #end} and the string fields. */
    Tok lex(int i) {
        prefix = 0;
        escapes = false;
        tag = 0;
        closed = true;
        if (i >= n) {
            return token(Tok.END, n);
        }
        char c = s.charAt(i);
        char c1 = at(i + 1);
        if (isSpace(c)) {
            int j = i + 1;
            while (j < n && isSpace(s.charAt(j))) {
                j++;
            }
            return token(Tok.SPACE, j);
        }
        switch (c) {
            case '-':
                // MySQL starts a comment only where -- is followed by white space, a control character or the end
                if (c1 == '-' && (!dialect.mariadb() || at(i + 2) <= ' ')) {
                    return token(Tok.COMMENT, lineEnd(i));
                }
                if (c1 == '>' && dialect != Dialect.H2) {
                    return token(Tok.FOREIGN_OP, at(i + 2) == '>' ? i + 3 : i + 2);
                }
                break;
            case '#':
                if (dialect.mariadb()) {
                    return token(Tok.COMMENT, lineEnd(i));
                }
                if (dialect == Dialect.POSTGRESQL) {
                    boolean path = c1 == '>' || c1 == '-';
                    return token(Tok.FOREIGN_OP, path ? (c1 == '>' && at(i + 2) == '>' ? i + 3 : i + 2) : i + 1);
                }
                break;
            case '/':
                if (c1 == '*') {
                    return token(Tok.COMMENT, blockCommentEnd(i));
                }
                if (c1 == '/' && dialect == Dialect.H2) {
                    return token(Tok.COMMENT, lineEnd(i));
                }
                break;
            case '\'':
                return string(i, i, dialect.mariadb());
            case '"':
                return dialect.mariadb() ? string(i, i, true) : quoted(i);
            case '`':
                if (dialect.mariadb()) {
                    return quoted(i);
                }
                break;
            case '(':
                return token(Tok.OPEN, i + 1);
            case ')':
                return token(Tok.CLOSE, i + 1);
            case ';':
                return token(Tok.SEMI, i + 1);
            case '.':
                return token(Tok.DOT, i + 1);
            case '?':
                return question(i);
            case '$':
                if (dialect == Dialect.POSTGRESQL) {
                    return dollar(i);
                }
                break;
            case '@':
                if (dialect == Dialect.POSTGRESQL) {
                    return c1 == '>' || c1 == '@' || c1 == '?' ? token(Tok.FOREIGN_OP, i + 2) : token(Tok.OTHER, i + 1);
                }
                return variable(i);
            case '<':
                if (c1 == '@' && dialect == Dialect.POSTGRESQL) {
                    return token(Tok.FOREIGN_OP, i + 2);
                }
                break;
            case '&':
                if (c1 == '&' && dialect != Dialect.H2) {
                    return token(Tok.FOREIGN_OP, i + 2);
                }
                break;
            case ':':
                if (c1 == '=' && dialect.mariadb()) {
                    return token(Tok.ASSIGN, i + 2);
                }
                break;
            default:
                break;
        }
        if (isWordStart(c)) {
            return word(i);
        }
        if (c >= '0' && c <= '9') {
            int j = i + 1;
            while (j < n && (isWordPart(s.charAt(j)) || s.charAt(j) == '.')) {
                j++;
            }
            return token(Tok.NUMBER, j);
        }
        return token(Tok.OTHER, i + 1);
    }

    /** The start of the next token at or after {@code i} that is neither white space nor a comment. */
    int significant(int i) {
        while (true) {
            Tok t = lex(i);
            if (t != Tok.SPACE && t != Tok.COMMENT) {
                return i;
            }
            i = end;
        }
    }

    /** The character at {@code i}, or NUL past the end, so that look-ahead needs no bounds checks. */
    char at(int i) {
        return i < n ? s.charAt(i) : '\0';
    }

    /** White space as Calcite's lexer knows it: anything else it would not skip. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private boolean isWordStart(char c) {
        // MySQL lets a name begin with $; PostgreSQL uses a leading $ for parameters and dollar quotes
        return Character.isLetter(c) || c == '_' || (c == '$' && dialect.mariadb());
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private Tok token(Tok kind, int to) {
        end = to;
        return kind;
    }

    private Tok word(int i) {
        int j = i + 1;
        while (j < n && isWordPart(s.charAt(j))) {
            j++;
        }
        if (at(j) == '\'' && isStringPrefix(i, j)) {
            boolean backslash = dialect.mariadb() || (j - i == 1 && (s.charAt(i) == 'E' || s.charAt(i) == 'e'));
            return string(i, j, backslash);
        }
        if (j - i == 1 && (s.charAt(i) == 'U' || s.charAt(i) == 'u') && at(j) == '&' && at(j + 1) == '\'') {
            return string(i, j + 1, false);
        }
        return token(Tok.WORD, j);
    }

    /** Whether a name written right against a quote makes the two one literal: {@code E'…'}, {@code _utf8mb4'…'}. */
    private boolean isStringPrefix(int from, int to) {
        if (dialect.mariadb() && s.charAt(from) == '_') {
            return true;
        }
        if (to - from != 1) {
            return false;
        }
        char p = Character.toUpperCase(s.charAt(from));
        return p == 'X' || p == 'N' || p == 'B' || (p == 'E' && dialect == Dialect.POSTGRESQL);
    }

    private Tok string(int start, int quoteAt, boolean backslash) {
        char q = s.charAt(quoteAt);
        int j = quoteAt + 1;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\' && backslash) {
                j += 2;
            } else if (c == q) {
                if (at(j + 1) != q) {
                    return stringToken(start, quoteAt, backslash, j + 1, true);
                }
                j += 2;
            } else {
                j++;
            }
        }
        return stringToken(start, quoteAt, backslash, n, false);
    }

    private Tok stringToken(int start, int quoteAt, boolean backslash, int to, boolean done) {
        Tok t = token(Tok.STRING, to);
        prefix = quoteAt - start;
        escapes = backslash;
        closed = done;
        return t;
    }

    private Tok quoted(int i) {
        char q = s.charAt(i);
        int j = i + 1;
        while (j < n) {
            if (s.charAt(j) == q) {
                if (at(j + 1) != q) {
                    return token(Tok.QUOTED, j + 1);
                }
                j++;
            }
            j++;
        }
        return token(Tok.QUOTED, n);
    }

    private Tok question(int i) {
        if (dialect != Dialect.POSTGRESQL) {
            return token(Tok.PARAM, i + 1);
        }
        char c1 = at(i + 1);
        // PgJDBC spells the jsonb operators ?, ?| and ?& as ??, ??| and ??&; ?|| is a parameter then ||
        if (c1 == '?') {
            char c2 = at(i + 2);
            return token(Tok.FOREIGN_OP, c2 == '|' || c2 == '&' ? i + 3 : i + 2);
        }
        if ((c1 == '|' || c1 == '&') && at(i + 2) != c1) {
            return token(Tok.FOREIGN_OP, i + 2);
        }
        return token(Tok.PARAM, i + 1);
    }

    private Tok dollar(int i) {
        int j = i + 1;
        if (Character.isDigit(at(j))) {
            while (Character.isDigit(at(j))) {
                j++;
            }
            return token(Tok.POSITIONAL, j);
        }
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (at(j) != '$') {
            return token(Tok.OTHER, i + 1);
        }
        String open = s.substring(i, j + 1);
        int close = s.indexOf(open, j + 1);
        Tok t = token(Tok.STRING, close < 0 ? n : close + open.length());
        tag = open.length();
        closed = close >= 0;
        return t;
    }

    private Tok variable(int i) {
        int j = i + 1;
        if (at(j) == '@') {
            j++;
        }
        char c = at(j);
        if (c == '\'' || c == '"' || c == '`') {
            int k = j + 1;
            while (k < n && s.charAt(k) != c) {
                k++;
            }
            return token(Tok.VARIABLE, Math.min(n, k + 1));
        }
        int k = j;
        while (k < n && (isWordPart(s.charAt(k)) || (s.charAt(k) == '.' && k > j))) {
            k++;
        }
        return k == j ? token(Tok.OTHER, i + 1) : token(Tok.VARIABLE, k);
    }

    private int lineEnd(int i) {
        int j = i;
        while (j < n && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
            j++;
        }
        return j;
    }

    private int blockCommentEnd(int i) {
        // only PostgreSQL nests block comments; MySQL and H2 end at the first */
        boolean nests = dialect == Dialect.POSTGRESQL;
        int depth = 1;
        int j = i + 2;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '*' && at(j + 1) == '/') {
                j += 2;
                if (--depth == 0) {
                    return j;
                }
            } else if (nests && c == '/' && at(j + 1) == '*') {
                depth++;
                j += 2;
            } else {
                j++;
            }
        }
        return n;
    }
}
