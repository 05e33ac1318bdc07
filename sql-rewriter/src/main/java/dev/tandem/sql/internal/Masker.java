package dev.tandem.sql.internal;

import dev.tandem.sql.Dialect;
import dev.tandem.sql.internal.Masked.Carve;
import dev.tandem.sql.internal.Masked.Kind;
import dev.tandem.sql.internal.MaskLexer.Tok;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Rewrites a statement, in one left-to-right pass and without changing its length or moving a line
 * break, into text that Calcite's Babel parser reads, so that the positions the parser reports are
 * positions in the original statement.
 *
 * <p>Names are never touched: what changes is syntax the parser does not know (comments, hints,
 * escape strings, dollar quotes, JSON operators, MySQL select modifiers, session variables), which
 * becomes white space or a same-length stand-in, and clauses it cannot read ({@code FOR UPDATE},
 * {@code RETURNING}, upserts), which become white space and are reported as {@link Carve}s.
 */
public final class Masker {

    private static final Set<String> NONE = Set.of();
    private static final Set<String> BEFORE_RETURNING = Set.of("RETURNING");
    private static final Set<String> AFTER_FROM_LIST = Set.of("WHERE", "RETURNING");
    // PostgreSQL accepts LIMIT and OFFSET after the locking clause as well as before it
    private static final Set<String> AFTER_LOCK = Set.of("LIMIT", "OFFSET", "FETCH");
    private static final Set<String> DML = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");
    private static final Set<String> SELECT_MODIFIERS = Set.of(
            "SQL_CALC_FOUND_ROWS", "SQL_NO_CACHE", "SQL_CACHE", "SQL_BUFFER_RESULT", "SQL_SMALL_RESULT",
            "SQL_BIG_RESULT", "HIGH_PRIORITY", "STRAIGHT_JOIN");
    private static final Set<String> DML_MODIFIERS = Set.of("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "QUICK");
    private static final Set<String> INTERVAL_UNITS = Set.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND");
    /** Longer than any keyword this class looks for, so longer words are never upper-cased. */
    private static final int LONGEST_KEYWORD = 19;

    private final String src;
    private final char[] out;
    private final Dialect dialect;
    private final MaskLexer lex;
    private final List<Carve> carves = new ArrayList<>();

    /** The statement verb (SELECT, INSERT, …) seen first at each parenthesis depth, or null. */
    private String[] verbs = new String[8];
    /** Where each of {@link #verbs} starts, and whether its statement's FROM (UPDATE) or USING (DELETE) list was seen. */
    private int[] verbStarts = new int[8];
    private boolean[] fromLists = new boolean[8];
    /** FROM and USING lists of PostgreSQL's UPDATE and DELETE: masked like the rest, blanked at the end. */
    private final List<int[]> deferred = new ArrayList<>();
    private int depth;
    private Tok prevKind = Tok.SEMI;
    private String prevWord;
    /** The verb a run of MySQL modifiers ({@code SELECT SQL_NO_CACHE DISTINCT …}) follows, or null. */
    private String head;
    /** JDBC parameters seen by the last look-ahead scan, for the carve it delimits. */
    private int scanned;

    private Masker(String sql, Dialect dialect) {
        this.src = sql;
        this.out = sql.toCharArray();
        this.dialect = dialect;
        this.lex = new MaskLexer(sql, dialect);
    }

    /** Masks one statement, or several separated by {@code ;}, written in {@code dialect}. */
    public static Masked mask(String sql, Dialect dialect) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(dialect, "dialect");
        return new Masker(sql, dialect).run();
    }

    private Masked run() {
        int i = 0;
        while (i < out.length) {
            Tok t = lex.lex(i);
            int end = lex.end;
            switch (t) {
                case SPACE -> {
                    i = end;
                    continue;
                }
                case COMMENT -> {
                    blank(i, end);
                    i = end;
                    continue;
                }
                case STRING -> maskString(i, end);
                case POSITIONAL, VARIABLE -> write(i, end, "?");
                case FOREIGN_OP -> write(i, end, end - i == 1 ? "+" : "||");
                case ASSIGN -> write(i, end, " =");
                case OPEN -> open();
                case CLOSE -> depth = Math.max(0, depth - 1);
                case SEMI -> {
                    depth = 0;
                    verbs[0] = null;
                }
                case OTHER -> end = otherChar(i, end);
                case WORD -> {
                    i = word(i, end);
                    continue;
                }
                default -> { }
            }
            seen(t, null);
            i = end;
        }
        for (int[] list : deferred) {
            fromList(list[0], list[1], list[2], list[3]);
        }
        if (!deferred.isEmpty()) {
            carves.sort(java.util.Comparator.comparingInt(Carve::start));
        }
        String text = new String(out);
        return new Masked(text.equals(src) ? src : text, carves);
    }

