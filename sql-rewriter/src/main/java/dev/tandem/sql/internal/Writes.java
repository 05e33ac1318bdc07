package dev.tandem.sql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.parser.SqlParseException;

import dev.tandem.sql.Catalog;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.Side;
import dev.tandem.sql.WriteShape;
import dev.tandem.sql.WriteShape.Upsert;
import dev.tandem.sql.WriteShape.Verb;

/**
 * Reads one write for what mirroring it needs: the table it changes, its verb and upsert rule, its
 * own RETURNING, and for an UPDATE or a DELETE the text that selects the rows it will change.
 */
final class Writes {

    private Writes() {
    }

    static WriteShape shape(String sql, Dialect dialect, String currentSchema, List<Migration> migrations,
            Catalog catalog) {
        if (Statements.split(sql, dialect).size() != 1) {
            return WriteShape.refused("it holds several statements, and a write to a migrated table is mirrored only"
                    + " when it is sent alone");
        }
        Masked masked = Masker.mask(sql, dialect);
        MultiTable multi = MultiTable.read(sql, masked, dialect);
        if (multi != null) {
            return MultiTableWrites.shape(sql, masked, multi, dialect, currentSchema, migrations, catalog);
        }
        String text = sql;
        String maskedText = masked.text();
        Upsert upsert = Upsert.NONE;
        MergeText merge = mergeAsInsert(sql, masked, dialect);
        if (merge != null) {
            text = merge.sql();
            maskedText = merge.masked();
            upsert = Upsert.MERGE_KEY;
        }
        SqlNode node;
        try {
            SqlNodeList parsed = Parsing.parse(maskedText, dialect);
            node = parsed.get(0);
        } catch (SqlParseException e) {
            return WriteShape.refused("it cannot be parsed: " + e.getMessage().lines().findFirst().orElse("").trim());
        }
        Parsing.Offsets offsets = new Parsing.Offsets(text);
        SqlIdentifier table;
        SqlIdentifier alias = null;
        SqlNode condition = null;
        SqlNodeList assigned = null;
        SqlInsert inserted = null;
        Verb verb;
        if (node instanceof SqlInsert insert && insert.getTargetTable() instanceof SqlIdentifier id) {
            table = id;
            inserted = insert;
            verb = Verb.INSERT;
        } else if (node instanceof SqlUpdate update && update.getTargetTable() instanceof SqlIdentifier id) {
            table = id;
            alias = update.getAlias();
            condition = update.getCondition();
            assigned = update.getTargetColumnList();
            verb = Verb.UPDATE;
        } else if (node instanceof SqlDelete delete && delete.getTargetTable() instanceof SqlIdentifier id) {
            table = id;
            alias = delete.getAlias();
            condition = delete.getCondition();
            verb = Verb.DELETE;
        } else if (node instanceof SqlMerge) {
            return WriteShape.refused("MERGE … USING changes rows Tandem cannot find before it runs; write it as"
                    + " INSERT … ON CONFLICT (PostgreSQL), INSERT … ON DUPLICATE KEY UPDATE (MariaDB) or"
                    + " MERGE INTO … KEY (…) (H2)");
        } else {
            return WriteShape.refused("it is not a plain INSERT, UPDATE or DELETE of one table");
        }
        int parts = table.names.size();
        String written = text(text, offsets, table.getComponent(parts - 1));
        String writtenSchema = parts > 1 ? text(text, offsets, table.getComponent(parts - 2)) : null;
        Migration migration = null;
        Side side = null;
        for (Migration m : migrations) {
            for (Side s : Side.values()) {
                if (migration == null && m.table(s).isNamedBy(dialect, writtenSchema, written, currentSchema)) {
                    migration = m;
                    side = s;
                }
            }
        }
        int end = end(sql, dialect);
        if (migration == null) {
            return WriteShape.unmigrated(end);
        }
        List<String> keys = migration.key(dialect, side);
        if (keys.stream().anyMatch(java.util.Objects::isNull)) {
            return WriteShape.refused("the key of migration " + migration.id() + " is computed in the target, so a row"
                    + " cannot be found there by it");
        }
        if (merge == null) {
            upsert = upsert(sql, masked, offsets.start(table.getParserPosition()));
        }
        String returning = null;
        String fromList = null;
        for (Masked.Carve carve : masked.carved()) {
            if (carve.kind() == Masked.Kind.FROM_LIST) {
                // Rows are copied by key after the statement, so a written row that several rows of the list
                // match, or a list that names the written table again, is still mirrored exactly: PostgreSQL
                // changes each row once, and RETURNING gives each changed row once.
                fromList = carve.in(sql);
            } else if (carve.kind() == Masked.Kind.RETURNING) {
                returning = carve.in(sql);
            } else if ((carve.kind() == Masked.Kind.ON_CONFLICT || carve.kind() == Masked.Kind.ON_DUPLICATE_KEY)
                    && assigns(carve.in(sql), keys)) {
                return WriteShape.refused("its upsert may change the key (" + String.join(", ", keys) + ") of a row of"
                        + " migration " + migration.id() + ", and rows are mirrored by key");
            }
        }
        if (assigned != null) {
            for (SqlNode column : assigned) {
                SqlIdentifier id = (SqlIdentifier) column;
                String name = dialect.canonical(text(text, offsets, id.getComponent(id.names.size() - 1)));
                for (String key : keys) {
                    if (dialect.canonical(key).equals(name)) {
                        return WriteShape.refused("it changes the key column " + key + " of migration " + migration.id()
                                + ", and rows are mirrored by key; delete the row and insert it with its new key");
                    }
                }
            }
        }
        String captureFrom = null;
        String qualifier = null;
        int[] parameters = new int[0];
        String givenKeys = null;
        if (inserted != null && (upsert == Upsert.ON_DUPLICATE_KEY || upsert == Upsert.REPLACE)) {
            List<Integer> keyParameters = new ArrayList<>();
            givenKeys = givenKeys(inserted, keys, dialect, sql, masked, offsets, keyParameters);
            parameters = keyParameters.stream().mapToInt(Integer::intValue).toArray();
        }
        int conditionStart = -1;
        int conditionEnd = -1;
        int parametersBefore = 0;
        if (verb != Verb.INSERT) {
            int tableStart = offsets.start(table.getParserPosition());
            int tableEnd = offsets.end(alias != null ? alias.getParserPosition() : table.getParserPosition());
            qualifier = alias != null ? text(text, offsets, alias) : text.substring(tableStart,
                    offsets.end(table.getParserPosition()));
            StringBuilder from = new StringBuilder("FROM ").append(sql, tableStart, tableEnd);
            int whereStart = condition == null ? -1 : whereEnd(masked.text(), dialect, tableEnd);
            if (condition != null && whereStart < 0) {
                return WriteShape.refused("Tandem could not find where its WHERE clause starts");
            }
            int whereEnd = end;
            for (Masked.Carve carve : masked.carved()) {
                if (carve.start() >= Math.max(whereStart, tableEnd) && carve.start() < whereEnd) {
                    whereEnd = carve.start();
                }
            }
            if (condition != null) {
                from.append(" WHERE").append(sql, whereStart, whereEnd);
                parameters = parameters(sql, masked, whereStart, whereEnd);
            }
            // with a FROM or USING list, the condition may name the list's tables: no select of the table alone
            captureFrom = fromList == null ? from.toString() : null;
            conditionStart = whereStart;
            conditionEnd = whereEnd;
            parametersBefore = parameters(sql, masked, 0, whereEnd).length;
        }
        return new WriteShape(migration, side, verb, upsert, returning, returning != null && givesKey(returning, keys,
                dialect), end, captureFrom, qualifier, parameters, null, conditionStart, conditionEnd, parametersBefore,
                fromList, givenKeys);
    }

