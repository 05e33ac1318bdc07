package dev.tandem.sql.internal;

import java.util.EnumMap;
import java.util.Map;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import dev.tandem.sql.Dialect;

/**
 * Calcite's Babel parser, configured per dialect to keep every name as written: Tandem folds names
 * itself, and only ever reads positions from the tree.
 */
public final class Parsing {

    private static final Map<Dialect, SqlParser.Config> CONFIGS = new EnumMap<>(Dialect.class);

    static {
        for (Dialect dialect : Dialect.values()) {
            CONFIGS.put(dialect, SqlParser.config()
                    .withParserFactory(SqlBabelParserImpl.FACTORY)
                    .withConformance(SqlConformanceEnum.BABEL)
                    .withQuoting(dialect.quote() == '`' ? Quoting.BACK_TICK : Quoting.DOUBLE_QUOTE)
                    .withUnquotedCasing(Casing.UNCHANGED)
                    .withQuotedCasing(Casing.UNCHANGED)
                    .withCaseSensitive(false));
        }
    }

    private Parsing() {
    }

    /** Parses {@code text} (already masked) as a list of statements. */
    public static SqlNodeList parse(String text, Dialect dialect) throws SqlParseException {
        return SqlParser.create(text, CONFIGS.get(dialect)).parseStmtList();
    }

    /** Loads and runs the parser once, so that the first statement an application sends does not pay for it. */
    public static void warm() {
        try {
            parse("SELECT a.b, COUNT(*) FROM s.t a JOIN u ON a.x = u.y WHERE a.c = ? GROUP BY a.b ORDER BY 1", Dialect.H2);
        } catch (SqlParseException e) {
            throw new IllegalStateException("tandem: the SQL parser failed on its warm-up statement", e);
        }
    }

    /** Maps Calcite's 1-based line and column positions to offsets in the text they came from. */
    public static final class Offsets {

        private final int[] lineStarts;

        public Offsets(String text) {
            int lines = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                    lines++;
                }
            }
            lineStarts = new int[lines];
            int line = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                    lineStarts[line++] = i + 1;
                }
            }
        }

        /** Offset of the first character at {@code pos}. */
        public int start(SqlParserPos pos) {
            return lineStarts[pos.getLineNum() - 1] + pos.getColumnNum() - 1;
        }

        /** Offset just past the last character at {@code pos} (Calcite's end is inclusive). */
        public int end(SqlParserPos pos) {
            return lineStarts[pos.getEndLineNum() - 1] + pos.getEndColumnNum();
        }
    }
}
