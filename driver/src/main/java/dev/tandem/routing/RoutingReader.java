package dev.tandem.routing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import dev.tandem.sql.ColumnMapping;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.Side;
import dev.tandem.sql.SqlRewriter;
import dev.tandem.sql.TableName;

/**
 * Reads routing files (DESIGN §3) into a {@link Routing}, collecting every problem with its file and
 * line instead of stopping at the first. SnakeYAML composes the node tree, which keeps the line of
 * every key and value; the tree is then read by hand, so that an unknown key, a duplicate key or a
 * value of the wrong shape is reported where it is, with what was expected.
 */
final class RoutingReader {

    private static final List<String> ROOT_KEYS = List.of("migrations");
    private static final List<String> MIGRATION_KEYS = List.of("owner", "source", "target", "key", "columns", "phase",
            "reads", "verify", "force");
    private static final List<String> COMPUTED_KEYS = List.of("target", "toTarget", "toSource");
    private static final List<String> READS_KEYS = List.of("consumers", "schemaVersion", "percent");
    private static final List<String> VERIFY_KEYS = List.of("sampleRate");

    private final List<RoutingProblem> problems = new ArrayList<>();
    private String file;

    Routing read(Path path) throws RoutingException {
        List<Path> files = files(path);
        MessageDigest digest = sha256();
        List<MigrationConfig> migrations = new ArrayList<>();
        for (Path each : files) {
            file = each.toString();
            String text;
            try {
                text = Files.readString(each, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(new RoutingProblem(file, 0, "cannot read the file: " + e.getMessage()));
                continue;
            }
            digest(digest, each, text.getBytes(StandardCharsets.UTF_8));
            migrations.addAll(parse(text));
        }
        crossCheck(migrations);
        if (!problems.isEmpty()) {
            throw new RoutingException(problems);
        }
        return new Routing(migrations, HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * The checksum {@link Routing#checksum()} would have for the files at {@code path}, without
     * parsing them: what a reload compares first.
     */
    static String checksum(Path path) throws RoutingException {
        MessageDigest digest = sha256();
        for (Path each : files(path)) {
            try {
                digest(digest, each, Files.readAllBytes(each));
            } catch (IOException e) {
                throw new RoutingException(List.of(new RoutingProblem(each.toString(), 0,
                        "cannot read the file: " + e.getMessage())));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void digest(MessageDigest digest, Path file, byte[] content) {
        digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(content);
    }

    private static List<Path> files(Path path) throws RoutingException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new RoutingException(List.of(new RoutingProblem(path.toString(), 0,
                    "no such file or directory; tandem.config names a routing file or a directory of *.yaml files")));
        }
        try (Stream<Path> listing = Files.list(path)) {
            List<Path> found = listing.filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".yaml")
                    || p.toString().endsWith(".yml"))).sorted().toList();
            if (found.isEmpty()) {
                throw new RoutingException(List.of(new RoutingProblem(path.toString(), 0,
                        "the directory holds no *.yaml or *.yml routing file")));
            }
            return found;
        } catch (IOException e) {
            throw new RoutingException(List.of(new RoutingProblem(path.toString(), 0,
                    "cannot list the directory: " + e.getMessage())));
        }
    }

    // ------------------------------------------------------------------ one file

    private List<MigrationConfig> parse(String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported below, with both lines
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            problems.add(new RoutingProblem(file, line, "not valid YAML: " + e.getProblem()));
            return List.of();
        } catch (YAMLException e) {
            problems.add(new RoutingProblem(file, 0, "not valid YAML: " + e.getMessage()));
            return List.of();
        }
        if (root == null) {
            return List.of(); // an empty file: no migrations
        }
        Map<String, NodeTuple> top = mapping(root, "the file", ROOT_KEYS);
        if (top == null || !top.containsKey("migrations")) {
            if (top != null) {
                problem(root, "the file has no migrations: key; it holds migrations: {<id>: {...}}");
            }
            return List.of();
        }
        Node migrationsNode = top.get("migrations").getValueNode();
        if (isNull(migrationsNode)) {
            return List.of();
        }
        Map<String, NodeTuple> byId = mapping(migrationsNode, "migrations", null);
        List<MigrationConfig> migrations = new ArrayList<>();
        if (byId != null) {
            for (Map.Entry<String, NodeTuple> entry : byId.entrySet()) {
                MigrationConfig migration = migration(entry.getKey(), entry.getValue());
                if (migration != null) {
                    migrations.add(migration);
                }
            }
        }
        return migrations;
    }

    private MigrationConfig migration(String id, NodeTuple tuple) {
        Node idNode = tuple.getKeyNode();
        Map<String, NodeTuple> keys = mapping(tuple.getValueNode(), "migration " + id, MIGRATION_KEYS);
        if (keys == null) {
            return null;
        }
        int before = problems.size();
        String owner = optionalText(keys.get("owner"));
        TableName source = table(keys.get("source"), "source", id, idNode);
        TableName target = table(keys.get("target"), "target", id, idNode);
        List<String> key = key(keys.get("key"), id, idNode);
        List<ColumnMapping> columns = columns(keys.get("columns"));
        Phase phase = phase(keys.get("phase"), id, idNode);
        ReadPolicy reads = reads(keys.get("reads"));
        double sampleRate = sampleRate(keys.get("verify"));
        boolean force = flag(keys.get("force"));
        if (source != null && target != null && source.equals(target)) {
            problem(keys.get("target").getValueNode(), "migration " + id + " has the same source and target, "
                    + source + "; the target is the new table");
        }
        if (problems.size() > before) {
            return null;
        }
        return new MigrationConfig(new Migration(id, source, target, key, columns), owner, phase, reads, sampleRate,
                force, file, line(idNode));
    }

    private TableName table(NodeTuple tuple, String what, String id, Node idNode) {
        if (tuple == null) {
            problem(idNode, "migration " + id + " has no " + what + ": table; write " + what + ": <table> or "
                    + what + ": <schema>.<table>");
            return null;
        }
        String text = text(tuple.getValueNode(), what);
        if (text == null) {
            return null;
        }
        if (!text.matches("(\"[^\"]+\"|`[^`]+`|[A-Za-z_][A-Za-z0-9_$]*)(\\.(\"[^\"]+\"|`[^`]+`|[A-Za-z_][A-Za-z0-9_$]*))?")) {
            problem(tuple.getValueNode(), what + " '" + text + "' is not a table name; expected <table> or"
                    + " <schema>.<table>, quoted where the name needs it");
            return null;
        }
        return TableName.parse(text);
    }

    private List<String> key(NodeTuple tuple, String id, Node idNode) {
        if (tuple == null) {
            problem(idNode, "migration " + id + " has no key:; write key: [<column>, ...], a key both tables share");
            return List.of();
        }
        Node node = tuple.getValueNode();
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problem(node, "key must be a list of one or more columns, as in key: [id]");
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String column = text(item, "a key column");
            if (column != null) {
                if (columns.contains(column)) {
                    problem(item, "key names " + column + " twice");
                }
                columns.add(column);
            }
        }
        return columns;
    }

