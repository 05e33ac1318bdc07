package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tandem.routing.RoutingFile;

/**
 * Writes through a connection whose routing puts a migration in a phase that writes both tables, on
 * every database: each form reaches the other table in the same transaction, through the mapping,
 * with the values the database made copied rather than made twice; the application sees what its
 * statement gave; a mirror that fails leaves neither table changed; and a write that cannot be
 * mirrored exactly is refused before anything runs.
 */
class MirroredWritesTest {

    @TempDir
    Path dir;

    private Path routing;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void insertsUpdatesAndDeletes_reachTheTargetThroughTheMapping(TestDatabase db) throws Exception {
        setUp(db, "dual-write");
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("INSERT INTO mt_items (id, name, qty, status, legacy_flag)"
                    + " VALUES (3, 'cy', 30, 3, 1), (4, 'di', 40, 4, 0)")).isEqualTo(2);
            assertThat(statement.executeUpdate("UPDATE mt_items SET qty = qty + 1 WHERE id IN"
                    + " (SELECT id FROM mt_items WHERE qty >= 20)")).isEqualTo(3);
            assertThat(statement.executeUpdate("DELETE FROM mt_items WHERE name = 'ann'")).isEqualTo(1);
            try (PreparedStatement update = connection.prepareStatement("UPDATE mt_items SET name = ? WHERE id = ?")) {
                update.setString(1, "bea");
                update.setInt(2, 2);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
        assertThat(target(db)).containsExactly("2|bea|21|2|new", "3|cy|31|3|new", "4|di|41|4|new");
        assertNoDrift(db);
        assertThat(monitor().getMirroredWrites()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void valuesTheDatabaseMakes_areCopiedFromThePrimaryRow(TestDatabase db) throws Exception {
        setUp(db, "dual-write");
        String random = db == TestDatabase.POSTGRES ? "floor(random() * 1000000)" : "FLOOR(RAND() * 1000000)";
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE mt_items SET qty = " + random + ", touched = CURRENT_TIMESTAMP");
            statement.executeUpdate("INSERT INTO mt_items (id, name, qty, touched) VALUES (5, 'ed', " + random
                    + ", CURRENT_TIMESTAMP)");
        }
        assertNoDrift(db);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void writesNamingTheTarget_areMirroredBackToTheSource(TestDatabase db) throws Exception {
        setUp(db, "verify");
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO mt_items_v2 (id, title, qty, status_code) VALUES (7, 'gus', 70, '7')");
            statement.executeUpdate("UPDATE mt_items_v2 SET title = 'ann2' WHERE id = 1");
            statement.executeUpdate("DELETE FROM mt_items_v2 WHERE id = 2");
        }
        assertThat(source(db)).containsExactly("1|ann2|10|1|0", "7|gus|70|7|null");
        assertNoDrift(db);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTransaction_mirrorsEachWrite_andARollbackUndoesBoth(TestDatabase db) throws Exception {
        setUp(db, "cutover");
        try (Connection connection = connect(db)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO mt_items (id, name, qty) VALUES (8, 'hal', 80)");
                statement.executeUpdate("UPDATE mt_items SET qty = 0 WHERE id = 1");
            }
            connection.rollback();
            assertNoDrift(db);
            assertThat(target(db)).hasSize(2);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO mt_items (id, name, qty) VALUES (8, 'hal', 80)");
            }
            connection.commit();
        }
        assertThat(target(db)).hasSize(3);
        assertNoDrift(db);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTransactionOpenedInSql_isLeftOpen_andItsRollbackUndoesBothTables(TestDatabase db) throws Exception {
        setUp(db, "dual-write");
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
            statement.executeUpdate("UPDATE mt_items SET name = 'x' WHERE id = 1");
            statement.executeUpdate("INSERT INTO mt_items (id, name) VALUES (9, 'ivy')");
            statement.execute("ROLLBACK");
            statement.executeUpdate("UPDATE mt_items SET qty = 12 WHERE id = 1");
        }
        assertThat(source(db)).containsExactly("1|ann|12|1|0", "2|bob|20|2|1");
        assertNoDrift(db);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void batches_ofStatementsAndOfParameters_areMirroredAsOneUnit(TestDatabase db) throws Exception {
        setUp(db, "dual-write");
        try (Connection connection = connect(db)) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mt_items (id, name, qty) VALUES (?, ?, ?)")) {
                for (int id = 10; id < 13; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "n" + id);
                    insert.setInt(3, id);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
            }
            try (Statement statement = connection.createStatement()) {
                statement.addBatch("UPDATE mt_items SET qty = 99 WHERE id >= 11");
                statement.addBatch("DELETE FROM mt_items WHERE id = 10");
                assertThat(statement.executeBatch()).containsExactly(2, 1);
            }
        }
        assertThat(target(db)).contains("11|n11|99|null|new", "12|n12|99|null|new").hasSize(4);
        assertNoDrift(db);
    }

    @Test
    void underAutocommit_anInsertOrUpdateAndItsCopy_runAsOneStatement_onH2() throws Exception {
        TestDatabase db = TestDatabase.H2;
        setUp(db, "dual-write");
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            statement.execute("SET QUERY_STATISTICS TRUE");
        }
        List<String> ran;
        try (Connection connection = connect(db)) {
            for (int id = 1; id <= 2; id++) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE mt_items SET qty = ? WHERE id = ?")) {
                    update.setInt(1, 100 + id);
                    update.setInt(2, id);
                    assertThat(update.executeUpdate()).isEqualTo(1);
                }
            }
            try (Statement statement = connection.createStatement()) {
                assertThat(statement.executeUpdate("INSERT INTO mt_items (id, name, qty) VALUES (5, 'eve', 50)"))
                        .isEqualTo(1);
                connection.setAutoCommit(false);
                statement.executeUpdate("UPDATE mt_items SET qty = 7 WHERE id = 5");
                connection.commit();
            }
            ran = rows(db, "SELECT EXECUTION_COUNT || ' ' || SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                    + " WHERE SQL_STATEMENT LIKE '%mt_items%' ORDER BY SQL_STATEMENT");
        } finally {
            try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
                statement.execute("SET QUERY_STATISTICS FALSE"); // which also forgets them
            }
        }
        assertThat(ran).anyMatch(line -> line.startsWith("2 MERGE INTO") && line.endsWith(
                "FROM FINAL TABLE (UPDATE mt_items SET qty = ? WHERE id = ?)"));
        assertThat(ran).anyMatch(line -> line.startsWith("1 MERGE INTO") && line.endsWith(
                "FROM FINAL TABLE (INSERT INTO mt_items (id, name, qty) VALUES (5, 'eve', 50))"));
        assertThat(ran).as("in the application's transaction, the write and a copy by key")
                .anyMatch(line -> line.equals("1 UPDATE mt_items SET qty = 7 WHERE id = 5"))
                .anyMatch(line -> line.startsWith("1 MERGE INTO") && line.contains("FROM mt_items WHERE"));
        assertThat(ran).as("the writes under autocommit ran only in one statement")
                .noneMatch(line -> line.endsWith("UPDATE mt_items SET qty = ? WHERE id = ?") && !line.contains("MERGE"));
        assertThat(target(db)).containsExactly("1|ann|101|1|new", "2|bob|102|2|new", "5|eve|7|null|new");
        assertNoDrift(db);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStatementPreparedWhileMirrored_runsAsWritten_onceItsMigrationIsOff_aloneAndInABatch(TestDatabase db)
            throws Exception {
        setUp(db, "dual-write");
        RoutingFile file = RoutingFile.open(routing, 0);
        try (Connection connection = connect(db);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO mt_items (id, name, qty) VALUES (?, ?, ?)")) {
            insert.setInt(1, 20);
            insert.setString(2, "mirrored");
            insert.setInt(3, 1);
            assertThat(insert.executeUpdate()).isEqualTo(1);
            Files.writeString(routing, Files.readString(routing).replace("phase: dual-write", "phase: \"off\""));
            assertThat(file.reload().outcome()).isEqualTo(RoutingFile.Outcome.APPLIED);
            insert.setInt(1, 21);
            insert.setString(2, "alone");
            assertThat(insert.executeUpdate()).isEqualTo(1);
            for (int id = 22; id <= 23; id++) {
                insert.setInt(1, id);
                insert.setString(2, "batched");
                insert.addBatch();
            }
            assertThat(insert.executeBatch()).containsExactly(1, 1);
        }
        assertThat(source(db)).hasSize(6);
        assertThat(target(db)).extracting(row -> row.substring(0, row.indexOf('|'))).containsExactly("1", "2", "20");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMirrorThatFails_failsTheStatement_andNeitherTableChanges(TestDatabase db) throws Exception {
        setUp(db, "dual-write");
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            statement.execute("ALTER TABLE mt_items_v2 ADD CONSTRAINT mt_small CHECK (qty < 1000)");
        }
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE mt_items SET qty = 5000 WHERE id = 1"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("could not be mirrored", "items-v2", "neither was changed");
            connection.setAutoCommit(false);
            statement.executeUpdate("UPDATE mt_items SET qty = 11 WHERE id = 1");
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE mt_items SET qty = 5000 WHERE id = 2"))
                    .hasMessageContaining("could not be mirrored");
            statement.executeUpdate("UPDATE mt_items SET qty = 12 WHERE id = 2");
            connection.commit();
        }
        assertThat(source(db)).containsExactly("1|ann|11|1|0", "2|bob|12|2|1");
        assertNoDrift(db);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWriteThatCannotBeMirroredExactly_isRefusedBeforeAnythingRuns(TestDatabase db) throws Exception {
        setUp(db, "dual-write");
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE mt_items SET id = 9 WHERE id = 1"))
                    .hasMessageContaining("refused, nothing was run", "key column");
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE mt_items SET qty = 1; DELETE FROM mt_items"))
                    .hasMessageContaining("refused, nothing was run");
        }
        assertThat(source(db)).containsExactly("1|ann|10|1|0", "2|bob|20|2|1");
        assertNoDrift(db);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keysTheSourceGenerates_areCarriedOver_andTheApplicationGetsThem(TestDatabase db) throws Exception {
        setUpOrders(db);
        try (Connection connection = connect(db)) {
            List<Long> keys = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mo_orders (item, qty) VALUES (?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (String item : List.of("pen", "ink")) {
                    insert.setString(1, item);
                    insert.setInt(2, 2);
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                    try (ResultSet generated = insert.getGeneratedKeys()) {
                        assertThat(generated.next()).isTrue();
                        keys.add(generated.getLong(1));
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                assertThat(statement.executeUpdate("INSERT INTO mo_orders (item, qty) VALUES ('cap', 1), ('nib', 1)",
                        new String[] {"id"})).isEqualTo(2);
                try (ResultSet generated = statement.getGeneratedKeys()) {
                    while (generated.next()) {
                        keys.add(generated.getLong(1));
                    }
                }
                assertThat(statement.executeUpdate("INSERT INTO mo_orders (item, qty) SELECT item, qty + 10 FROM mo_orders"
                        + " WHERE qty = 2")).isEqualTo(2);
            }
            // MariaDB's driver gives one key for a multi-row insert, its first (MirroredWriteResultsTest compares all)
            assertThat(keys).hasSize(db == TestDatabase.MARIADB ? 3 : 4).doesNotHaveDuplicates();
        }
        assertThat(rows(db, "SELECT id, item_name, qty FROM mo_orders_v2 ORDER BY id"))
                .isEqualTo(rows(db, "SELECT id, item, qty FROM mo_orders ORDER BY id")).hasSize(6);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"POSTGRES", "MARIADB"})
    void returning_givesTheApplicationItsRows_andMirrorsThem(TestDatabase db) throws Exception {
        setUp(db, "dual-write");
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("INSERT INTO mt_items (id, name, qty) VALUES (5, 'eve', 50),"
                    + " (6, 'fox', 60) RETURNING id, name")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt("id")).isEqualTo(5);
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("name")).isEqualTo("fox");
                assertThat(rows.next()).isFalse();
            }
            try (ResultSet rows = statement.executeQuery("DELETE FROM mt_items WHERE id = 5 RETURNING *")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("name")).isEqualTo("eve");
            }
            assertThatThrownBy(() -> statement.executeQuery("DELETE FROM mt_items WHERE id = 6 RETURNING name"))
                    .hasMessageContaining("refused, nothing was run", "RETURNING");
        }
        assertThat(target(db)).extracting(row -> row.split("\\|")[0]).containsExactly("1", "2", "6");
        assertNoDrift(db);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void upserts_areMirrored_whereTheDatabaseReportsTheRowsTheyChanged(TestDatabase db) throws Exception {
        setUp(db, "dual-write");
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            switch (db) {
                case POSTGRES -> {
                    assertThat(statement.executeUpdate("INSERT INTO mt_items (id, name, qty) VALUES (1, 'ann', 11),"
                            + " (3, 'cy', 30) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty")).isEqualTo(2);
                    assertThat(statement.executeUpdate("INSERT INTO mt_items (id, name) VALUES (2, 'no'), (4, 'di')"
                            + " ON CONFLICT DO NOTHING")).isEqualTo(1);
                }
                case H2 -> {
                    assertThat(statement.executeUpdate("MERGE INTO mt_items (id, name, qty) KEY (id) VALUES (1, 'ann', 11),"
                            + " (3, 'cy', 30)")).isEqualTo(2);
                    assertThat(statement.executeUpdate("MERGE INTO mt_items KEY (id) VALUES (4, 'di', NULL, NULL, NULL,"
                            + " NULL)")).isEqualTo(1);
                }
                case MARIADB -> {
                    assertThat(statement.executeUpdate("INSERT IGNORE INTO mt_items (id, name, qty) VALUES (2, 'no', 0),"
                            + " (3, 'cy', 30), (4, 'di', NULL)")).isEqualTo(2);
                    // the keys given are the rows changed: inserted, updated, or (REPLACE) deleted and inserted again
                    assertThat(statement.executeUpdate("INSERT INTO mt_items (id, name, qty) VALUES (1, 'x', 11), (5, 'ed', 5)"
                            + " ON DUPLICATE KEY UPDATE name = VALUES(name), qty = VALUES(qty)")).isEqualTo(3);
                    try (PreparedStatement replace = connection.prepareStatement("REPLACE INTO mt_items (name, id, status)"
                            + " VALUES (?, ?, 1), ('gone', 6, NULL)")) {
                        replace.setString(1, "ann");
                        replace.setInt(2, 1);
                        assertThat(replace.executeUpdate()).isEqualTo(3);
                    }
                    statement.executeUpdate("DELETE FROM mt_items WHERE id IN (5, 6)");
                    // not the keys: refused, saying why
                    assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO mt_items (id, name) SELECT id + 10, name"
                            + " FROM mt_items ON DUPLICATE KEY UPDATE qty = 1"))
                            .hasMessageContaining("refused, nothing was run", "VALUES give every key column");
                    assertThatThrownBy(() -> statement.executeUpdate("REPLACE INTO mt_items (id, name) VALUES (1 + 1, 'x')"))
                            .hasMessageContaining("refused, nothing was run", "as a number or a parameter");
                    statement.executeUpdate("UPDATE mt_items SET qty = 11 WHERE id = 1");
                    assertThat(statement.executeUpdate("UPDATE mt_items SET qty = qty + 1 ORDER BY id DESC LIMIT 2"))
                            .isEqualTo(2);
                    statement.executeUpdate("UPDATE mt_items SET qty = qty - 1 WHERE id >= 3");
                    assertThat(statement.executeUpdate("DELETE FROM mt_items ORDER BY id DESC LIMIT 1")).isEqualTo(1);
                    statement.executeUpdate("INSERT INTO mt_items (id, name) VALUES (4, 'di')");
                }
            }
        }
        assertThat(target(db)).extracting(row -> row.substring(0, row.lastIndexOf('|')))
                .containsExactly("1|ann|11|1", "2|bob|20|2", "3|cy|30|null", "4|di|null|null");
        assertNoDrift(db);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRES")
    void postgresUpdateFrom_andDeleteUsing_areMirrored_withTheirCountsAndReturning(TestDatabase db) throws Exception {
        setUp(db, "dual-write");
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS mt_prices");
            statement.execute("CREATE TABLE mt_prices (item_id INT, id INT, qty INT)");
            // row 1 matches two price rows: PostgreSQL updates it once, and it is copied once
            statement.execute("INSERT INTO mt_prices VALUES (1, 100, 11), (1, 101, 12), (2, 102, 21)");
        }
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE mt_items AS i SET qty = i.qty + 1, touched = clock_timestamp()"
                    + " FROM mt_prices p WHERE p.item_id = i.id")).isEqualTo(2);
            // the list names the written table again, and its key column is named like one of the list's
            try (ResultSet rows = statement.executeQuery("UPDATE mt_items SET name = other.name || '+' FROM mt_items AS"
                    + " other, mt_prices p WHERE other.id = mt_items.id AND p.id = 102 AND p.item_id = other.id"
                    + " RETURNING mt_items.name, p.id")) {
                assertThat(MirroredWriteResultsTest.rows(rows)).isEqualTo("[name,id] (bob+,102)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mt_items (id, name, qty)"
                    + " SELECT id, 'p' || id, qty FROM mt_prices WHERE id > ?")) {
                insert.setInt(1, 100);
                assertThat(insert.executeUpdate()).isEqualTo(2);
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE mt_items i SET status = ? FROM mt_items_v2 v"
                    + " WHERE v.id = i.id AND v.qty > ?", new String[] {"status"})) {
                update.setInt(1, 7);
                update.setInt(2, 10);
                assertThat(update.executeUpdate()).isEqualTo(4);
                assertThat(MirroredWriteResultsTest.rows(update.getGeneratedKeys())).isEqualTo("[status] (7) (7) (7) (7)");
            }
            assertThat(statement.executeUpdate("DELETE FROM mt_items USING mt_prices p WHERE p.id = mt_items.id"
                    + " AND p.qty = 12", Statement.RETURN_GENERATED_KEYS)).isEqualTo(1);
            assertThat(MirroredWriteResultsTest.rows(statement.getGeneratedKeys()))
                    .startsWith("[id,name,qty,status,legacy_flag,touched,item_id,id,qty] (101,p101,12,7,");
        }
        assertThat(target(db)).containsExactly("1|ann|11|7|new", "2|bob+|21|7|new", "102|p102|21|7|new");
        assertNoDrift(db);
        assertThat(monitor().getMirroredWrites()).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRES")
    void postgresUpdateFrom_inTargetOnly_readsTheTarget_forTheSourceItNames(TestDatabase db) throws Exception {
        setUp(db, "target-only");
        List<String> source = source(db);
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE mt_items_v2 v SET qty = s.qty + 1 FROM mt_items s"
                    + " WHERE s.id = v.id")).isEqualTo(2);
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE mt_items s SET qty = 0 FROM mt_items_v2 v"
                    + " WHERE s.id = v.id")).hasMessageContaining("refused, nothing was run", "not translated");
        }
        assertThat(target(db)).containsExactly("1|ann|11|1|new", "2|bob|21|2|new");
        assertThat(source(db)).isEqualTo(source);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "MARIADB")
    void mariadbUpserts_onATableWithAnotherUniqueKey_areRefused_andSayWhy(TestDatabase db) throws Exception {
        setUp(db, "dual-write");
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            statement.execute("CREATE UNIQUE INDEX mt_items_name ON mt_items (name)");
        }
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            // 'bob' is row 2's name: MariaDB would replace row 2, which no key of the statement names
            assertThatThrownBy(() -> statement.executeUpdate("REPLACE INTO mt_items (id, name) VALUES (3, 'bob')"))
                    .hasMessageContaining("refused, nothing was run", "another");
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO mt_items (id, name) VALUES (3, 'bob')"
                    + " ON DUPLICATE KEY UPDATE qty = 0")).hasMessageContaining("refused, nothing was run", "another");
        }
        assertThat(source(db)).containsExactly("1|ann|10|1|0", "2|bob|20|2|1");
        assertNoDrift(db);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "MARIADB")
    void mariadbMultiTableWrites_areMirrored_andCountAsTheDriverAlone(TestDatabase db) throws Exception {
        setUp(db, "dual-write");
        createPrices(db);
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO mt_items (id, name, qty, status) VALUES (3, 'cy', 30, NULL), (4, 'di', 40, 4)");
            // row 1 matches two price rows: it is changed once, and copied once
            same(db, connection, "UPDATE mt_items i JOIN mt_prices p ON p.item_id = i.id SET i.qty = i.qty + 1,"
                    + " i.touched = NOW(6) WHERE p.qty > 10", 2);
            same(db, connection, "UPDATE mt_items, mt_prices SET mt_items.status = mt_prices.id"
                    + " WHERE mt_prices.item_id = mt_items.id AND mt_prices.qty < 20", 2);
            // an unqualified column: the catalog knows it is mt_items'
            same(db, connection, "update mt_items i straight_join mt_prices p on p.item_id = i.id set name = 'z'"
                    + " where p.id = 102", 1);
            // parameters in the join, in SET and in WHERE: the capture binds the first and the last
            same(db, connection, "UPDATE mt_prices p JOIN mt_items AS i ON i.id = p.item_id AND p.qty > ?"
                    + " SET i.name = CONCAT(i.name, ?), i.qty = ? WHERE p.id <> ? AND i.status IS NOT NULL", 2, 5, "+", 7, 101);
            // the target written, the source read: mirrored back to the source
            same(db, connection, "UPDATE mt_items_v2 v JOIN mt_items s ON s.id = v.id SET v.title = UPPER(s.name)"
                    + " WHERE s.qty > ?", 2, 8);
            // the table joined to itself, written through one name; a subquery on the same table
            same(db, connection, "UPDATE mt_items a JOIN mt_items b ON b.id = a.id + 1 SET a.qty = b.qty"
                    + " WHERE b.qty < 100", 3);
            same(db, connection, "UPDATE mt_items i JOIN mt_prices p ON p.item_id = i.id SET i.status = NULL WHERE i.id IN"
                    + " (SELECT id FROM mt_items WHERE qty > ?)", 2, 15);
            // nothing matches: no row changes, and no mirror is needed
            same(db, connection, "UPDATE mt_items i JOIN mt_prices p ON p.item_id = i.id SET i.qty = 0 WHERE p.qty > 1000",
                    0);
            // a multi-table write of another table that only reads the migrated one runs as written
            same(db, connection, "UPDATE mt_prices p JOIN mt_items i ON i.id = p.item_id SET p.qty = i.qty WHERE i.id = ?",
                    2, 1);
            same(db, connection, "DELETE i FROM mt_items i JOIN mt_prices p ON p.item_id = i.id WHERE p.id = ?", 1, 103);
            same(db, connection, "DELETE FROM mt_items USING mt_items JOIN mt_prices p ON p.item_id = mt_items.id"
                    + " WHERE p.id = 102", 1);
            same(db, connection, "DELETE LOW_PRIORITY i.* FROM mt_items AS i LEFT JOIN mt_prices p ON p.item_id = i.id"
                    + " WHERE p.id IS NULL AND i.qty >= ?", 1, 0);
            assertThat(source(db)).extracting(row -> row.split("\\|")[0]).containsExactly("1");
        }
        assertNoDrift(db);
        assertThat(monitor().getMirroredWrites()).isEqualTo(12);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "MARIADB")
    void mariadbMultiTableWrites_thatCannotBeMirroredExactly_areRefused_andSayWhy(TestDatabase db) throws Exception {
        setUp(db, "dual-write");
        createPrices(db);
        List<String> prices = rows(db, "SELECT * FROM mt_prices ORDER BY id");
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE mt_items i JOIN mt_items_v2 v ON v.id = i.id"
                    + " SET i.qty = v.qty + 1, v.qty = 0")).hasMessageContaining("refused, nothing was run",
                            "more than one table at once (i, v)");
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE mt_items i JOIN mt_prices p ON p.item_id = i.id"
                    + " SET i.qty = 1, p.qty = 2")).hasMessageContaining("refused, nothing was run", "more than one table");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE i, p FROM mt_items i JOIN mt_prices p"
                    + " ON p.item_id = i.id")).hasMessageContaining("refused, nothing was run", "more than one table");
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE mt_items a JOIN mt_items b ON b.id = a.id + 1"
                    + " SET a.qty = 1, b.qty = 2")).hasMessageContaining("refused, nothing was run", "(a, b)");
            try (PreparedStatement update = connection.prepareStatement("UPDATE mt_items i JOIN mt_prices p"
                    + " ON p.item_id = i.id SET i.id = p.id + ? WHERE p.qty > ?")) {
                update.setInt(1, 1);
                update.setInt(2, 0);
                assertThatThrownBy(update::executeUpdate).isInstanceOf(SQLException.class)
                        .hasMessageContaining("refused, nothing was run", "key column id");
            }
        }
        assertThat(source(db)).containsExactly("1|ann|10|1|0", "2|bob|20|2|1");
        assertThat(rows(db, "SELECT * FROM mt_prices ORDER BY id")).isEqualTo(prices);
        assertNoDrift(db);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "MARIADB")
    void mariadbMultiTableWrites_inTargetOnly_areRefused_whenTheyNameTheSource(TestDatabase db) throws Exception {
        setUp(db, "target-only");
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE mt_items_v2 v JOIN mt_items s ON s.id = v.id"
                    + " SET v.qty = s.qty + 1")).hasMessageContaining("refused, nothing was run", "multi-table",
                            "not translated");
        }
        assertThat(target(db)).containsExactly("1|ann|10|1|new", "2|bob|20|2|new");
    }

    /**
     * Runs {@code sql} (with {@code binds}, prepared, when there are any) on the driver alone in a transaction it
     * rolls back, then through Tandem: both answer {@code count}, and the tables are in step after it.
     */
    private static void same(TestDatabase db, Connection tandem, String sql, int count, Object... binds)
            throws SQLException {
        try (Connection raw = db.raw()) {
            raw.setAutoCommit(false);
            assertThat(run(raw, sql, binds)).as("the driver alone: " + sql).isEqualTo(count);
            raw.rollback();
        }
        assertThat(run(tandem, sql, binds)).as(sql).isEqualTo(count);
        assertNoDrift(db);
    }

    private static int run(Connection connection, String sql, Object... binds) throws SQLException {
        if (binds.length == 0) {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate(sql);
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) {
                statement.setObject(i + 1, binds[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static void createPrices(TestDatabase db) throws SQLException {
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS mt_prices");
            statement.execute("CREATE TABLE mt_prices (item_id INT, id INT, qty INT)");
            statement.execute("INSERT INTO mt_prices VALUES (1, 100, 11), (1, 101, 12), (2, 102, 21), (3, 103, 5)");
        }
    }

    // ------------------------------------------------------------------ fixture

    private void setUp(TestDatabase db, String phase) throws Exception {
        String timestamp = db == TestDatabase.MARIADB ? "DATETIME(6)" : "TIMESTAMP";
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS mt_items");
            statement.execute("DROP TABLE IF EXISTS mt_items_v2");
            statement.execute("CREATE TABLE mt_items (id INT PRIMARY KEY, name VARCHAR(40), qty INT, status INT,"
                    + " legacy_flag INT, touched " + timestamp + " NULL)");
            statement.execute("CREATE TABLE mt_items_v2 (id INT PRIMARY KEY, title VARCHAR(40), qty INT,"
                    + " status_code VARCHAR(8), touched " + timestamp + " NULL, note VARCHAR(20) DEFAULT 'new')");
            statement.execute("INSERT INTO mt_items (id, name, qty, status, legacy_flag) VALUES (1, 'ann', 10, 1, 0),"
                    + " (2, 'bob', 20, 2, 1)");
            statement.execute("INSERT INTO mt_items_v2 (id, title, qty, status_code) VALUES (1, 'ann', 10, '1'),"
                    + " (2, 'bob', 20, '2')");
        }
        routing = dir.resolve("routing.yaml");
        Files.writeString(routing, """
                migrations:
                  items-v2:
                    source: mt_items
                    target: mt_items_v2
                    key: [id]
                    columns:
                      name: title
                      legacy_flag: null
                      status: {target: status_code, toTarget: "CAST(status AS VARCHAR(8))", toSource: "CAST(status_code AS INT)"}
                    phase: %s
                """.formatted(phase));
    }

    private void setUpOrders(TestDatabase db) throws Exception {
        String identity = db == TestDatabase.MARIADB ? "INT AUTO_INCREMENT PRIMARY KEY"
                : "INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
        try (Connection raw = db.raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS mo_orders");
            statement.execute("DROP TABLE IF EXISTS mo_orders_v2");
            statement.execute("CREATE TABLE mo_orders (id " + identity + ", item VARCHAR(20), qty INT)");
            statement.execute("CREATE TABLE mo_orders_v2 (id INT PRIMARY KEY, item_name VARCHAR(20), qty INT)");
        }
        routing = dir.resolve("routing.yaml");
        Files.writeString(routing, """
                migrations:
                  orders-v2:
                    source: mo_orders
                    target: mo_orders_v2
                    key: [id]
                    columns: {item: item_name}
                    phase: dual-write
                """);
    }

    private Connection connect(TestDatabase db) throws SQLException {
        Properties given = new Properties();
        given.setProperty("tandem.config", routing.toString());
        given.setProperty("tandem.reload", "0");
        return java.sql.DriverManager.getConnection(db.tandemUrl(), given);
    }

    private MigrationMonitor monitor() throws Exception {
        return MigrationMonitor.of(RoutingFile.open(routing, 0), "items-v2");
    }

    private static List<String> rows(TestDatabase db, String sql) throws SQLException {
        return db.rows(sql);
    }

    private static List<String> target(TestDatabase db) throws SQLException {
        return rows(db, "SELECT id, title, qty, status_code, note FROM mt_items_v2 ORDER BY id");
    }

    private static List<String> source(TestDatabase db) throws SQLException {
        return rows(db, "SELECT id, name, qty, status, legacy_flag FROM mt_items ORDER BY id");
    }

    /** The target equals mapping(source), row for row, the values the database made included. */
    static void assertNoDrift(TestDatabase db) throws SQLException {
        assertThat(rows(db, "SELECT id, title, qty, status_code, touched FROM mt_items_v2 ORDER BY id"))
                .isEqualTo(rows(db, "SELECT id, name, qty, CAST(status AS VARCHAR(8)), touched FROM mt_items ORDER BY id"));
    }
}
