package dev.tandem.routing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import dev.tandem.jdbc.TestDatabase;
import dev.tandem.sql.ColumnMapping;
import dev.tandem.sql.ColumnMapping.Computed;
import dev.tandem.sql.ColumnMapping.Rename;
import dev.tandem.sql.ColumnMapping.SourceOnly;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Side;
import dev.tandem.sql.SqlRewriter;

/**
 * Every routing file sample under {@code config-samples/} loads and still shows what its header says;
 * {@code reference.yaml} documents exactly the keys the loader accepts; every expression pair parses
 * for PostgreSQL and MariaDB and round-trips on each database.
 */
class SamplesTest {

    /** The tests run in the driver module; the samples sit beside it. */
    private static final Path SAMPLES = Path.of("..", "config-samples");

    private static final Path REFERENCE = SAMPLES.resolve("reference.yaml");

    /** What each sample is meant to show, by its name in the README: a file, or a directory ending in /. */
    private static final Map<String, ThrowingConsumer<Routing>> FACTS = new LinkedHashMap<>();

    static {
        FACTS.put("reference.yaml", SamplesTest::reference);
        FACTS.put("users-v2.yaml", SamplesTest::designExample);
        FACTS.put("rename.yaml", SamplesTest::rename);
        FACTS.put("dropped-column.yaml", SamplesTest::droppedColumn);
        FACTS.put("type-change.yaml", SamplesTest::typeChange);
        FACTS.put("staged-rollout.yaml", SamplesTest::stagedRollout);
        FACTS.put("teams/", SamplesTest::teams);
    }

    /**
     * Values each expression pair is run with, by {@code <migration id>.<source column>}: a source
     * value as SQL, and the target value toTarget must give for it.
     */
    private static final Map<String, List<Case>> ROUND_TRIPS = Map.of(
            "users-v2.status", List.of(
                    new Case("CAST(7 AS INTEGER)", "7"),
                    new Case("CAST(NULL AS INTEGER)", null)),
            "orders-v2.is_gift", List.of(
                    new Case("CAST('Y' AS CHAR(1))", true),
                    new Case("CAST('N' AS CHAR(1))", false),
                    new Case("CAST(NULL AS CHAR(1))", null)),
            "line-items-price.price_cents", List.of(
                    new Case("CAST(1999 AS INTEGER)", new BigDecimal("19.99")),
                    new Case("CAST(5 AS INTEGER)", new BigDecimal("0.05")),
                    new Case("CAST(NULL AS INTEGER)", null)),
            "invoices-cents.amount", List.of(
                    new Case("CAST(12.34 AS DECIMAL(12,2))", new BigDecimal("1234")),
                    new Case("CAST(NULL AS DECIMAL(12,2))", null)));

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ each sample

    @Test
    void theSamplesOnDisk_areTheSamplesCheckedHere_andTheReadmeListsEachOnce() throws IOException {
        assertThat(samplesOnDisk().keySet()).containsExactlyInAnyOrderElementsOf(FACTS.keySet());
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(Files.readString(SAMPLES.resolve("README.md")));
        while (row.find()) {
            rows.add(row.group(1));
        }
        assertThat(rows).containsExactlyInAnyOrderElementsOf(FACTS.keySet());
    }

    @TestFactory
    Stream<DynamicTest> eachSample_loads_andShowsWhatItSays() throws IOException {
        return samplesOnDisk().entrySet().stream().map(sample -> dynamicTest(sample.getKey(), () -> {
            ThrowingConsumer<Routing> facts = FACTS.get(sample.getKey());
            assertThat(facts).as("what %s is meant to show, in SamplesTest.FACTS", sample.getKey()).isNotNull();
            facts.accept(Routing.load(sample.getValue()));
        }));
    }

    private static void reference(Routing routing) {
        MigrationConfig orders = only(routing);
        assertThat(orders.id()).isEqualTo("orders-v2");
        assertThat(orders.owner()).isEqualTo("commerce-team");
        assertThat(orders.migration().key()).containsExactly("id");
        assertThat(orders.migration().columns()).containsExactly(
                new Rename("customer_no", "customer_id"),
                new SourceOnly("fax_number"),
                new Computed("is_gift", "gift", "CASE is_gift WHEN 'Y' THEN TRUE WHEN 'N' THEN FALSE END",
                        "CASE WHEN gift THEN 'Y' WHEN NOT gift THEN 'N' END"));
        assertThat(orders.phase()).isEqualTo(Phase.CUTOVER);
        assertThat(orders.reads()).isEqualTo(new ReadPolicy(Map.of("reporting", Side.SOURCE, "checkout", Side.TARGET), 3, 25));
        assertThat(orders.sampleRate()).isEqualTo(0.05);
        assertThat(orders.force()).isFalse();
    }

