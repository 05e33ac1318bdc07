package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tandem.jdbc.TestDatabase;
import dev.tandem.ops.Progress;
import dev.tandem.ops.Verify;
import dev.tandem.routing.Routing;

/** {@code tandem verify} and {@code tandem status} on each database, run in-process. */
class VerifyTest {

    @TempDir
    Path dir;

    /** Marks a target row updated (H2's side of the trigger PostgreSQL and MariaDB write in SQL). */
    public static final class MarkUpdated implements org.h2.api.Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
            newRow[5] = "updated";
        }
    }

    /**
     * Drift of each kind (a target row missing, target rows the source lacks, values that differ, one in
     * the computed column only) is listed by key and kind with exit code 1; {@code --repair} writes exactly
     * those keys (an update trigger on the target marks every row written, and only the two different rows
     * are); then verify finds nothing and exits 0, and status shows the backfill, the last verify run and
     * the read this JVM made through Tandem.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void verify_listsEachKindOfDrift_andRepairWritesExactlyThoseKeys(TestDatabase db) throws Exception {
        OpsFixture fixture = new OpsFixture(db, dir, "vfy").create("dual-write");
        fixture.seed(1, 120);
        assertThat(fixture.run("backfill", "--chunk", "50").exit()).isZero();
        OpsFixture.Run clean = fixture.run("verify", "--chunk", "25");
        assertThat(clean.exit()).as(clean.toString()).isZero();
        assertThat(clean.out()).contains("no drift in 5 chunks");

        fixture.execute("DELETE FROM " + fixture.target + " WHERE id = 10");
        fixture.execute("DELETE FROM " + fixture.source + " WHERE id = 60");
        fixture.execute("INSERT INTO " + fixture.target + " (id, title, qty, status_code) VALUES (500, 'x', 1, '1')");
        fixture.execute("UPDATE " + fixture.target + " SET title = 'changed' WHERE id = 30");
        fixture.execute("UPDATE " + fixture.target + " SET status_code = '9' WHERE id = 77");
        fixture.execute("UPDATE " + fixture.target + " SET note = 'not mapped' WHERE id = 90");
        markUpdates(db, fixture);

        OpsFixture.Run found = fixture.run("verify", "--chunk", "25");
        assertThat(found.exit()).as(found.toString()).isEqualTo(1);
        assertThat(found.out()).contains("drift in 5 chunks: 1 missing in target, 2 extra in target, 2 different");
        assertThat(found.out().lines().filter(line -> line.startsWith("  ")).toList()).containsExactly(
                "  missing in target: id=10", "  extra in target: id=60", "  extra in target: id=500",
                "  different: id=30", "  different: id=77");
        assertThat(fixture.drift()).as("verify alone changes nothing").isNotNull();

        OpsFixture.Run repaired = fixture.run("verify", "--chunk", "25", "--repair");
        assertThat(repaired.exit()).as(repaired.toString()).isEqualTo(1);
        assertThat(repaired.out()).contains("5 repaired");
        assertThat(fixture.drift()).isNull();
        try (Connection raw = fixture.raw()) {
            assertThat(OpsFixture.rows(raw, "SELECT id FROM " + fixture.target + " WHERE note = 'updated' ORDER BY id"))
                    .as("target rows written by the repair").containsExactly(List.of("30"), List.of("77"));
            assertThat(OpsFixture.rows(raw, "SELECT note FROM " + fixture.target + " WHERE id IN (10, 90) ORDER BY id"))
                    .containsExactly(List.of("new"), List.of("not mapped"));
        }

        OpsFixture.Run after = fixture.run("verify", "--chunk", "25");
        assertThat(after.exit()).as(after.toString()).isZero();

        try (Connection tandem = fixture.tandem(); Statement statement = tandem.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM " + fixture.source).close();
        }
        OpsFixture.Run status = OpsFixture.tandem("status", "--url", fixture.url, "--config", fixture.routing.toString());
        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.out()).contains("items: " + fixture.source + " -> " + fixture.target)
                .contains("phase:    dual-write").contains("backfill: done at ").contains("120 rows copied in 3 chunks")
                .containsPattern("verify: {3}run 4 at [0-9T:.-]+Z: no drift in 5 chunks")
                .contains("reads:    1 from source, 0 from target (this JVM)");
        dropTrigger(db, fixture);
    }

    /**
     * A verify run stopped after two chunks is resumed by the next one, which reports the drift the
     * first found as well as its own.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void verify_stoppedMidway_resumesAndReportsEverythingFound(TestDatabase db) throws Exception {
        OpsFixture fixture = new OpsFixture(db, dir, "vres").create("dual-write");
        fixture.seed(1, 100);
        assertThat(fixture.run("backfill").exit()).isZero();
        fixture.execute("UPDATE " + fixture.target + " SET qty = -1 WHERE id IN (5, 95)");

        List<String> lines = new ArrayList<>();
        Writer stopping = new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(char[] chars, int offset, int length) {
                for (int i = offset; i < offset + length; i++) {
                    if (chars[i] != '\n') {
                        line.append(chars[i]);
                        continue;
                    }
                    lines.add(line.toString());
                    line.setLength(0);
                    if (lines.stream().filter(l -> l.contains(" done ")).count() == 2) {
                        throw new IllegalStateException("stopped after two chunks");
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Verify stopped = new Verify(() -> DriverManager.getConnection(fixture.url),
                Routing.load(fixture.routing).migration(OpsFixture.MIGRATION).migration(), new Verify.Options(20, false),
                new Progress(new PrintWriter(stopping), false, "verify items"));
        assertThatThrownBy(stopped::run).hasMessage("stopped after two chunks");

        OpsFixture.Run resumed = fixture.run("verify", "--chunk", "20");
        assertThat(resumed.exit()).as(resumed.toString()).isEqualTo(1);
        assertThat(resumed.out()).contains("resuming run 1 after 2 chunks").contains("chunk 3 done")
                .doesNotContain("chunk 2 done").contains("drift in 6 chunks: 0 missing in target, 0 extra in target, 2 different");
        assertThat(resumed.out().lines().filter(line -> line.startsWith("  ")).toList())
                .containsExactly("  different: id=5", "  different: id=95");
    }

    private static void markUpdates(TestDatabase db, OpsFixture fixture) throws Exception {
        try (Connection raw = fixture.raw(); Statement statement = raw.createStatement()) {
            switch (db) {
                case H2 -> statement.execute("CREATE TRIGGER bf_mark BEFORE UPDATE ON " + fixture.target
                        + " FOR EACH ROW CALL \"" + MarkUpdated.class.getName() + "\"");
                case POSTGRES -> {
                    statement.execute("CREATE OR REPLACE FUNCTION bf_mark() RETURNS trigger AS $$ BEGIN"
                            + " NEW.note := 'updated'; RETURN NEW; END $$ LANGUAGE plpgsql");
                    statement.execute("CREATE TRIGGER bf_mark BEFORE UPDATE ON " + fixture.target
                            + " FOR EACH ROW EXECUTE FUNCTION bf_mark()");
                }
                case MARIADB -> statement.execute("CREATE TRIGGER bf_mark BEFORE UPDATE ON " + fixture.target
                        + " FOR EACH ROW SET NEW.note = 'updated'");
            }
        }
    }

    private static void dropTrigger(TestDatabase db, OpsFixture fixture) throws Exception {
        try (Connection raw = fixture.raw(); Statement statement = raw.createStatement()) {
            statement.execute(db == TestDatabase.MARIADB ? "DROP TRIGGER bf_mark"
                    : "DROP TRIGGER bf_mark" + (db == TestDatabase.POSTGRES ? " ON " + fixture.target : ""));
        }
    }
}
