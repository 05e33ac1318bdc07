package dev.tandem.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden corpus: per dialect, statements as ORMs and hand-written code send them, each checked
 * twice. First as text: the analysis (kind, every migrated table named, with its side and offset,
 * locking, or why it cannot be analysed) and, for a read, the exact statement served from the other
 * table or the exact reason it cannot be. Then for real, on the database: the original runs on a
 * schema holding only its own table (a write inside a transaction that is rolled back), and an
 * accepted read's translation runs on a schema holding only the other table, where its labels and
 * rows must equal the original's. The two schemas have different names, so a statement that names a
 * migrated table with its schema is checked as text only.
 *
 * <p>The files are {@code src/test/resources/corpus/<dialect>.sql}. A case starts with {@code @@ title},
 * then the statement's lines, then {@code @@binds} (values for the {@code ?}s: numbers, 'text', null,
 * true, false), {@code @@analysis}, and {@code @@rewritten} (followed by the text) or {@code @@refused}.
 * Run with {@code -Dtandem.corpus.update=true} to write what the rewriter gives now into the files;
 * review the diff before committing it: the execution half is what proves a translation right.
 */
class CorpusTest {

    private static final Path DIRECTORY = Path.of("src", "test", "resources", "corpus");

    private final SqlRewriter rewriter = new SqlRewriter(List.of(TestDatabase.USERS), TestDatabase.CATALOG);

    record Case(String title, String sql, String binds, String analysis, String rewritten, String refused) {
    }

    @TestFactory
    Stream<DynamicNode> corpus() {
        return Stream.of(TestDatabase.values()).map(database -> {
            Path file = DIRECTORY.resolve(database.dialect().name().toLowerCase(Locale.ROOT) + ".sql");
            List<Case> cases = read(file);
            if (Boolean.getBoolean("tandem.corpus.update")) {
                cases = cases.stream().map(c -> actual(c, database.dialect())).toList();
                write(file, cases);
            }
            return DynamicContainer.dynamicContainer(database.name() + " (" + cases.size() + " statements)",
                    cases.stream().map(c -> DynamicTest.dynamicTest(c.title(), () -> check(database, c))));
        });
    }

    @org.junit.jupiter.api.Test
    void everyDialect_hasAtLeast150Statements() {
        for (TestDatabase database : TestDatabase.values()) {
            Path file = DIRECTORY.resolve(database.dialect().name().toLowerCase(Locale.ROOT) + ".sql");
            assertThat(read(file).size()).as("statements in %s", file).isGreaterThanOrEqualTo(150);
        }
    }

    // ------------------------------------------------------------------ the checks