    /** The design document's example; RoutingTest.theDesignExample_isReadIntoTheModel checks it in full. */
    private static void designExample(Routing routing) {
        MigrationConfig users = only(routing);
        assertThat(users.id()).isEqualTo("users-v2");
        assertThat(users.phase()).isEqualTo(Phase.CUTOVER);
        assertThat(users.migration().columns()).extracting(Object::getClass)
                .containsExactly(Rename.class, SourceOnly.class, Computed.class);
        assertThat(users.reads()).isEqualTo(new ReadPolicy(Map.of("reporting", Side.SOURCE, "checkout", Side.TARGET), 2, 25));
        assertThat(users.sampleRate()).isEqualTo(0.05);
    }

    private static void rename(Routing routing) {
        MigrationConfig customers = only(routing);
        assertThat(customers.migration().columns()).containsExactly(new Rename("surname", "family_name"));
        assertThat(customers.phase()).isEqualTo(Phase.DUAL_WRITE);
        assertThat(customers.reads()).isEqualTo(ReadPolicy.SOURCE);
        assertThat(customers.sampleRate()).isZero();
    }

    private static void droppedColumn(Routing routing) {
        MigrationConfig products = only(routing);
        assertThat(products.migration().columns()).containsExactly(new SourceOnly("legacy_sku"));
        assertThat(products.phase()).isEqualTo(Phase.VERIFY);
        assertThat(products.sampleRate()).isEqualTo(0.02);
    }

    private static void typeChange(Routing routing) {
        MigrationConfig lineItems = only(routing);
        assertThat(lineItems.migration().columns()).singleElement().isInstanceOfSatisfying(Computed.class, price -> {
            assertThat(price.source()).isEqualTo("price_cents");
            assertThat(price.target()).isEqualTo("price");
        });
        assertThat(lineItems.phase()).isEqualTo(Phase.CUTOVER);
        assertThat(lineItems.reads().everyReadOnTarget()).isTrue();
        assertThat(routing.changeProblems(withPhase(lineItems, Phase.TARGET_ONLY))).as("ready for target-only").isEmpty();
    }

    private static void stagedRollout(Routing routing) {
        MigrationConfig accounts = only(routing);
        assertThat(accounts.phase()).isEqualTo(Phase.CUTOVER);
        assertThat(accounts.migration().columns()).containsExactly(new Rename("email", "email_address"));
        assertThat(accounts.reads()).isEqualTo(
                new ReadPolicy(Map.of("reporting", Side.SOURCE, "mobile-api", Side.TARGET), 2, 10));
        assertThat(routing.changeProblems(withPhase(accounts, Phase.TARGET_ONLY))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("send some reads to the source"));
    }

    private static void teams(Routing routing) throws RoutingException {
        assertThat(routing.migrations()).extracting(MigrationConfig::id).containsExactly("invoices-cents", "users-v2");
        // each team's file holds that team's migrations only
        for (MigrationConfig migration : routing.migrations()) {
            String team = Path.of(migration.file()).getFileName().toString().replace(".yaml", "");
            assertThat(migration.owner()).as(migration.id()).isEqualTo(team + "-team");
            assertThat(Routing.load(Path.of(migration.file())).migrations()).as("%s alone", migration.file())
                    .extracting(MigrationConfig::id).containsExactly(migration.id());
        }
        MigrationConfig invoices = routing.migration("invoices-cents");
        assertThat(invoices.phase()).isEqualTo(Phase.VERIFY);
        assertThat(invoices.migration().columns()).extracting(Object::getClass)
                .containsExactly(Computed.class, SourceOnly.class);
        // billing's invoices refer to app.users by id: identity's migration keeps that key as it is
        MigrationConfig users = routing.migration("users-v2");
        assertThat(users.phase()).isEqualTo(Phase.DUAL_WRITE);
        assertThat(users.migration().key()).containsExactly("id");
        assertThat(users.migration().columns()).extracting(ColumnMapping::source).doesNotContain("id");
    }

    // ------------------------------------------------------------------ the reference

    @Test
    void theReference_documentsExactlyTheKeysTheLoaderAccepts() throws IOException {
        Map<String, Set<String>> accepted = new TreeMap<>();
        String base = "migrations:\n  m:\n    source: t\n    target: t2\n    key: [id]\n    phase: off\n";
        accepted.put("file", acceptedKeys(base + "undocumentedkey: 1\n"));
        accepted.put("migration", acceptedKeys(base + "    undocumentedkey: 1\n"));
        accepted.put("column", acceptedKeys(base + "    columns:\n      c:\n        target: d\n        toTarget: c\n"
                + "        toSource: d\n        undocumentedkey: 1\n"));
        accepted.put("reads", acceptedKeys(base + "    reads:\n      undocumentedkey: 1\n"));
        accepted.put("verify", acceptedKeys(base + "    verify:\n      undocumentedkey: 1\n"));

        Map<String, Set<String>> documented = new TreeMap<>();
        referenceKeys().forEach(key -> documented.computeIfAbsent(key.level(), l -> new TreeSet<>()).add(key.name()));
        assertThat(documented).isEqualTo(accepted);
    }