    /**
     * {@code SELECT <the key values of row 1> UNION ALL SELECT …} when {@code insert} names its columns and its
     * VALUES give every key column as a number or a JDBC parameter (whose numbers go to {@code parameters});
     * null otherwise.
     */
    private static String givenKeys(SqlInsert insert, List<String> keys, Dialect dialect, String sql, Masked masked,
            Parsing.Offsets offsets, List<Integer> parameters) {
        SqlNodeList columns = insert.getTargetColumnList();
        if (columns == null || !(insert.getSource() instanceof SqlCall values) || values.getKind() != SqlKind.VALUES) {
            return null;
        }
        int[] at = new int[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            at[k] = -1;
            for (int c = 0; c < columns.size(); c++) {
                SqlIdentifier column = (SqlIdentifier) columns.get(c);
                String name = text(sql, offsets, column.getComponent(column.names.size() - 1));
                if (dialect.canonical(name).equals(dialect.canonical(keys.get(k)))) {
                    at[k] = c;
                }
            }
            if (at[k] < 0) {
                return null;
            }
        }
        StringBuilder select = new StringBuilder();
        for (SqlNode row : values.getOperandList()) {
            if (!(row instanceof SqlCall call) || call.getKind() != SqlKind.ROW || call.operandCount() != columns.size()) {
                return null;
            }
            select.append(select.length() == 0 ? "SELECT " : " UNION ALL SELECT ");
            for (int k = 0; k < at.length; k++) {
                SqlNode value = call.operand(at[k]);
                select.append(k == 0 ? "" : ", ");
                if (value instanceof SqlNumericLiteral) {
                    select.append(text(sql, offsets, value));
                } else if (value instanceof SqlDynamicParam) {
                    int start = offsets.start(value.getParserPosition());
                    parameters.add(parameters(sql, masked, 0, start).length + 1);
                    select.append('?');
                } else {
                    return null;
                }
            }
        }
        return select.toString();
    }

