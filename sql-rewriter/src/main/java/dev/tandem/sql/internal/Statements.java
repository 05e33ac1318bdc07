package dev.tandem.sql.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;

import dev.tandem.sql.Analysis;
import dev.tandem.sql.Catalog;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.Side;
import dev.tandem.sql.StatementKind;
import dev.tandem.sql.TableReference;
import dev.tandem.sql.WriteShape;

/** The uncached work behind {@code SqlRewriter}: mask, parse, walk, splice. */
public final class Statements {

    /** A translated statement, or the reason there is none. */
    public record Result(String sql, String reason) {
    }

    private final List<Migration> migrations;
    private final Catalog catalog;
    private final WordScan scan;
    private final Expressions expressions = new Expressions();

    public Statements(List<Migration> migrations, Catalog catalog, Set<String> names) {
        this.migrations = migrations;
        this.catalog = catalog;
        this.scan = new WordScan(names);
    }

    public static void warm() {
        Parsing.warm();
    }

    /** Why {@code expression} is not a single SQL expression in {@code dialect}, or null. */
    public static String expressionProblem(String expression, Dialect dialect) {
        if (expression.isBlank()) {
            return "the expression is empty";
        }
        String text = "SELECT " + expression;
        try {
            SqlNodeList parsed = Parsing.parse(Masker.mask(text, dialect).text(), dialect);
            if (parsed.size() == 1 && parsed.get(0) instanceof org.apache.calcite.sql.SqlSelect select
                    && select.getSelectList().size() == 1 && select.getFrom() == null && select.getWhere() == null
                    && select.getOrderList() == null) {
                return null;
            }
            return "this is not one expression: " + expression;
        } catch (SqlParseException e) {
            return parseProblem(e);
        }
    }

    public boolean mayName(String sql) {
        return scan.mayName(sql);
    }

    public Analysis analyze(String sql, Dialect dialect, String currentSchema) {
        Shape shape = shape(sql, dialect);
        StatementKind kind = shape.kind();
        int count = shape.statements();
        if (kind != StatementKind.READ && kind != StatementKind.WRITE) {
            return new Analysis(kind, count, wordReferences(sql, dialect), false, null);
        }
        Masked masked = Masker.mask(sql, dialect);
        MultiTable multi = kind == StatementKind.WRITE && count == 1 ? MultiTable.read(sql, masked, dialect) : null;
        if (multi != null) {
            return multiTable(sql, multi, dialect, currentSchema);
        }
        boolean locking = masked.carved().stream().anyMatch(c -> c.kind() == Masked.Kind.LOCK);
        Writes.MergeText merge = Writes.mergeAsInsert(sql, masked, dialect);
        if (merge != null) {
            masked = new Masked(merge.masked(), List.of()); // H2's MERGE … KEY, read as the INSERT it has the shape of
        }
        Walker walker = new Walker(merge != null ? merge.sql() : sql, masked, dialect, currentSchema, migrations, catalog,
                null, expressions);
        try {
            fromLists(walker, masked, dialect);
            for (SqlNode statement : Parsing.parse(masked.text(), dialect)) {
                walker.statement(statement);
            }
        } catch (SqlParseException e) {
            return new Analysis(kind, count, wordReferences(sql, dialect), locking, parseProblem(e));
        } catch (Walker.Refusal e) {
            // the walk stopped part-way: the word scan finds every name it did not reach
            return new Analysis(kind, count, wordReferences(sql, dialect), locking, e.getMessage());
        }
        List<TableReference> references = new ArrayList<>();
        for (TableReference reference : walker.references) {
            references.add(merge == null ? reference : new TableReference(reference.migration(), reference.side(),
                    merge.original(reference.start()), merge.original(reference.end())));
        }
        references.sort(Comparator.comparingInt(TableReference::start));
        return new Analysis(kind, count, references, locking, null);
    }

    /**
     * A MariaDB multi-table UPDATE or DELETE, walked as the query that stands in for it: its table
     * references, the values its SET gives and its condition (the tables a DELETE names before FROM or
     * USING are names of its table references, found there).
     */
    private Analysis multiTable(String sql, MultiTable multi, Dialect dialect, String currentSchema) {
        Walker walker = new Walker(multi.query(), new Masked(multi.maskedQuery(), List.of()), dialect, currentSchema,
                migrations, catalog, null, expressions);
        try {
            walker.statement(Parsing.parse(multi.maskedQuery(), dialect).get(0));
        } catch (SqlParseException e) {
            return new Analysis(StatementKind.WRITE, 1, wordReferences(sql, dialect), false, parseProblem(e));
        } catch (Walker.Refusal e) {
            return new Analysis(StatementKind.WRITE, 1, wordReferences(sql, dialect), false, e.getMessage());
        }
        List<TableReference> references = new ArrayList<>();
        for (TableReference reference : walker.references) {
            references.add(new TableReference(reference.migration(), reference.side(), multi.original(reference.start()),
                    multi.originalEnd(reference.end())));
        }
        references.sort(Comparator.comparingInt(TableReference::start));
        return new Analysis(StatementKind.WRITE, 1, references, false, null);
    }