    private List<ColumnMapping> columns(NodeTuple tuple) {
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        Map<String, NodeTuple> bySource = mapping(tuple.getValueNode(), "columns", null);
        if (bySource == null) {
            return List.of();
        }
        List<ColumnMapping> columns = new ArrayList<>();
        Map<String, Node> targets = new HashMap<>();
        for (Map.Entry<String, NodeTuple> entry : bySource.entrySet()) {
            String source = entry.getKey();
            Node value = entry.getValue().getValueNode();
            ColumnMapping mapping;
            if (isNull(value)) {
                mapping = new ColumnMapping.SourceOnly(source);
            } else if (value instanceof ScalarNode) {
                mapping = new ColumnMapping.Rename(source, text(value, "the new name of " + source));
            } else {
                mapping = computed(source, value);
            }
            if (mapping == null) {
                continue;
            }
            if (mapping.target() != null) {
                String folded = mapping.target().toLowerCase(Locale.ROOT);
                Node earlier = targets.putIfAbsent(folded, value);
                if (earlier != null) {
                    problem(value, "two source columns map to target column " + mapping.target() + " (lines "
                            + line(earlier) + " and " + line(value) + "); each target column has one source");
                }
            }
            columns.add(mapping);
        }
        return columns;
    }

    private ColumnMapping computed(String source, Node value) {
        Map<String, NodeTuple> keys = mapping(value, "column " + source, COMPUTED_KEYS);
        if (keys == null) {
            return null;
        }
        boolean complete = true;
        for (String key : COMPUTED_KEYS) {
            if (!keys.containsKey(key)) {
                problem(value, "column " + source + " has no " + key + ":; a changed column gives target, toTarget"
                        + " (SQL over source columns) and toSource (SQL over target columns)");
                complete = false;
            }
        }
        if (!complete) {
            return null;
        }
        String target = text(keys.get("target").getValueNode(), "the target column of " + source);
        String toTarget = expression(keys.get("toTarget").getValueNode(), source, "toTarget");
        String toSource = expression(keys.get("toSource").getValueNode(), source, "toSource");
        if (target == null || toTarget == null || toSource == null) {
            return null;
        }
        return new ColumnMapping.Computed(source, target, toTarget, toSource);
    }

