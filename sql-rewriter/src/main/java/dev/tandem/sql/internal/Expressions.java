package dev.tandem.sql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import dev.tandem.sql.Dialect;

/**
 * The mapping's expressions ({@code toTarget}, {@code toSource}) with their column references
 * qualified, so that they mean the same wherever a statement puts them. Each expression is parsed
 * once per dialect.
 */
final class Expressions {

    private static final String PREFIX = "SELECT ";

    /** Where an expression's unqualified column names start, per expression and dialect. */
    private final Map<String, int[]> columnStarts = new ConcurrentHashMap<>();

    /** {@code expression} with every unqualified column prefixed by {@code qualifier + "."}. */
    String qualified(String expression, Dialect dialect, String qualifier) {
        int[] starts = columnStarts.computeIfAbsent(dialect + ":" + expression, key -> locate(expression, dialect));
        StringBuilder out = new StringBuilder(expression.length() + starts.length * (qualifier.length() + 1));
        int at = 0;
        for (int start : starts) {
            out.append(expression, at, start).append(qualifier).append('.');
            at = start;
        }
        return out.append(expression, at, expression.length()).toString();
    }

    private static int[] locate(String expression, Dialect dialect) {
        String text = PREFIX + expression;
        SqlNode node;
        try {
            node = Parsing.parse(Masker.mask(text, dialect).text(), dialect).get(0);
        } catch (SqlParseException e) {
            throw new IllegalArgumentException("expression does not parse: " + expression + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        Parsing.Offsets offsets = new Parsing.Offsets(text);
        List<Integer> starts = new ArrayList<>();
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                if (id.names.size() == 1 && !id.isStar()) {
                    starts.add(offsets.start(id.getParserPosition()) - PREFIX.length());
                }
                return null;
            }
        });
        return starts.stream().sorted().mapToInt(Integer::intValue).toArray();
    }
}
