package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writes written for the old shape, in phase target-only: each seeded random statement runs as
 * written on the source through the raw driver, and through Tandem, which translates it to the
 * target. After every statement the target must equal mapping(source), row for row, and both runs
 * must have answered alike (update counts, RETURNING rows and their labels, failures). The mapping
 * has a rename, a source-only column, an expression pair and a target-only column with a default.
 * A failure names the seed that replays it ({@code -Dtandem.seed=…}).
 */
class TargetOnlyDifferentialTest {

    private static final int STATEMENTS = 600;
    private static final Timestamp NOON = Timestamp.valueOf("2026-01-02 12:00:00");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oldShapeWrites_translatedToTheTarget_doWhatTheyDoToTheSource(TestDatabase db) throws Exception {
        long seed = Long.getLong("tandem.seed", System.nanoTime());
        System.out.println("TargetOnlyDifferentialTest " + db + ": seed " + seed + " (replay with -Dtandem.seed=" + seed
                + ")");
        MirrorFixture fixture = new MirrorFixture(db, dir, "tod", "target-only").create();
        SplittableRandom random = new SplittableRandom(seed);
        TreeMap<String, int[]> tally = new TreeMap<>();
        try (Connection raw = fixture.raw(); Connection tandem = fixture.tandem()) {
            for (int id = 1; id <= 40; id++) {
                try (Statement statement = raw.createStatement()) {
                    statement.executeUpdate("INSERT INTO " + fixture.source + " VALUES (" + id + ", 'n" + id + "', " + id
                            + ", " + id % 5 + ", " + id % 2 + ", NULL)");
                    statement.executeUpdate("INSERT INTO " + fixture.target + " (id, title, qty, status_code) VALUES ("
                            + id + ", 'n" + id + "', " + id + ", '" + id % 5 + "')");
                }
            }
            assertThat(fixture.drift(raw)).isNull();
            Generator generator = new Generator(fixture, random);
            for (int i = 0; i < STATEMENTS; i++) {
                Op op = generator.next();
                boolean prepared = random.nextBoolean();
                String how = op.form + (prepared ? " (prepared)" : "");
                Answer through = run(tandem, op, prepared);
                int[] counts = tally.computeIfAbsent(how, k -> new int[2]);
                if (through.refused != null) {
                    counts[1]++;
                    assertThat(op.mayBeRefused).as("%s refused: %s; seed %d", how, through.refused, seed).isTrue();
                    continue;
                }
                counts[0]++;
                Answer written = run(raw, op, prepared);
                assertThat(through.toString()).as("%s: %s; seed %d", how, op.sql.literal(), seed)
                        .isEqualTo(written.toString());
                assertThat(fixture.drift(raw)).as("after %s: %s; seed %d", how, op.sql.literal(), seed).isNull();
            }
            fixture.assertApplied();
        }
        System.out.println("  form                                    accepted  refused");
        tally.forEach((form, c) -> System.out.printf("  %-40s %8d %8d%n", form, c[0], c[1]));
        assertThat(tally.values().stream().mapToInt(c -> c[0]).sum()).as("statements translated").isGreaterThan(
                STATEMENTS * 3 / 4);
    }

    /** What a statement answered: its count or rows, or the class of its failure, or Tandem's refusal. */
    private record Answer(String result, String failure, String refused) {
        @Override
        public String toString() {
            return failure != null ? "failed " + failure : result;
        }
    }

    private static Answer run(Connection connection, Op op, boolean prepared) {
        try {
            if (prepared) {
                try (PreparedStatement statement = connection.prepareStatement(op.sql.withMarkers())) {
                    op.sql.bind(statement);
                    return new Answer(op.query ? rows(statement.executeQuery()) : "count " + statement.executeUpdate(),
                            null, null);
                }
            }
            try (Statement statement = connection.createStatement()) {
                String sql = op.sql.literal();
                return new Answer(op.query ? rows(statement.executeQuery(sql)) : "count " + statement.executeUpdate(sql),
                        null, null);
            }
        } catch (SQLException e) {
            if ("0A000".equals(e.getSQLState()) && e.getMessage().contains("refused")) {
                return new Answer(null, null, e.getMessage());
            }
            String state = e.getSQLState() == null ? "?" : e.getSQLState();
            return new Answer(null, state.length() >= 2 ? state.substring(0, 2) : state, null);
        }
    }