    /** Parses the FROM and USING lists carved out of PostgreSQL's UPDATE and DELETE, for the walk to see. */
    static void fromLists(Walker walker, Masked masked, Dialect dialect) throws SqlParseException {
        for (Masked.Carve carve : masked.carved()) {
            if (carve.kind() == Masked.Kind.FROM_LIST) {
                SqlNode select = Parsing.parse(carve.select(), dialect).get(0);
                walker.fromLists.put(carve.start(), ((org.apache.calcite.sql.SqlSelect) select).getFrom());
            }
        }
    }

    /** What mirroring {@code sql}, a write, needs to know; see {@link WriteShape}. */
    public WriteShape write(String sql, Dialect dialect, String currentSchema) {
        return Writes.shape(sql, dialect, currentSchema, migrations, catalog);
    }

    public Result translate(String sql, Dialect dialect, String currentSchema, Side servedFrom) {
        StatementKind kind = shape(sql, dialect).kind();
        if (kind != StatementKind.READ) {
            return new Result(null, "not a read (" + kind.name().toLowerCase(Locale.ROOT) + ")");
        }
        if (dialect.mariadb() && (sql.contains("/*!") || sql.contains("/*M!"))) {
            return new Result(null, "MariaDB runs the SQL inside /*! … */ comments, which Tandem does not read");
        }
        SqlNodeList parsed;
        Masked masked = Masker.mask(sql, dialect);
        try {
            parsed = Parsing.parse(masked.text(), dialect);
        } catch (SqlParseException e) {
            return new Result(null, parseProblem(e));
        }
        Walker walker = new Walker(sql, masked, dialect, currentSchema, migrations, catalog, servedFrom, expressions);
        try {
            for (SqlNode statement : parsed) {
                walker.statement(statement);
            }
        } catch (Walker.Refusal e) {
            return new Result(null, e.getMessage());
        }
        return new Result(splice(sql, walker.edits), null);
    }

    /** A write translated to the other table, with where its parameters come from, or the reason there is none. */
    public record Translation(String sql, int[] parameters, String reason) {
    }

    /** The first character marking a parameter while a write is translated: {@code ?} number n is this plus n. */
    private static final char MARK = '\uE000';
    private static final int MARKS = 0x18FF;

    /**
     * {@code sql}, a write naming the source of a migration, translated to change the target instead:
     * the table, its columns, the values given to them and every read of a migrated table inside.
     *
     * <p>Values may be dropped (a column only in the source) or read twice (a computed column), so the
     * parameters move: while the text is spliced each {@code ?} is a private-use character numbering
     * it, and reading the spliced text back gives the parameter map.
     */
    public Translation translateWrite(String sql, Dialect dialect, String currentSchema) {
        Shape shape = shape(sql, dialect);
        if (shape.kind() != StatementKind.WRITE) {
            return new Translation(null, null, "not a write (" + shape.kind().name().toLowerCase(Locale.ROOT) + ")");
        }
        if (shape.statements() != 1) {
            return new Translation(null, null, "it holds several statements; send a write to a migrated table alone");
        }
        if (dialect.mariadb() && (sql.contains("/*!") || sql.contains("/*M!"))) {
            return new Translation(null, null, "MariaDB runs the SQL inside /*! … */ comments, which Tandem does not read");
        }
        char[] marked = sql.toCharArray();
        for (char c : marked) {
            if (c >= MARK && c <= MARK + MARKS) {
                return new Translation(null, null, "it holds a private-use character, which Tandem uses to follow parameters");
            }
        }
        MaskLexer lexer = new MaskLexer(sql, dialect);
        int count = 0;
        for (int i = 0; ; i = lexer.end) {
            MaskLexer.Tok token = lexer.lex(i);
            if (token == MaskLexer.Tok.END) {
                break;
            }
            if (token == MaskLexer.Tok.PARAM) {
                if (++count > MARKS) {
                    return new Translation(null, null, "it has more than " + MARKS + " parameters");
                }
                marked[i] = (char) (MARK + count);
            }
        }
        String markedSql = new String(marked);
        Masked masked = Masker.mask(sql, dialect);
        if (MultiTable.read(sql, masked, dialect) != null) {
            return new Translation(null, null, "a MariaDB multi-table UPDATE or DELETE is not translated to the other"
                    + " table; write it as an UPDATE or DELETE of one table with a subquery (… WHERE id IN (SELECT …))");
        }
        if (Writes.mergeAsInsert(sql, masked, dialect) != null) {
            return new Translation(null, null, "H2's MERGE … KEY is not translated to the other table");
        }
        SqlNodeList parsed;
        try {
            parsed = Parsing.parse(masked.text(), dialect);
        } catch (SqlParseException e) {
            return new Translation(null, null, parseProblem(e));
        }
        Walker walker = new Walker(markedSql, masked, dialect, currentSchema, migrations, catalog, Side.TARGET,
                expressions);
        String spliced;
        try {
            walker.statement(parsed.get(0));
            walker.carved(masked.carved());
            spliced = splice(markedSql, walker.edits);
        } catch (Walker.Refusal e) {
            return new Translation(null, null, e.getMessage());
        }
        StringBuilder out = new StringBuilder(spliced.length());
        int[] parameters = new int[spliced.length()];
        int found = 0;
        boolean same = true;
        for (int i = 0; i < spliced.length(); i++) {
            char c = spliced.charAt(i);
            if (c > MARK && c <= MARK + count) {
                out.append('?');
                parameters[found] = c - MARK;
                same &= parameters[found] == found + 1;
                found++;
            } else {
                out.append(c);
            }
        }
        same &= found == count;
        return new Translation(out.toString(), same ? null : java.util.Arrays.copyOf(parameters, found), null);
    }

