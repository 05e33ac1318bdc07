package dev.tandem.sql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import dev.tandem.sql.Dialect;

/**
 * The mapping's expressions ({@code toTarget}, {@code toSource}) with their column references
 * qualified, so that they mean the same wherever a statement puts them, or replaced by the values a
 * write gives those columns. Each expression is parsed once per dialect.
 */
final class Expressions {

    private static final String PREFIX = "SELECT ";

    /** Where an expression's unqualified column names are: start and end of each, per expression and dialect. */
    private final Map<String, int[]> columnSpans = new ConcurrentHashMap<>();

    /** {@code expression} with every unqualified column prefixed by {@code qualifier + "."}. */
    String qualified(String expression, Dialect dialect, String qualifier) {
        int[] spans = spans(expression, dialect);
        StringBuilder out = new StringBuilder(expression.length() + spans.length * (qualifier.length() + 1));
        int at = 0;
        for (int i = 0; i < spans.length; i += 2) {
            out.append(expression, at, spans[i]).append(qualifier).append('.');
            at = spans[i];
        }
        return out.append(expression, at, expression.length()).toString();
    }

    /** {@code expression} with every unqualified column replaced by what {@code replacement} gives for its name. */
    String substituted(String expression, Dialect dialect, UnaryOperator<String> replacement) {
        int[] spans = spans(expression, dialect);
        StringBuilder out = new StringBuilder(expression.length() + 16);
        int at = 0;
        for (int i = 0; i < spans.length; i += 2) {
            out.append(expression, at, spans[i]).append(replacement.apply(expression.substring(spans[i], spans[i + 1])));
            at = spans[i + 1];
        }
        return out.append(expression, at, expression.length()).toString();
    }

    /** The unqualified column names {@code expression} reads, as written. */
    List<String> columns(String expression, Dialect dialect) {
        int[] spans = spans(expression, dialect);
        List<String> names = new ArrayList<>(spans.length / 2);
        for (int i = 0; i < spans.length; i += 2) {
            names.add(expression.substring(spans[i], spans[i + 1]));
        }
        return names;
    }

    private int[] spans(String expression, Dialect dialect) {
        return columnSpans.computeIfAbsent(dialect + ":" + expression, key -> locate(expression, dialect));
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
        List<int[]> spans = new ArrayList<>();
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                if (id.names.size() == 1 && !id.isStar()) {
                    spans.add(new int[] {offsets.start(id.getParserPosition()) - PREFIX.length(),
                            offsets.end(id.getParserPosition()) - PREFIX.length()});
                }
                return null;
            }
        });
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] flat = new int[spans.size() * 2];
        for (int i = 0; i < spans.size(); i++) {
            flat[2 * i] = spans.get(i)[0];
            flat[2 * i + 1] = spans.get(i)[1];
        }
        return flat;
    }
}