    /**
     * Carves out a FROM (UPDATE) or USING (DELETE) list at {@code [start, end)}, which the parser cannot
     * read there, keeping it masked as {@code SELECT * FROM <list>} at the same offsets, with SELECT over
     * the statement's verb at {@code verb} and the * over the first character after it.
     */
    private void fromList(int start, int end, int parameters, int verb) {
        char[] select = new char[out.length];
        for (int k = 0; k < out.length; k++) {
            select[k] = MaskLexer.isSpace(out[k]) ? out[k] : ' ';
        }
        "SELECT".getChars(0, 6, select, verb);
        int star = verb + 6;
        while (MaskLexer.isSpace(out[star])) {
            star++;
        }
        select[star] = '*';
        System.arraycopy(out, start, select, start, end - start);
        // USING becomes FROM and a space
        "FROM ".getChars(0, src.regionMatches(true, start, "USING", 0, 5) ? 5 : 4, select, start);
        carves.add(new Carve(Kind.FROM_LIST, start, end, parameters, new String(select)));
        blank(start, end);
    }

    /** Notes the significant token just handled; any token but a modifier ends a run of modifiers. */
    private void seen(Tok kind, String word) {
        prevKind = kind;
        prevWord = word;
        head = null;
    }

    private void open() {
        depth++;
        if (depth == verbs.length) {
            verbs = Arrays.copyOf(verbs, depth * 2);
            verbStarts = Arrays.copyOf(verbStarts, depth * 2);
            fromLists = Arrays.copyOf(fromLists, depth * 2);
        }
        verbs[depth] = null;
    }

    private String verb() {
        return verbs[depth];
    }

    /** Handles a word and returns where scanning resumes, past any clause it carved out. */
    private int word(int start, int end) {
        if (prevKind == Tok.DOT || end - start > LONGEST_KEYWORD) {
            // the part after a dot is a name even when it is spelled like a keyword
            seen(Tok.WORD, null);
            return end;
        }
        String w = src.substring(start, end).toUpperCase(Locale.ROOT);
        if (w.equals("REPLACE") && dialect != Dialect.POSTGRESQL && replaceStatement(end)) {
            // REPLACE INTO is INSERT INTO with another rule for conflicts, and just as long
            write(start, end, "INSERT ");
            w = "INSERT";
        }
        if (w.equals("SELECT") || DML.contains(w)) {
            if (verbs[depth] == null) {
                verbs[depth] = w;
                verbStarts[depth] = start;
                fromLists[depth] = false;
            }
            seen(Tok.WORD, w);
            head = w;
            return end;
        }
        if (head != null && dialect.mariadb() && isModifier(w)) {
            if (w.equals("DISTINCTROW")) {
                write(start, end, "DISTINCT");
            } else if (!w.equals("DISTINCT") && !w.equals("ALL")) {
                blank(start, end);
            }
            String verb = head;
            seen(Tok.WORD, w);
            head = verb;
            return end;
        }
        int next = keyword(w, start, end);
        if (next == end) {
            seen(Tok.WORD, w);
        } else {
            seen(Tok.OTHER, null);
        }
        return next;
    }

    private boolean replaceStatement(int end) {
        return follows(end, "INTO") > 0 || follows(end, "LOW_PRIORITY") > 0 || follows(end, "DELAYED") > 0;
    }

    /** Whether MySQL lets {@code w} stand between {@link #head} and what the statement is about. */
    private boolean isModifier(String w) {
        if (head.equals("SELECT")) {
            return SELECT_MODIFIERS.contains(w) || w.equals("DISTINCT") || w.equals("ALL") || w.equals("DISTINCTROW");
        }
        return DML_MODIFIERS.contains(w);
    }