    private String expression(Node node, String column, String which) {
        String text = text(node, which + " of " + column);
        if (text == null) {
            return null;
        }
        String postgres = SqlRewriter.expressionProblem(text, Dialect.POSTGRESQL);
        if (postgres != null && SqlRewriter.expressionProblem(text, Dialect.MARIADB) != null) {
            problem(node, which + " of column " + column + " is not one SQL expression: " + postgres);
            return null;
        }
        return text;
    }

    private Phase phase(NodeTuple tuple, String id, Node idNode) {
        String expected = "one of off, dual-write, verify, cutover, target-only";
        if (tuple == null) {
            problem(idNode, "migration " + id + " has no phase:; write phase: off to start, then move one step at"
                    + " a time through " + expected.substring("one of ".length()));
            return Phase.OFF;
        }
        String text = text(tuple.getValueNode(), "phase");
        if (text == null) {
            return Phase.OFF;
        }
        Phase phase = Phase.ofFileName(text);
        if (phase == null) {
            problem(tuple.getValueNode(), "unknown phase '" + text + "'; expected " + expected + suggestion(text,
                    List.of("off", "dual-write", "verify", "cutover", "target-only")));
            return Phase.OFF;
        }
        return phase;
    }

    private ReadPolicy reads(NodeTuple tuple) {
        if (tuple == null || isNull(tuple.getValueNode())) {
            return ReadPolicy.SOURCE;
        }
        Map<String, NodeTuple> keys = mapping(tuple.getValueNode(), "reads", READS_KEYS);
        if (keys == null) {
            return ReadPolicy.SOURCE;
        }
        Map<String, Side> consumers = new LinkedHashMap<>();
        NodeTuple consumersTuple = keys.get("consumers");
        if (consumersTuple != null && !isNull(consumersTuple.getValueNode())) {
            Map<String, NodeTuple> byName = mapping(consumersTuple.getValueNode(), "consumers", null);
            if (byName != null) {
                for (Map.Entry<String, NodeTuple> entry : byName.entrySet()) {
                    Node value = entry.getValue().getValueNode();
                    String side = text(value, "the route of consumer " + entry.getKey());
                    if ("source".equals(side) || "target".equals(side)) {
                        consumers.put(entry.getKey(), Side.valueOf(side.toUpperCase(Locale.ROOT)));
                    } else if (side != null) {
                        problem(value, "consumer " + entry.getKey() + " reads from '" + side + "'; expected source or target");
                    }
                }
            }
        }
        Integer schemaVersion = null;
        if (keys.get("schemaVersion") != null) {
            schemaVersion = integer(keys.get("schemaVersion").getValueNode(), "schemaVersion", 0, Integer.MAX_VALUE);
        }
        int percent = 0;
        if (keys.get("percent") != null) {
            Integer value = integer(keys.get("percent").getValueNode(), "percent", 0, 100);
            percent = value == null ? 0 : value;
        }
        return new ReadPolicy(consumers, schemaVersion, percent);
    }

