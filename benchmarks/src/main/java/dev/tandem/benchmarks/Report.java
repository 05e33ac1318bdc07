package dev.tandem.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results ({@code -rf json}) into the markdown tables of {@code benchmarks/README.md}:
 * per benchmark, one row per driver with the score ± its 99.9% error, the ratio to {@code raw} in the
 * same run (with the range the two intervals allow) and bytes allocated per operation ({@code -prof gc});
 * then DESIGN §9's budgets, each met, not met, or not resolved by the run.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.tandem.benchmarks.Report RESULT.json… &gt; results.md</pre>
 */
public final class Report {

    /** One JMH result: a benchmark method with one driver. */
    record Row(String benchmark, String driver, double score, double error, String unit, double bytes, double bytesError) {
        double low() {
            return Double.isNaN(error) ? score : score - error;
        }

        double high() {
            return Double.isNaN(error) ? score : score + error;
        }
    }

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, List<Row>> byBenchmark = new LinkedHashMap<>();
        for (String file : args) {
            for (Object result : (List<?>) new Json(Files.readString(Path.of(file))).value()) {
                Row row = row((Map<?, ?>) result);
                byBenchmark.computeIfAbsent(row.benchmark(), b -> new ArrayList<>()).add(row);
            }
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<Row>> benchmark : byBenchmark.entrySet()) {
            table(out, benchmark.getKey(), benchmark.getValue());
        }
        budgets(out, byBenchmark);
        System.out.print(out);
    }

    private static Row row(Map<?, ?> result) {
        String benchmark = ((String) result.get("benchmark")).replace("dev.tandem.benchmarks.", "");
        Map<?, ?> params = (Map<?, ?>) result.get("params");
        String driver = params == null ? "" : String.join(", ", params.values().stream().map(String::valueOf).toList());
        Map<?, ?> primary = (Map<?, ?>) result.get("primaryMetric");
        double bytes = Double.NaN;
        double bytesError = Double.NaN;
        Map<?, ?> secondary = (Map<?, ?>) result.get("secondaryMetrics");
        if (secondary != null && secondary.get("gc.alloc.rate.norm") instanceof Map<?, ?> norm) {
            bytes = number(norm.get("score"));
            bytesError = number(norm.get("scoreError"));
        }
        return new Row(benchmark, driver, number(primary.get("score")), number(primary.get("scoreError")),
                (String) primary.get("scoreUnit"), bytes, bytesError);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN; // JMH writes "NaN" as a string
    }

    private static void table(StringBuilder out, String benchmark, List<Row> rows) {
        Row raw = rows.stream().filter(r -> r.driver().equals("raw")).findFirst().orElse(null);
        out.append("#### ").append(benchmark).append("\n\n");
        out.append("| params | score ± error | ratio to raw [range] | B/op ± error |\n|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.driver().isEmpty() ? "-" : row.driver())
                    .append(" | ").append(fmt(row.score())).append(" ± ").append(fmt(row.error())).append(' ').append(row.unit())
                    .append(" | ").append(raw == null ? "" : ratio(row, raw))
                    .append(" | ").append(Double.isNaN(row.bytes()) ? "" : fmt(row.bytes()) + " ± " + fmt(row.bytesError()))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private static String ratio(Row row, Row raw) {
        String ratio = String.format(Locale.ROOT, "%.2fx", row.score() / raw.score());
        if (Double.isNaN(row.error()) || Double.isNaN(raw.error())) {
            return ratio;
        }
        return ratio + String.format(Locale.ROOT, " [%.2f, %.2f]", row.low() / raw.high(), row.high() / raw.low());
    }

    private static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "?";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }

    /** DESIGN §9 on the peer benchmarks' workloads. */
    private static void budgets(StringBuilder out, Map<String, List<Row>> byBenchmark) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<Row>> benchmark : byBenchmark.entrySet()) {
            if (!benchmark.getKey().startsWith("Peer")) {
                continue;
            }
            Map<String, Row> rows = new LinkedHashMap<>();
            benchmark.getValue().forEach(r -> rows.put(r.driver(), r));
            Row raw = rows.get("raw");
            if (raw == null) {
                continue;
            }
            String name = benchmark.getKey().substring(benchmark.getKey().indexOf('.') + 1);
            boolean read = benchmark.getKey().startsWith("PeerRead");
            within(lines, name, "tandem-passthrough", rows.get("tandem-passthrough"), raw, 1.03);
            if (read) {
                within(lines, name, "tandem-routed", rows.get("tandem-routed"), raw, 1.10);
            } else {
                within(lines, name, "tandem-mirrored", rows.get("tandem-mirrored"), raw, 2.2);
            }
            for (String peer : List.of("p6spy", "datasource-proxy", "shardingsphere-single")) {
                below(lines, name, "tandem-passthrough", rows.get("tandem-passthrough"), peer, rows.get(peer));
            }
            below(lines, name, "tandem-routed", rows.get("tandem-routed"), "shardingsphere-routed", rows.get("shardingsphere-routed"));
        }
        if (lines.isEmpty()) {
            return;
        }
        out.append("#### Budgets (DESIGN §9)\n\n| workload | budget | verdict |\n|---|---|---|\n");
        lines.forEach(out::append);
        out.append('\n');
    }

    private static void within(List<String> lines, String workload, String driver, Row row, Row raw, double limit) {
        if (row == null) {
            return;
        }
        String verdict = unknown(row, raw) ? "no verdict: the run gave no error"
                : row.high() / raw.low() <= limit ? "met"
                : row.low() / raw.high() > limit ? "**not met**" : "not resolved (the intervals straddle it)";
        lines.add(String.format(Locale.ROOT, "| %s | %s within %.2fx of raw | %s (%.2fx) |%n", workload, driver, limit,
                verdict, row.score() / raw.score()));
    }

    private static void below(List<String> lines, String workload, String driver, Row row, String peer, Row other) {
        if (row == null || other == null) {
            return;
        }
        String verdict = unknown(row, other) ? "no verdict: the run gave no error"
                : row.high() < other.low() ? "met"
                : row.low() > other.high() ? "**not met**" : "not resolved (the intervals overlap)";
        lines.add(String.format(Locale.ROOT, "| %s | %s faster than %s | %s (%s vs %s %s) |%n", workload, driver, peer,
                verdict, fmt(row.score()), fmt(other.score()), row.unit()));
    }

    // one fork of one iteration (a smoke run) has no confidence interval to judge by
    private static boolean unknown(Row a, Row b) {
        return Double.isNaN(a.error()) || Double.isNaN(b.error());
    }

    /** Just enough JSON for JMH's result files: objects, arrays, strings, numbers, true, false, null. */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            space();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                space();
                if (text.charAt(at) == '}') {
                    at++;
                    return object;
                }
                do {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    object.put(key, value());
                    space();
                } while (text.charAt(at++) == ',');
                return object;
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                space();
                if (text.charAt(at) == ']') {
                    at++;
                    return array;
                }
                do {
                    array.add(value());
                    space();
                } while (text.charAt(at++) == ',');
                return array;
            }
            if (c == '"') {
                return string();
            }
            int start = at;
            while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String word = text.substring(start, at);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.parseDouble(word);
            };
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            for (char c = text.charAt(at++); c != '"'; c = text.charAt(at++)) {
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> s.append('\n');
                        case 't' -> s.append('\t');
                        case 'r' -> s.append('\r');
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'u' -> {
                            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> s.append(e);
                    }
                } else {
                    s.append(c);
                }
            }
            return s.toString();
        }

        private void expect(char c) {
            if (text.charAt(at) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at);
            }
            at++;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