    private static String text(String sql, Parsing.Offsets offsets, SqlNode node) {
        return sql.substring(offsets.start(node.getParserPosition()), offsets.end(node.getParserPosition()));
    }

    /**
     * H2's {@code MERGE INTO t [(c, …)] KEY (k) VALUES|SELECT …}, which Calcite does not read, spelled as the
     * INSERT it has the shape of: {@code MERGE} becomes {@code INSERT}, and the blanked KEY clause gives
     * up one character so that everything after it keeps its offset.
     *
     * @param sql    the statement so spelled
     * @param masked its masked text so spelled
     * @param start  where {@code MERGE} starts
     * @param cut    the offset of the character dropped: offsets in {@code (start, cut]} of the new text
     *               are one more than in the statement
     */
    record MergeText(String sql, String masked, int start, int cut) {

        /** The offset in the statement of {@code offset} in the new text. */
        int original(int offset) {
            return offset > start && offset <= cut ? offset - 1 : offset;
        }
    }

    /** {@code sql} read as an INSERT when it is H2's MERGE … KEY; null for any other statement. */
    static MergeText mergeAsInsert(String sql, Masked masked, Dialect dialect) {
        int at = mergeStart(sql, dialect);
        if (at < 0) {
            return null;
        }
        for (Masked.Carve carve : masked.carved()) {
            if (carve.kind() == Masked.Kind.OTHER) {
                int cut = carve.end() - 1;
                return new MergeText(join(sql, at, cut), join(masked.text(), at, cut), at, cut);
            }
        }
        return null;
    }

    /** Where an H2 statement's leading MERGE starts, or -1 when it does not start with MERGE. */
    private static int mergeStart(String sql, Dialect dialect) {
        if (dialect != Dialect.H2) {
            return -1;
        }
        MaskLexer lexer = new MaskLexer(sql, dialect);
        int at = 0;
        MaskLexer.Tok token = lexer.lex(at);
        while (token == MaskLexer.Tok.SPACE || token == MaskLexer.Tok.COMMENT) {
            at = lexer.end;
            token = lexer.lex(at);
        }
        return token == MaskLexer.Tok.WORD && sql.substring(at, lexer.end).equalsIgnoreCase("MERGE") ? at : -1;
    }