    @Test
    void theReference_describesEachKey_withItsTypeAndDefault_inTheCommentAboveIt() throws IOException {
        List<String> lines = Files.readAllLines(REFERENCE, UTF_8);
        for (Key key : referenceKeys()) {
            int first = key.line(); // the comment block that ends right above the key
            while (first > 0 && lines.get(first - 1).trim().startsWith("#")) {
                first--;
            }
            assertThat(first).as("a comment right above %s (line %d)", key.name(), key.line() + 1).isLessThan(key.line());
            String comment = String.join("\n", lines.subList(first, key.line()));
            assertThat(lines.get(first).trim()).as("the comment above %s (line %d)", key.name(), key.line() + 1)
                    .startsWith("# " + key.name() + " (");
            assertThat(comment).as("the comment above %s (line %d)", key.name(), key.line() + 1)
                    .containsPattern("default|required");
        }
    }

    @Test
    void theReference_percentExamples_followTheDocumentedHash() throws IOException {
        String comments = Files.readAllLines(REFERENCE, UTF_8).stream().filter(l -> l.trim().startsWith("#"))
                .map(l -> l.trim().substring(1).trim()).collect(Collectors.joining(" "));
        Matcher migration = Pattern.compile("For example, migration (\\S+) and cohort").matcher(comments);
        assertThat(migration.find()).isTrue();
        Matcher example = Pattern.compile("cohort (\\S+) falls? in bucket (\\d+) \\(the target from percent (\\d+) on\\)")
                .matcher(comments);
        int examples = 0;
        while (example.find()) {
            int bucket = Integer.parseInt(example.group(2));
            assertThat(Cohorts.bucket(migration.group(1), example.group(1))).as(example.group()).isEqualTo(bucket);
            assertThat(Integer.parseInt(example.group(3))).as(example.group()).isEqualTo(bucket / 100 + 1);
            examples++;
        }
        assertThat(examples).isGreaterThanOrEqualTo(2);
    }

    // ------------------------------------------------------------------ expressions