    /** Masks what a keyword starts, if anything; returns {@code end} when the word stays as it is. */
    private int keyword(String w, int start, int end) {
        switch (w) {
            case "FOR":
                return lockFollows(end) ? carve(Kind.LOCK, start, clauseEnd(end, AFTER_LOCK)) : end;
            case "LOCK":
                return follows(end, "IN") > 0 ? carve(Kind.LOCK, start, clauseEnd(end, NONE)) : end;
            case "RETURNING":
                return verb() != null && DML.contains(verb()) ? carve(Kind.RETURNING, start, clauseEnd(end, NONE)) : end;
            case "ON":
                return "INSERT".equals(verb()) ? upsert(start, end) : end;
            case "AS":
                return dialect.mariadb() && "INSERT".equals(verb()) && prevKind == Tok.CLOSE
                        && rowAliasBeforeUpsert(end) ? carve(Kind.ON_DUPLICATE_KEY, start, clauseEnd(end, BEFORE_RETURNING)) : end;
            case "DISTINCT":
                return distinctOn(end);
            case "KEY":
                return dialect == Dialect.H2 && "MERGE".equals(verb()) ? parenthesised(Kind.OTHER, start, end) : end;
            case "ORDER", "LIMIT", "FETCH":
                // MySQL and H2 let an UPDATE or a DELETE end with ORDER BY and LIMIT; Calcite does not
                return "UPDATE".equals(verb()) || "DELETE".equals(verb())
                        ? carve(Kind.OTHER, start, clauseEnd(end, BEFORE_RETURNING)) : end;
            case "INTERVAL":
                return dialect == Dialect.POSTGRESQL ? interval(start, end) : end;
            case "FROM":
                return fromList("UPDATE", start, end);
            case "USING":
                return fromList("DELETE", start, end);
            case "COLLATE":
                return collate(start, end);
            default:
                return dialect.mariadb() ? mysqlKeyword(w, start, end) : end;
        }
    }

    private int mysqlKeyword(String w, int start, int end) {
        switch (w) {
            case "STRAIGHT_JOIN" -> write(start, end, " ".repeat(end - start - 4) + "JOIN");
            case "REGEXP" -> write(start, end, "LIKE");
            case "RLIKE" -> write(start, end, "LIKE");
            case "DIV" -> write(start, end, "/");
            case "XOR" -> write(start, end, "OR");
            case "USE", "FORCE", "IGNORE" -> {
                return indexHint(start, end);
            }
            case "WITH" -> {
                int rollup = follows(end, "ROLLUP");
                if (rollup > 0) {
                    blank(start, rollup);
                    return rollup;
                }
            }
            default -> { }
        }
        return end;
    }

    /** PostgreSQL's and MySQL's upserts, in any dialect: H2 reads each in its compatibility modes. */
    private int upsert(int start, int end) {
        int conflict = follows(end, "CONFLICT");
        if (conflict > 0) {
            // the target, ON CONSTRAINT or DO must follow, or CONFLICT is only a column in INSERT … SELECT … JOIN … ON
            int after = lex.significant(conflict);
            if (lex.at(after) == '(' || word(after, "ON") > 0 || word(after, "DO") > 0) {
                return carve(Kind.ON_CONFLICT, start, clauseEnd(end, BEFORE_RETURNING));
            }
        }
        int duplicate = follows(end, "DUPLICATE");
        if (duplicate > 0 && follows(duplicate, "KEY") > 0) {
            return carve(Kind.ON_DUPLICATE_KEY, start, clauseEnd(end, BEFORE_RETURNING));
        }
        return end;
    }

    /**
     * PostgreSQL's {@code UPDATE … FROM <list>} or {@code DELETE … USING <list>}, when {@code w} starts the
     * first such list of the statement {@code verb} at this depth ({@code IS DISTINCT FROM} is no list): it is
     * masked as any other text, and carved out at the end (see {@link #fromList(int, int, int, int)}).
     */
    private int fromList(String verb, int start, int end) {
        if (dialect != Dialect.POSTGRESQL || !verb.equals(verb()) || fromLists[depth] || "DISTINCT".equals(prevWord)) {
            return end;
        }
        fromLists[depth] = true;
        int listEnd = clauseEnd(end, AFTER_FROM_LIST);
        deferred.add(new int[] {start, listEnd, scanned, verbStarts[depth]});
        return end;
    }

    private boolean lockFollows(int end) {
        int p = lex.significant(end);
        if (word(p, "UPDATE") > 0 || word(p, "SHARE") > 0) {
            return true;
        }
        int no = word(p, "NO");
        if (no > 0) {
            int key = follows(no, "KEY");
            return key > 0 && follows(key, "UPDATE") > 0;
        }
        int key = word(p, "KEY");
        return key > 0 && follows(key, "SHARE") > 0;
    }