    private static String join(String text, int merge, int cut) {
        return text.substring(0, merge) + "INSERT" + text.substring(merge + 5, cut) + text.substring(cut + 1);
    }

    private static Upsert upsert(String sql, Masked masked, int tableStart) {
        for (Masked.Carve carve : masked.carved()) {
            if (carve.kind() == Masked.Kind.ON_CONFLICT) {
                return Upsert.ON_CONFLICT;
            }
            if (carve.kind() == Masked.Kind.ON_DUPLICATE_KEY) {
                return Upsert.ON_DUPLICATE_KEY;
            }
        }
        String head = sql.substring(0, tableStart).toUpperCase(Locale.ROOT);
        if (Pattern.compile("\\bREPLACE\\b").matcher(head).find()) {
            return Upsert.REPLACE;
        }
        return Pattern.compile("\\bIGNORE\\b").matcher(head).find() ? Upsert.IGNORE : Upsert.NONE;
    }

    /** Whether an upsert clause may assign one of {@code keys}: the name followed by {@code =}. */
    private static boolean assigns(String clause, List<String> keys) {
        for (String key : keys) {
            String bare = key.replace("\"", "").replace("`", "");
            if (Pattern.compile("(?i)(^|[^\\w.])[\"`]?" + Pattern.quote(bare) + "[\"`]?\\s*=(?!=)").matcher(clause).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean givesKey(String returning, List<String> keys, Dialect dialect) {
        if (returning.contains("*")) {
            return true;
        }
        List<String> words = new ArrayList<>();
        for (String word : returning.substring("RETURNING".length()).split("[\\s,().]+")) {
            if (!word.isEmpty()) {
                words.add(dialect.canonical(word));
            }
        }
        for (String key : keys) {
            if (!words.contains(dialect.canonical(key))) {
                return false;
            }
        }
        return true;
    }

    /** Where the statement ends: after its last token that is not space, a comment or a semicolon. */
    static int end(String sql, Dialect dialect) {
        MaskLexer lexer = new MaskLexer(sql, dialect);
        int end = 0;
        for (int i = 0; ; i = lexer.end) {
            MaskLexer.Tok token = lexer.lex(i);
            if (token == MaskLexer.Tok.END) {
                return end;
            }
            if (token != MaskLexer.Tok.SPACE && token != MaskLexer.Tok.COMMENT && token != MaskLexer.Tok.SEMI) {
                end = lexer.end;
            }
        }
    }

    /** Just past the first WHERE outside parentheses after {@code from} in the masked text, or -1. */
    private static int whereEnd(String masked, Dialect dialect, int from) {
        MaskLexer lexer = new MaskLexer(masked, dialect);
        int depth = 0;
        for (int i = from; ; i = lexer.end) {
            MaskLexer.Tok token = lexer.lex(i);
            switch (token) {
                case END:
                    return -1;
                case OPEN:
                    depth++;
                    break;
                case CLOSE:
                    depth--;
                    break;
                case WORD:
                    if (depth == 0 && masked.substring(i, lexer.end).equalsIgnoreCase("WHERE")) {
                        return lexer.end;
                    }
                    break;
                default:
                    break;
            }
        }
    }

    /** The JDBC parameters (from 1) in {@code [start, end)} of the statement. */
    static int[] parameters(String sql, Masked masked, int start, int end) {
        int before = 0;
        List<Integer> inside = new ArrayList<>();
        for (Masked.Carve carve : masked.carved()) {
            if (carve.end() <= start) {
                before += carve.parameters();
            }
        }
        String text = masked.text();
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '?' && sql.charAt(i) == '?') {
                if (i < start) {
                    before++;
                } else {
                    inside.add(before + inside.size() + 1);
                }
            }
        }
        return inside.stream().mapToInt(Integer::intValue).toArray();
    }
}