    @Test
    void everyExpression_parsesForPostgresqlAndForMariadb() throws Exception {
        // the loader accepts an expression either dialect parses; a sample has to work with both
        for (Named<Computed> column : computedColumns()) {
            for (String expression : List.of(column.value().toTarget(), column.value().toSource())) {
                for (Dialect dialect : List.of(Dialect.POSTGRESQL, Dialect.MARIADB)) {
                    assertThat(SqlRewriter.expressionProblem(expression, dialect)).as("%s: %s on %s", column.name(),
                            expression, dialect).isNull();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyExpressionPair_runs_andToSourceUndoesToTarget(TestDatabase database) throws Exception {
        List<Named<Computed>> columns = computedColumns();
        assertThat(ROUND_TRIPS.keySet()).as("values for every computed column of the samples, and only those")
                .containsExactlyInAnyOrderElementsOf(columns.stream().map(Named::name).toList());
        try (Connection connection = database.raw(); Statement statement = connection.createStatement()) {
            for (Named<Computed> named : columns) {
                Computed column = named.value();
                for (Case value : ROUND_TRIPS.get(named.name())) {
                    String sql = "SELECT t.tandem_original, t." + column.target() + ", " + column.toSource()
                            + " FROM (SELECT s." + column.source() + " AS tandem_original, " + column.toTarget() + " AS "
                            + column.target() + " FROM (SELECT " + value.source() + " AS " + column.source() + ") s) t";
                    try (ResultSet row = statement.executeQuery(sql)) {
                        assertThat(row.next()).isTrue();
                        String what = named.name() + " of " + value.source() + " on " + database + ": " + sql;
                        assertThat(same(row.getObject(2), value.target())).as("toTarget of " + what + " gave " + row.getObject(2))
                                .isTrue();
                        assertThat(same(row.getObject(3), row.getObject(1))).as("toSource of " + what + " gave "
                                + row.getObject(3)).isTrue();
                    } catch (SQLException e) {
                        throw new AssertionError(named.name() + " on " + database + ": " + sql, e);
                    }
                }
            }
        }
    }

    /** Equal as values: numbers by value whatever their scale, booleans as the 1 and 0 MariaDB gives. */
    private static boolean same(Object found, Object expected) {
        Object a = comparable(found);
        Object b = comparable(expected);
        return a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : Objects.equals(a, b);
    }

    private static Object comparable(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return value == null ? null : value.toString();
    }

    private record Case(String source, Object target) {
    }

    private record Named<T>(String name, T value) {
    }

    /** Every changed column of every sample, as {@code <migration id>.<source column>}. */
    private static List<Named<Computed>> computedColumns() throws Exception {
        Map<String, Computed> columns = new LinkedHashMap<>();
        for (Path sample : samplesOnDisk().values()) {
            for (MigrationConfig migration : Routing.load(sample).migrations()) {
                for (ColumnMapping mapping : migration.migration().columns()) {
                    if (mapping instanceof Computed computed) {
                        Computed earlier = columns.putIfAbsent(migration.id() + "." + computed.source(), computed);
                        assertThat(earlier).as("%s.%s in two samples, mapped alike", migration.id(), computed.source())
                                .isIn(null, computed);
                    }
                }
            }
        }
        return columns.entrySet().stream().map(e -> new Named<>(e.getKey(), e.getValue())).toList();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The samples by name: each {@code *.yaml} of the folder, loaded alone, and each folder of
     * {@code *.yaml} files, loaded as a directory the way tandem.config reads one.
     */
    private static Map<String, Path> samplesOnDisk() throws IOException {
        Map<String, Path> samples = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList()) {
                Path relative = SAMPLES.relativize(file);
                assertThat(relative.getNameCount()).as("%s: the loader reads a directory's files, not its subdirectories",
                        relative).isLessThanOrEqualTo(2);
                if (relative.getNameCount() == 1) {
                    samples.put(relative.toString(), file);
                } else {
                    samples.put(relative.getName(0) + "/", file.getParent());
                }
            }
        }
        return samples;
    }

    private static MigrationConfig only(Routing routing) {
        assertThat(routing.migrations()).hasSize(1);
        return routing.migrations().get(0);
    }

    /** The routing with {@code migration} moved to {@code phase}, as an edit of the file would. */
    private static Routing withPhase(MigrationConfig migration, Phase phase) {
        return new Routing(List.of(new MigrationConfig(migration.migration(), migration.owner(), phase, migration.reads(),
                migration.sampleRate(), migration.force(), migration.file(), migration.line())), "");
    }

    /** The keys the loader accepts where {@code yaml} has the key undocumentedkey, from its refusal. */
    private Set<String> acceptedKeys(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("probe.yaml"), yaml);
        RoutingException refused = catchThrowableOfType(RoutingException.class, () -> Routing.load(file));
        assertThat(refused).as("the loader refuses an unknown key in:\n%s", yaml).isNotNull();
        Pattern expected = Pattern.compile("unknown key 'undocumentedkey' in .*?; expected one of (.+?)(; did you mean .*)?");
        for (RoutingProblem problem : refused.problems()) {
            Matcher matcher = expected.matcher(problem.message());
            if (matcher.matches()) {
                return new TreeSet<>(Arrays.asList(matcher.group(1).split(", ")));
            }
        }
        throw new AssertionError("no unknown-key problem listing the expected keys among " + refused.problems());
    }

    /** A key of reference.yaml: where it stands (file, migration, column, reads, verify), its name and line from 0. */
    private record Key(String level, String name, int line) {
    }

    /** The fixed keys of reference.yaml; names chosen by the user (ids, columns, consumers) are not keys. */
    private static List<Key> referenceKeys() throws IOException {
        Node root = new Yaml().compose(new StringReader(Files.readString(REFERENCE, UTF_8)));
        List<Key> keys = new ArrayList<>();
        for (NodeTuple top : keys(root, "file", keys)) {
            if (name(top).equals("migrations")) {
                for (NodeTuple migration : tuples(top.getValueNode())) {
                    for (NodeTuple key : keys(migration.getValueNode(), "migration", keys)) {
                        switch (name(key)) {
                            case "columns" -> tuples(key.getValueNode()).stream().map(NodeTuple::getValueNode)
                                    .filter(MappingNode.class::isInstance).forEach(column -> keys(column, "column", keys));
                            case "reads" -> keys(key.getValueNode(), "reads", keys);
                            case "verify" -> keys(key.getValueNode(), "verify", keys);
                            default -> {
                            }
                        }
                    }
                }
            }
        }
        return keys;
    }

    private static List<NodeTuple> keys(Node node, String level, List<Key> into) {
        List<NodeTuple> tuples = tuples(node);
        tuples.forEach(t -> into.add(new Key(level, name(t), t.getKeyNode().getStartMark().getLine())));
        return tuples;
    }

    private static List<NodeTuple> tuples(Node node) {
        assertThat(node).isInstanceOf(MappingNode.class);
        return ((MappingNode) node).getValue();
    }

    private static String name(NodeTuple tuple) {
        return ((ScalarNode) tuple.getKeyNode()).getValue();
    }
}