    /** Labels (as the database folds them, compared without case) and values, in order. */
    private static String rows(ResultSet result) throws SQLException {
        try (result) {
            ResultSetMetaData meta = result.getMetaData();
            StringBuilder out = new StringBuilder();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                out.append(meta.getColumnLabel(c).toLowerCase(Locale.ROOT)).append(c < meta.getColumnCount() ? "," : ":");
            }
            while (result.next()) {
                out.append(" [");
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    out.append(result.getString(c)).append(c < meta.getColumnCount() ? "," : "]");
                }
            }
            return out.toString();
        }
    }

    // ------------------------------------------------------------------ statements

    /** One statement: its form, its text with values apart, and whether it returns rows. */
    private record Op(String form, Sql sql, boolean query, boolean mayBeRefused) {
    }

    /** SQL text with values apart: literals for a Statement, {@code ?} and setObject for a PreparedStatement. */
    private static final class Sql {
        private final List<Object> parts = new ArrayList<>();

        private record Value(Object value, int type) {
        }

        Sql s(String text) {
            parts.add(text);
            return this;
        }

        Sql v(Object value, int type) {
            parts.add(new Value(value, type));
            return this;
        }

        String literal() {
            StringBuilder out = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof Value value) {
                    Object v = value.value();
                    out.append(v == null ? "NULL" : v instanceof String text ? "'" + text.replace("'", "''") + "'"
                            : v instanceof Timestamp time ? "TIMESTAMP '" + time + "'" : v.toString());
                } else {
                    out.append(part);
                }
            }
            return out.toString();
        }

        String withMarkers() {
            StringBuilder out = new StringBuilder();
            for (Object part : parts) {
                out.append(part instanceof Value ? "?" : part);
            }
            return out.toString();
        }

        void bind(PreparedStatement statement) throws SQLException {
            int index = 1;
            for (Object part : parts) {
                if (part instanceof Value value) {
                    if (value.value() == null) {
                        statement.setNull(index++, value.type());
                    } else {
                        statement.setObject(index++, value.value(), value.type());
                    }
                }
            }
        }
    }

    /** Old-shape writes on the source: every column kind, in every clause a translation touches. */
    private static final class Generator {
        private final MirrorFixture fixture;
        private final SplittableRandom random;
        private int nextId = 1000;

        Generator(MirrorFixture fixture, SplittableRandom random) {
            this.fixture = fixture;
            this.random = random;
        }

        Op next() {
            String src = fixture.source;
            boolean returning = fixture.db != TestDatabase.H2;
            int choice = random.nextInt(returning ? 15 : 13);
            return switch (choice) {
                case 0 -> new Op("insert, all columns named", values(new Sql().s("INSERT INTO " + src
                        + " (id, name, qty, status, legacy_flag, touched) VALUES "), 1), false, false);
                case 1 -> new Op("insert, several rows", values(new Sql().s("INSERT INTO " + src
                        + " (id, name, qty, status, legacy_flag, touched) VALUES "), 2 + random.nextInt(3)), false, false);
                case 2 -> new Op("insert, no column list", values(new Sql().s("INSERT INTO " + src + " VALUES "), 1),
                        false, false);
                case 3 -> {
                    Sql sql = new Sql().s("INSERT INTO " + src + " (legacy_flag, status, id, name) VALUES (")
                            .v(random.nextInt(2), Types.INTEGER).s(", ").v(random.nextInt(9), Types.INTEGER).s(", ")
                            .v(key(), Types.INTEGER).s(", ").v(name(), Types.VARCHAR).s(")");
                    yield new Op("insert, columns reordered, some left out", sql, false, false);
                }
                case 4 -> {
                    int from = 1 + random.nextInt(60);
                    int offset = 100_000 + 1000 * nextId++;
                    Sql sql = new Sql().s("INSERT INTO " + src + " (id, name, qty, status, legacy_flag) SELECT id + ")
                            .v(offset, Types.INTEGER).s(", name, qty * 2, status + 1, legacy_flag FROM " + src
                                    + " WHERE id BETWEEN ").v(from, Types.INTEGER).s(" AND ").v(from + 4, Types.INTEGER);
                    yield new Op("insert … select from the source", sql, false, false);
                }
                case 5 -> new Op("update of the renamed column by key", new Sql().s("UPDATE " + src + " SET name = ")
                        .v(name(), Types.VARCHAR).s(" WHERE id = ").v(anyId(), Types.INTEGER), false, false);
                case 6 -> new Op("update of the computed column from itself", new Sql().s("UPDATE " + src
                        + " SET status = status + ").v(1 + random.nextInt(3), Types.INTEGER).s(" WHERE id BETWEEN ")
                        .v(anyId(), Types.INTEGER).s(" AND ").v(anyId() + 5, Types.INTEGER), false, false);
                case 7 -> new Op("update of the source-only and other columns", new Sql().s("UPDATE " + src
                        + " SET legacy_flag = ").v(random.nextInt(2), Types.INTEGER).s(", qty = qty - 1, touched = ")
                        .v(random.nextBoolean() ? NOON : null, Types.TIMESTAMP).s(" WHERE qty > ")
                        .v(random.nextInt(80), Types.INTEGER), false, false);
                case 8 -> new Op("update, condition on renamed and computed", new Sql().s("UPDATE " + src
                        + " SET qty = qty * 2, status = ").v(random.nextInt(9), Types.INTEGER).s(" WHERE name = ")
                        .v(name(), Types.VARCHAR).s(" OR status = ").v(random.nextInt(9), Types.INTEGER), false, false);
                case 9 -> new Op("update of the source-only column alone", new Sql().s("UPDATE " + src
                        + " SET legacy_flag = ").v(random.nextInt(2), Types.INTEGER).s(" WHERE id = ")
                        .v(anyId(), Types.INTEGER), false, false);
                case 10 -> new Op("update, same-table subquery", new Sql().s("UPDATE " + src + " SET name = ")
                        .v(name(), Types.VARCHAR).s(" WHERE id IN (SELECT id FROM (SELECT id FROM " + src
                                + " WHERE status = ").v(random.nextInt(9), Types.INTEGER).s(") s)"), false, false);
                case 11 -> new Op("delete by key or range", new Sql().s("DELETE FROM " + src + " WHERE id BETWEEN ")
                        .v(anyId(), Types.INTEGER).s(" AND ").v(anyId() + random.nextInt(3), Types.INTEGER), false, false);
                case 12 -> new Op("delete by computed and renamed", new Sql().s("DELETE FROM " + src + " WHERE status = ")
                        .v(random.nextInt(12), Types.INTEGER).s(" AND name LIKE ").v("n" + random.nextInt(9) + "%",
                                Types.VARCHAR), false, false);
                case 13 -> new Op("insert … returning", values(new Sql().s("INSERT INTO " + src
                        + " (id, name, qty, status, legacy_flag, touched) VALUES "), 1).s(" RETURNING id, name, status"),
                        true, false);
                default -> new Op("delete … returning", new Sql().s("DELETE FROM " + src + " WHERE id = ")
                        .v(anyId(), Types.INTEGER).s(" RETURNING id, name AS who, qty, status"), true, false);
            };
        }

        /** {@code rows} rows of all six source columns; now and then a key that is taken, so both fail. */
        private Sql values(Sql sql, int rows) {
            for (int r = 0; r < rows; r++) {
                sql.s(r == 0 ? "(" : ", (").v(key(), Types.INTEGER).s(", ").v(name(), Types.VARCHAR).s(", ")
                        .v(random.nextInt(100), Types.INTEGER).s(", ").v(random.nextInt(9), Types.INTEGER).s(", ")
                        .v(random.nextInt(2), Types.INTEGER).s(", ").v(random.nextBoolean() ? NOON : null, Types.TIMESTAMP)
                        .s(")");
            }
            return sql;
        }

        private int key() {
            return random.nextInt(30) == 0 ? 1 + random.nextInt(40) : nextId++;
        }

        private int anyId() {
            return random.nextBoolean() ? 1 + random.nextInt(40) : 1000 + random.nextInt(Math.max(1, nextId - 1000));
        }

        private String name() {
            return random.nextInt(10) == 0 ? null : "n" + random.nextInt(50);
        }
    }
}
