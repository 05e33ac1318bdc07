package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tandem.jdbc.TestDatabase;

/** {@code tandem backfill} on each database, run in-process. */
class BackfillTest {

    @TempDir
    Path dir;

    /**
     * Stale target rows are overwritten, target rows without a source row deleted, missing ones made,
     * through the mapping (rename, computed column, source-only column left out, target-only column
     * defaulted), and the target's identity then issues keys past the source's largest.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void backfill_makesTheTargetMappingOfTheSource_andAdvancesTheKeyGenerator(TestDatabase db) throws Exception {
        OpsFixture fixture = new OpsFixture(db, dir, "copy").create("dual-write");
        fixture.seed(1, 250);
        fixture.execute("INSERT INTO " + fixture.target + " (id, title, qty, status_code, note) VALUES"
                + " (3, 'stale', 0, 'x', 'kept'), (100, 'stale', 0, 'x', 'kept'), (251, 'orphan', 0, '0', 'n'),"
                + " (5000, 'orphan', 0, '0', 'n')");

        OpsFixture.Run run = fixture.run("backfill", "--chunk", "40");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("7 chunks").contains("chunk 7 done").contains("next key");
        assertThat(fixture.drift()).as(run.toString()).isNull();
        try (Connection raw = fixture.raw(); Statement statement = raw.createStatement()) {
            assertThat(OpsFixture.rows(raw, "SELECT note FROM " + fixture.target + " WHERE id IN (3, 4) ORDER BY id"))
                    .as("a target-only column keeps its value on update and takes its default on insert")
                    .containsExactly(List.of("kept"), List.of("new"));
            statement.executeUpdate("INSERT INTO " + fixture.target + " (title) VALUES ('generated')");
            // MariaDB's counter had already passed 5000, the key of a row inserted into the target and deleted since
            assertThat(OpsFixture.rows(raw, "SELECT id FROM " + fixture.target + " WHERE title = 'generated'"))
                    .containsExactly(List.of(db == TestDatabase.MARIADB ? "5001" : "251"));
        }
    }

    /** A key of two columns: chunks are ranges in the key's lexicographic order, and every row arrives. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void backfill_withACompositeKey_copiesEveryRange(TestDatabase db) throws Exception {
        Path routing = dir.resolve("composite.yaml");
        java.nio.file.Files.writeString(routing, """
                migrations:
                  pairs:
                    source: bf_pairs
                    target: bf_pairs_v2
                    key: [tenant, code]
                    columns:
                      amount: total
                    phase: dual-write
                """);
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bf_pairs");
            statement.execute("DROP TABLE IF EXISTS bf_pairs_v2");
            statement.execute("CREATE TABLE bf_pairs (tenant INT NOT NULL, code VARCHAR(10) NOT NULL, amount INT,"
                    + " PRIMARY KEY (tenant, code))");
            statement.execute("CREATE TABLE bf_pairs_v2 (tenant INT NOT NULL, code VARCHAR(10) NOT NULL, total INT,"
                    + " PRIMARY KEY (tenant, code))");
            for (String table : List.of("tandem_backfill_chunk", "tandem_backfill_run", "tandem_verify_drift",
                    "tandem_verify_run")) {
                try {
                    statement.execute("DELETE FROM " + table + " WHERE migration_id = 'pairs'");
                } catch (java.sql.SQLException e) {
                    // not made yet
                }
            }
            try (PreparedStatement insert = raw.prepareStatement("INSERT INTO bf_pairs VALUES (?, ?, ?)")) {
                for (int tenant = 1; tenant <= 9; tenant++) {
                    for (int code = 0; code < 13; code++) {
                        insert.setInt(1, tenant);
                        insert.setString(2, "c" + code);
                        insert.setInt(3, tenant * 100 + code);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            statement.execute("INSERT INTO bf_pairs_v2 VALUES (4, 'c3', -1), (4, 'zz', 1), (10, 'a', 1)");
        }
        OpsFixture.Run run = OpsFixture.tandem("backfill", "pairs", "--url", db.rawUrl(), "--config", routing.toString(),
                "--chunk", "10");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("12 chunks").contains("no key generator");
        try (Connection raw = db.raw()) {
            assertThat(OpsFixture.rows(raw, "SELECT tenant, code, total FROM bf_pairs_v2 ORDER BY tenant, code"))
                    .isEqualTo(OpsFixture.rows(raw, "SELECT tenant, code, amount FROM bf_pairs ORDER BY tenant, code"));
        }
        OpsFixture.Run verify = OpsFixture.tandem("verify", "pairs", "--url", db.rawUrl(), "--config",
                routing.toString(), "--chunk", "7");
        assertThat(verify.exit()).as(verify.toString()).isZero();
    }

    /** A finished backfill is not copied again; {@code --restart} copies everything again. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void backfill_isIdempotent_andRestartCopiesAgain(TestDatabase db) throws Exception {
        OpsFixture fixture = new OpsFixture(db, dir, "again").create("verify");
        fixture.seed(1, 30);
        assertThat(fixture.run("backfill", "--chunk", "10").exit()).isZero();
        fixture.execute("UPDATE " + fixture.target + " SET title = 'changed' WHERE id = 7");

        OpsFixture.Run again = fixture.run("backfill");
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.out()).contains("already finished");
        assertThat(fixture.drift()).as("a finished backfill copies nothing").contains("id 7");

        OpsFixture.Run restart = fixture.run("backfill", "--restart", "--chunk", "20");
        assertThat(restart.exit()).as(restart.toString()).isZero();
        assertThat(restart.out()).contains("checkpoint forgotten").contains("2 chunks");
        assertThat(fixture.drift()).isNull();
        try (Connection raw = fixture.raw(); Statement statement = raw.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM tandem_backfill_chunk WHERE migration_id"
                        + " = 'items' AND done = 1")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(2);
        }
    }
}