    /** {@code AS new [(a, b)] ON DUPLICATE KEY}: MySQL's row alias, which only makes sense with the upsert. */
    private boolean rowAliasBeforeUpsert(int end) {
        int alias = lex.significant(end);
        Tok t = lex.lex(alias);
        if (t != Tok.WORD && t != Tok.QUOTED) {
            return false;
        }
        int p = lex.significant(lex.end);
        if (lex.at(p) == '(') {
            p = lex.significant(matchParen(p));
        }
        int on = word(p, "ON");
        return on > 0 && follows(on, "DUPLICATE") > 0;
    }

    private int distinctOn(int end) {
        int on = lex.significant(end);
        int onEnd = word(on, "ON");
        if (onEnd < 0) {
            return end;
        }
        int open = lex.significant(onEnd);
        if (lex.at(open) != '(') {
            return end;
        }
        return carve(Kind.DISTINCT_ON, on, matchParen(open));
    }

    private int parenthesised(Kind kind, int start, int end) {
        int open = lex.significant(end);
        return lex.at(open) == '(' ? carve(kind, start, matchParen(open)) : end;
    }

    /** PostgreSQL's {@code interval '1 day'} puts the unit inside the string, which Calcite rejects. */
    private int interval(int start, int end) {
        int literal = lex.significant(end);
        if (lex.lex(literal) != Tok.STRING) {
            return end;
        }
        int after = lex.significant(lex.end);
        if (lex.lex(after) == Tok.WORD
                && INTERVAL_UNITS.contains(src.substring(after, lex.end).toUpperCase(Locale.ROOT))) {
            return end;
        }
        // a bare string stays an expression, so the statement still reads the same way around it
        blank(start, end);
        return end;
    }

    /** {@code COLLATE "C"}, {@code COLLATE utf8mb4_bin}: Calcite reads neither, and a collation is no table or column. */
    private int collate(int start, int end) {
        int name = lex.significant(end);
        Tok t = lex.lex(name);
        if (t != Tok.WORD && t != Tok.QUOTED) {
            return end;
        }
        int nameEnd = lex.end;
        // pg_catalog."default"
        while (lex.at(nameEnd) == '.' && (lex.lex(nameEnd + 1) == Tok.WORD || lex.lex(nameEnd + 1) == Tok.QUOTED)) {
            nameEnd = lex.end;
        }
        blank(start, nameEnd);
        return nameEnd;
    }

    /** MySQL's {@code USE|FORCE|IGNORE INDEX|KEY [FOR JOIN|ORDER BY|GROUP BY] (…)}, which names indexes only. */
    private int indexHint(int start, int end) {
        int p = follows(end, "INDEX");
        if (p < 0) {
            p = follows(end, "KEY");
        }
        if (p < 0) {
            return end;
        }
        int q = lex.significant(p);
        int forEnd = word(q, "FOR");
        if (forEnd > 0) {
            int what = lex.significant(forEnd);
            int whatEnd = Math.max(word(what, "JOIN"), Math.max(follows(word(what, "ORDER"), "BY"), follows(word(what, "GROUP"), "BY")));
            if (whatEnd < 0) {
                return end;
            }
            q = lex.significant(whatEnd);
        }
        if (lex.at(q) != '(') {
            return end;
        }
        int close = matchParen(q);
        blank(start, close);
        return close;
    }

    /** Masks the punctuation Calcite reads differently: PostgreSQL's {@code int[]}, MySQL's {@code 5--1}. */
    private int otherChar(int i, int end) {
        char c = src.charAt(i);
        if (c == '-' && dialect.mariadb() && lex.at(i + 1) == '-') {
            // MySQL needs a space after -- to start a comment; Calcite would comment out the rest of the line
            out[i + 1] = ' ';
            return i + 2;
        }
        if (c != '[' || dialect != Dialect.POSTGRESQL || "ARRAY".equals(prevWord)) {
            return end;
        }
        int j = end;
        while (MaskLexer.isSpace(lex.at(j))) {
            j++;
        }
        if (lex.at(j) != ']') {
            return end;
        }
        blank(i, j + 1);
        return j + 1;
    }