    private void check(TestDatabase database, Case c) throws SQLException {
        Dialect dialect = database.dialect();
        Case actual = actual(c, dialect);
        assertThat(actual.analysis()).as("analysis of %s", c.sql()).isEqualTo(c.analysis());
        assertThat(actual.rewritten()).as("translation of %s", c.sql()).isEqualTo(c.rewritten());
        assertThat(actual.refused()).as("refusal of %s", c.sql()).isEqualTo(c.refused());

        Analysis analysis = rewriter.analyze(c.sql(), dialect, null);
        Set<Side> named = EnumSet.noneOf(Side.class);
        analysis.references().forEach(r -> named.add(r.side()));
        if (named.size() > 1) {
            return; // no schema holds both tables
        }
        if (analysis.references().stream().anyMatch(r -> schemaQualified(c.sql(), r))) {
            return; // the test schemas differ per side, so a schema-qualified name is checked as text only
        }
        Side own = named.isEmpty() ? Side.SOURCE : named.iterator().next();
        List<Object> binds = binds(c.binds());
        if (analysis.kind() == StatementKind.WRITE) {
            Connection connection = database.connection(own);
            connection.setAutoCommit(false);
            try {
                execute(connection, c.sql(), binds);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            return;
        }
        if (analysis.kind() != StatementKind.READ) {
            return; // DDL and session statements would change the shared schemas
        }
        List<String> expected = execute(database.connection(own), c.sql(), binds);
        if (c.rewritten() == null || named.isEmpty()) {
            return;
        }
        List<String> served = execute(database.connection(own.other()), c.rewritten(), binds);
        if (!ordered(c.sql())) {
            expected.subList(1, expected.size()).sort(null);
            served.subList(1, served.size()).sort(null);
        }
        assertThat(served).as("%s%n  served from the %s as%n%s", c.sql(), own.other(), c.rewritten())
                .isEqualTo(expected);
    }

    /** The case with what the rewriter says now in place of what the file says. */
    private Case actual(Case c, Dialect dialect) {
        Analysis analysis = rewriter.analyze(c.sql(), dialect, null);
        StringBuilder summary = new StringBuilder(analysis.kind().name());
        if (analysis.locking()) {
            summary.append(" locking");
        }
        for (TableReference reference : analysis.references()) {
            summary.append(' ').append(reference.side().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(c.sql(), reference.start(), reference.end()).append('@').append(reference.start());
        }
        if (!analysis.analysed()) {
            summary.append("; cannot analyse: ").append(analysis.reason());
        }
        String rewritten = null;
        String refused = null;
        Set<Side> named = EnumSet.noneOf(Side.class);
        analysis.references().forEach(r -> named.add(r.side()));
        if (analysis.kind() == StatementKind.READ && named.size() <= 1) {
            Side servedFrom = named.isEmpty() ? Side.TARGET : named.iterator().next().other();
            ReadRewrite read = rewriter.read(c.sql(), dialect, null, servedFrom);
            rewritten = read.sql();
            refused = read.reason();
        }
        return new Case(c.title(), c.sql(), c.binds(), summary.toString(), rewritten, refused);
    }

    /** Runs a statement; for a query, its labels and then its rows as text. */
    private static List<String> execute(Connection connection, String sql, List<Object> binds) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.size(); i++) {
                statement.setObject(i + 1, binds.get(i));
            }
            if (!statement.execute()) {
                out.add("updated " + statement.getUpdateCount());
                return out;
            }
            try (ResultSet rows = statement.getResultSet()) {
                ResultSetMetaData meta = rows.getMetaData();
                StringBuilder labels = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    labels.append(meta.getColumnLabel(i)).append('|');
                }
                out.add(labels.toString());
                while (rows.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.append(Objects.toString(rows.getObject(i))).append('|');
                    }
                    out.add(row.toString());
                }
            }
        }
        return out;
    }

    private static boolean schemaQualified(String sql, TableReference reference) {
        return sql.substring(reference.start(), reference.end()).replaceAll("[\"`][^\"`]*[\"`]", "q").contains(".");
    }

    /** Whether the outermost query orders its rows: an ORDER BY outside every parenthesis. */
    static boolean ordered(String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < upper.length(); i++) {
            char ch = upper.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
            } else if (!quoted && depth == 0 && upper.startsWith("ORDER BY", i)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ the file format

    static List<Object> binds(String text) {
        List<Object> values = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return values;
        }
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i <= text.length(); i++) {
            char ch = i < text.length() ? text.charAt(i) : ',';
            if (ch == '\'') {
                quoted = !quoted;
                token.append(ch);
            } else if (ch == ',' && !quoted) {
                values.add(value(token.toString().trim()));
                token.setLength(0);
            } else {
                token.append(ch);
            }
        }
        return values;
    }

    private static Object value(String token) {
        if (token.startsWith("'")) {
            return token.substring(1, token.length() - 1).replace("''", "'");
        }
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "null" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> token.contains(".") ? new BigDecimal(token) : Integer.valueOf(token);
        };
    }

    static List<Case> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Case> cases = new ArrayList<>();
        int i = 0;
        while (i < lines.size() && !lines.get(i).startsWith("@@ ")) {
            i++;
        }
        while (i < lines.size()) {
            String title = lines.get(i++).substring(3).trim();
            List<String> sql = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).startsWith("@@")) {
                sql.add(lines.get(i++));
            }
            String binds = null;
            String analysis = null;
            String rewritten = null;
            String refused = null;
            while (i < lines.size() && !lines.get(i).startsWith("@@ ")) {
                String line = lines.get(i++);
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("@@binds")) {
                    binds = line.substring("@@binds".length()).trim();
                } else if (line.startsWith("@@analysis")) {
                    analysis = line.substring("@@analysis".length()).trim();
                } else if (line.startsWith("@@refused")) {
                    refused = line.substring("@@refused".length()).trim();
                } else if (line.equals("@@rewritten")) {
                    List<String> text = new ArrayList<>();
                    while (i < lines.size() && !lines.get(i).startsWith("@@")) {
                        text.add(lines.get(i++));
                    }
                    rewritten = join(text);
                } else {
                    throw new IllegalArgumentException(file + ":" + i + ": unknown directive " + line);
                }
            }
            cases.add(new Case(title, join(sql), binds, analysis, rewritten, refused));
        }
        return cases;
    }

    private static void write(Path file, List<Case> cases) {
        StringBuilder out = new StringBuilder();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("@@ ")) {
                    break;
                }
                out.append(line).append('\n');
            }
            for (Case c : cases) {
                out.append("@@ ").append(c.title()).append('\n').append(c.sql()).append('\n');
                if (c.binds() != null) {
                    out.append("@@binds ").append(c.binds()).append('\n');
                }
                out.append("@@analysis ").append(c.analysis()).append('\n');
                if (c.rewritten() != null) {
                    out.append("@@rewritten\n").append(c.rewritten()).append('\n');
                }
                if (c.refused() != null) {
                    out.append("@@refused ").append(c.refused()).append('\n');
                }
                out.append('\n');
            }
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines joined, without the blank lines that separate cases. */
    private static String join(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        return String.join("\n", lines.subList(0, end));
    }
}