    /** Applies non-overlapping edits to the original text; every other byte stays as it was. */
    static String splice(String sql, List<Walker.Edit> edits) {
        if (edits.isEmpty()) {
            return sql;
        }
        List<Walker.Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Walker.Edit::start).thenComparingInt(Walker.Edit::end));
        StringBuilder out = new StringBuilder(sql.length() + 32);
        int at = 0;
        Walker.Edit previous = null;
        for (Walker.Edit edit : sorted) {
            if (edit.equals(previous)) {
                continue; // a node the parser shares between two places (the operand of a simple CASE)
            }
            previous = edit;
            if (edit.start() < at) {
                throw new IllegalStateException("overlapping edits at " + edit.start() + " in: " + sql);
            }
            out.append(sql, at, edit.start()).append(edit.text());
            at = edit.end();
        }
        return out.append(sql, at, sql.length()).toString();
    }

    /**
     * The migrated tables a statement that is not parsed names, found by the word scan and kept only
     * where the lexer sees a name (a word or a quoted name), not a string or a comment.
     */
    private List<TableReference> wordReferences(String sql, Dialect dialect) {
        List<TableReference> references = new ArrayList<>();
        List<int[]> found = scan.find(sql);
        if (found.isEmpty()) {
            return references;
        }
        MaskLexer lexer = new MaskLexer(sql, dialect);
        List<int[]> names = new ArrayList<>();
        for (int i = 0, next = 0; next < found.size(); i = lexer.end) {
            MaskLexer.Tok token = lexer.lex(i);
            if (token == MaskLexer.Tok.END) {
                break;
            }
            while (next < found.size() && found.get(next)[0] < lexer.end) {
                int[] span = found.get(next++);
                if (token == MaskLexer.Tok.WORD && span[0] == i && span[1] == lexer.end) {
                    names.add(span);
                } else if (token == MaskLexer.Tok.QUOTED && span[0] == i + 1 && span[1] == lexer.end - 1) {
                    names.add(new int[] {i, lexer.end});
                }
            }
        }
        for (int[] span : names) {
            String word = sql.substring(span[0], span[1]);
            for (Migration migration : migrations) {
                for (Side side : Side.values()) {
                    if (migration.table(side).isNamedBy(dialect, null, word, null)) {
                        references.add(new TableReference(migration, side, span[0], span[1]));
                    }
                }
            }
        }
        return references;
    }

    private static String parseProblem(SqlParseException e) {
        return "cannot parse: " + e.getMessage().lines().findFirst().orElse("").trim();
    }

    /**
     * What a string of one or more statements is, from one pass of the lexer.
     *
     * @param kind       the kind of each statement from its first keyword; a string mixing kinds takes the
     *                   one that asks most of routing (DDL, then write, session, other, read), so that only
     *                   a string of reads alone is ever served as a read
     * @param statements how many statements it holds
     */
    public record Shape(StatementKind kind, int statements) {
    }

    public static Shape shape(String sql, Dialect dialect) {
        List<int[]> pieces = split(sql, dialect);
        if (pieces.size() == 1) {
            return new Shape(firstKind(sql, dialect), 1);
        }
        StatementKind strongest = null;
        for (int[] piece : pieces) {
            StatementKind kind = firstKind(sql.substring(piece[0], piece[1]), dialect);
            if (strongest == null || STRENGTH.indexOf(kind) < STRENGTH.indexOf(strongest)) {
                strongest = kind;
            }
        }
        return new Shape(strongest, pieces.size());
    }

    private static final List<StatementKind> STRENGTH = List.of(StatementKind.DDL, StatementKind.WRITE,
            StatementKind.SESSION, StatementKind.OTHER, StatementKind.READ);

    /**
     * The spans of the statements in {@code sql}, split at semicolons that are not inside a string,
     * a quoted name or a comment; pieces holding only space and comments are dropped, except that a
     * text with no statement at all is one (empty) piece.
     */
    static List<int[]> split(String sql, Dialect dialect) {
        if (sql.indexOf(';') < 0) {
            return List.of(new int[] {0, sql.length()});
        }
        MaskLexer lexer = new MaskLexer(sql, dialect);
        List<int[]> pieces = new ArrayList<>();
        int start = 0;
        boolean content = false;
        int i = 0;
        while (true) {
            MaskLexer.Tok token = lexer.lex(i);
            if (token == MaskLexer.Tok.END || token == MaskLexer.Tok.SEMI) {
                if (content) {
                    pieces.add(new int[] {start, i});
                }
                if (token == MaskLexer.Tok.END) {
                    break;
                }
                start = lexer.end;
                content = false;
            } else if (token != MaskLexer.Tok.SPACE && token != MaskLexer.Tok.COMMENT) {
                content = true;
            }
            i = lexer.end;
        }
        return pieces.isEmpty() ? List.of(new int[] {0, sql.length()}) : pieces;
    }

    /**
     * The kind of one statement from its first keyword, after comments and opening parentheses; a
     * WITH whose body or CTEs change rows ({@code WITH d AS (DELETE … RETURNING …) SELECT …}) is a write.
     */
    private static StatementKind firstKind(String sql, Dialect dialect) {
        MaskLexer lexer = new MaskLexer(sql, dialect);
        int i = 0;
        MaskLexer.Tok token = lexer.lex(i);
        while (token == MaskLexer.Tok.SPACE || token == MaskLexer.Tok.COMMENT || token == MaskLexer.Tok.OPEN) {
            i = lexer.end;
            token = lexer.lex(i);
        }
        if (token != MaskLexer.Tok.WORD) {
            return StatementKind.OTHER;
        }
        String word = sql.substring(i, lexer.end).toUpperCase(Locale.ROOT);
        return switch (word) {
            case "WITH" -> changesRows(sql, lexer, lexer.end) ? StatementKind.WRITE : StatementKind.READ;
            // H2 selects from the rows a change made: SELECT … FROM FINAL TABLE (INSERT …)
            case "SELECT" -> dialect == Dialect.H2 && changesRows(sql, lexer, lexer.end)
                    ? StatementKind.WRITE : StatementKind.READ;
            case "VALUES", "TABLE" -> StatementKind.READ;
            case "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "UPSERT" -> StatementKind.WRITE;
            case "CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "COMMENT", "GRANT", "REVOKE" -> StatementKind.DDL;
            case "SET", "USE", "BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "RESET", "SHOW",
                    "DISCARD", "LOCK", "UNLOCK" -> StatementKind.SESSION;
            default -> StatementKind.OTHER;
        };
    }

    /** Whether a WITH statement holds INSERT, DELETE, MERGE, or an UPDATE that is not {@code FOR [NO KEY] UPDATE}. */
    private static boolean changesRows(String sql, MaskLexer lexer, int from) {
        String previous = "";
        for (int i = from; ; i = lexer.end) {
            MaskLexer.Tok token = lexer.lex(i);
            if (token == MaskLexer.Tok.END) {
                return false;
            }
            if (token != MaskLexer.Tok.WORD) {
                if (token != MaskLexer.Tok.SPACE && token != MaskLexer.Tok.COMMENT) {
                    previous = "";
                }
                continue;
            }
            String word = sql.substring(i, lexer.end).toUpperCase(Locale.ROOT);
            if (word.equals("INSERT") || word.equals("DELETE") || word.equals("MERGE")
                    || word.equals("UPDATE") && !previous.equals("FOR") && !previous.equals("KEY")) {
                return true;
            }
            previous = word;
        }
    }
}