    private double sampleRate(NodeTuple tuple) {
        if (tuple == null || isNull(tuple.getValueNode())) {
            return 0;
        }
        Map<String, NodeTuple> keys = mapping(tuple.getValueNode(), "verify", VERIFY_KEYS);
        if (keys == null || keys.get("sampleRate") == null) {
            return 0;
        }
        Node node = keys.get("sampleRate").getValueNode();
        String text = text(node, "sampleRate");
        if (text == null) {
            return 0;
        }
        try {
            double rate = Double.parseDouble(text);
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(node, "sampleRate '" + text + "' must be a number from 0 to 1, the share of reads also run on the target");
        return 0;
    }

    private boolean flag(NodeTuple tuple) {
        if (tuple == null) {
            return false;
        }
        String text = text(tuple.getValueNode(), "force");
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.parseBoolean(text);
        }
        if (text != null) {
            problem(tuple.getValueNode(), "force '" + text + "' must be true or false");
        }
        return false;
    }

    // ------------------------------------------------------------------ across files

    private void crossCheck(List<MigrationConfig> migrations) {
        Map<String, MigrationConfig> ids = new HashMap<>();
        Map<String, MigrationConfig> tables = new HashMap<>();
        Map<String, Side> sides = new HashMap<>();
        for (MigrationConfig migration : migrations) {
            MigrationConfig same = ids.putIfAbsent(migration.id(), migration);
            if (same != null) {
                problems.add(new RoutingProblem(migration.file(), migration.line(), "migration id " + migration.id()
                        + " is also used at " + where(same) + "; ids are unique across all routing files"));
                continue;
            }
            for (Side side : Side.values()) {
                String table = folded(migration.migration().table(side));
                MigrationConfig claimed = tables.putIfAbsent(table, migration);
                if (claimed == null) {
                    sides.put(table, side);
                    continue;
                }
                Side other = sides.get(table);
                String problem = side == Side.TARGET && other == Side.SOURCE || side == Side.SOURCE && other == Side.TARGET
                        ? "table " + migration.migration().table(side) + " is the " + side.name().toLowerCase(Locale.ROOT)
                                + " of " + migration.id() + " and the " + other.name().toLowerCase(Locale.ROOT) + " of "
                                + claimed.id() + " (" + where(claimed) + "); a table moves in one migration at a time:"
                                + " finish one before chaining the next"
                        : "table " + migration.migration().table(side) + " is claimed by migrations " + claimed.id()
                                + " (" + where(claimed) + ") and " + migration.id() + "; a table belongs to one migration";
                problems.add(new RoutingProblem(migration.file(), migration.line(), problem));
            }
        }
    }

    private static String folded(TableName table) {
        return table.toString().replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
    }

    private static String where(MigrationConfig migration) {
        return migration.file() + ":" + migration.line();
    }

    // ------------------------------------------------------------------ nodes

    /**
     * The keys of a mapping node, in order, reporting duplicates and, when {@code allowed} is given,
     * unknown keys; null (reported) when the node is not a mapping.
     */
    private Map<String, NodeTuple> mapping(Node node, String what, List<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, what + " must be a mapping of keys to values"
                    + (allowed != null ? " (" + String.join(", ", allowed) + ")" : ""));
            return null;
        }
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = text(tuple.getKeyNode(), "a key of " + what);
            if (key == null) {
                continue;
            }
            NodeTuple earlier = keys.putIfAbsent(key, tuple);
            if (earlier != null) {
                problem(tuple.getKeyNode(), key + " appears twice in " + what + " (lines " + line(earlier.getKeyNode())
                        + " and " + line(tuple.getKeyNode()) + "); keep one");
            } else if (allowed != null && !allowed.contains(key)) {
                problem(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + "; expected one of "
                        + String.join(", ", allowed) + suggestion(key, allowed));
            }
        }
        return keys;
    }

    private String text(Node node, String what) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            return scalar.getValue();
        }
        problem(node, what + " must be a single value");
        return null;
    }

    private String optionalText(NodeTuple tuple) {
        return tuple == null || isNull(tuple.getValueNode()) ? null : text(tuple.getValueNode(), "owner");
    }

    private Integer integer(Node node, String what, int min, int max) {
        String text = text(node, what);
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(node, what + " '" + text + "' must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max));
        return null;
    }

    private static boolean isNull(Node node) {
        return node == null || node.getTag().equals(Tag.NULL);
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private void problem(Node node, String message) {
        problems.add(new RoutingProblem(file, node == null ? 0 : line(node), message));
    }

    /** {@code "; did you mean x?"} for the closest of {@code candidates} within two edits, else "". */
    private static String suggestion(String found, List<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : candidates) {
            int distance = distance(found.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "" : "; did you mean " + best + "?";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