    private void maskString(int start, int end) {
        int prefix = lex.prefix;
        boolean escapes = lex.escapes;
        int tag = lex.tag;
        boolean closed = lex.closed;
        // a prefix (E'', B'', N'', X'', U&'', _utf8mb4'') only tells the database how to read the string,
        // and Calcite rejects some of them
        blank(start, start + prefix);
        int open = start + prefix;
        if (tag > 0) {
            dollarQuoted(open, end, tag, closed);
            return;
        }
        char quote = src.charAt(open);
        if (!escapes && quote == '\'') {
            return;
        }
        out[open] = '\'';
        int contentEnd = closed ? end - 1 : end;
        for (int k = open + 1; k < contentEnd; k++) {
            char c = src.charAt(k);
            if (c == '\\' && escapes && k + 1 < contentEnd) {
                // \' stays an escaped quote as '', any other escape keeps its second character
                char escaped = src.charAt(k + 1);
                out[k] = escaped == '\'' ? '\'' : ' ';
                k++;
            } else if (c == quote && k + 1 < contentEnd && src.charAt(k + 1) == quote) {
                k++;
            } else if (c == '\'') {
                // only in a MySQL "string", where it cannot be doubled without moving what follows
                out[k] = ' ';
            }
        }
        if (closed) {
            out[end - 1] = '\'';
        }
    }

    private void dollarQuoted(int open, int end, int tag, boolean closed) {
        out[open] = '\'';
        blank(open + 1, open + tag);
        int contentEnd = closed ? end - tag : end;
        for (int k = open + tag; k < contentEnd; k++) {
            if (src.charAt(k) == '\'') {
                out[k] = ' ';
            }
        }
        if (closed) {
            blank(contentEnd, end - 1);
            out[end - 1] = '\'';
        }
    }

    /** Records a clause and blanks it; returns where scanning resumes. */
    private int carve(Kind kind, int start, int end) {
        carves.add(new Carve(kind, start, end, scanned));
        blank(start, end);
        return end;
    }

    /**
     * Where a clause starting at {@code from} ends: before a {@code ;} or a closing parenthesis it is
     * nested in, before one of {@code stops} at its own depth, or at the end of the text; trailing
     * white space and comments are left out.
     */
    private int clauseEnd(int from, Set<String> stops) {
        int nested = 0;
        int last = from;
        scanned = 0;
        for (int i = from; ; i = lex.end) {
            Tok t = lex.lex(i);
            switch (t) {
                case END:
                    return last;
                case SPACE, COMMENT:
                    continue;
                case OPEN:
                    nested++;
                    break;
                case CLOSE:
                    if (nested == 0) {
                        return last;
                    }
                    nested--;
                    break;
                case SEMI:
                    if (nested == 0) {
                        return last;
                    }
                    break;
                case WORD:
                    if (nested == 0 && isOneOf(i, lex.end, stops)) {
                        return last;
                    }
                    break;
                case PARAM:
                    scanned++;
                    break;
                default:
                    break;
            }
            last = lex.end;
        }
    }

    /** The offset just past the parenthesis that closes the one at {@code open}, or the end of the text. */
    private int matchParen(int open) {
        int nested = 0;
        scanned = 0;
        for (int i = open; ; i = lex.end) {
            Tok t = lex.lex(i);
            if (t == Tok.END) {
                return i;
            } else if (t == Tok.OPEN) {
                nested++;
            } else if (t == Tok.CLOSE && --nested == 0) {
                return lex.end;
            } else if (t == Tok.PARAM) {
                scanned++;
            }
        }
    }

    private boolean isOneOf(int start, int end, Set<String> words) {
        for (String w : words) {
            if (w.length() == end - start && src.regionMatches(true, start, w, 0, w.length())) {
                return true;
            }
        }
        return false;
    }

    /** The end of {@code keyword} if it is the next significant token after {@code from}, or -1. */
    private int follows(int from, String keyword) {
        return from < 0 ? -1 : word(lex.significant(from), keyword);
    }

    /** The end of {@code keyword} if the token at {@code at} is that word, or -1. */
    private int word(int at, String keyword) {
        if (lex.lex(at) != Tok.WORD) {
            return -1;
        }
        int end = lex.end;
        return end - at == keyword.length() && src.regionMatches(true, at, keyword, 0, keyword.length()) ? end : -1;
    }

    /** Writes {@code text} at {@code start} and blanks the rest of the token. */
    private void write(int start, int end, String text) {
        text.getChars(0, text.length(), out, start);
        blank(start + text.length(), end);
    }

    /** Blanks a range, keeping line breaks and tabs where they are so that line and column numbers hold. */
    private void blank(int start, int end) {
        for (int k = start; k < end; k++) {
            if (!MaskLexer.isSpace(out[k])) {
                out[k] = ' ';
            }
        }
    }
}
