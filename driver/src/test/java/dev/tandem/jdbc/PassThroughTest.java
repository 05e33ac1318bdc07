package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.util.PSQLException;

/**
 * Everything an application does through JDBC behaves through {@code jdbc:tandem:} exactly as through the real driver.
 */
public class PassThroughTest {

    private static final LocalDate DAY = LocalDate.of(2024, 2, 29);
    private static final LocalDateTime MOMENT = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000);
    private static final byte[] BYTES = bytes(5000);
    private static final String TEXT = "héllo, wörld ✓ ".repeat(400);

    // ---------------------------------------------------------------- 1. CRUD

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void statementCrud_updateCountsAndRows_matchRawDriver(TestDatabase db) throws Exception {
        SideBySide.sameOnBoth(db, connection -> {
            SideBySide.drop(connection, "pt_crud");
            List<Object> seen = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                seen.add(statement.executeUpdate("CREATE TABLE pt_crud (id INT PRIMARY KEY, name VARCHAR(50), amount DECIMAL(10,2))"));
                seen.add(statement.executeUpdate("INSERT INTO pt_crud VALUES (1, 'one', 1.50)"));
                seen.add(statement.executeUpdate("INSERT INTO pt_crud VALUES (2, 'two', 2.25), (3, 'three', 3.00)"));
                try (ResultSet rs = statement.executeQuery("SELECT id, name, amount FROM pt_crud ORDER BY id")) {
                    seen.add(rows(rs));
                }
                seen.add(statement.executeUpdate("UPDATE pt_crud SET amount = amount * 2 WHERE id >= 2"));
                seen.add(statement.execute("DELETE FROM pt_crud WHERE id = 1"));
                seen.add(statement.getUpdateCount());
                seen.add(statement.executeUpdate("DELETE FROM pt_crud WHERE id = 42"));
            }
            seen.add(table(connection, "pt_crud"));
            return seen;
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void preparedStatementCrud_typedParameters_matchRawDriver(TestDatabase db) throws Exception {
        List<Object> seen = SideBySide.sameOnBoth(db, connection -> {
            SideBySide.drop(connection, "pt_typed");
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE pt_typed (id INT PRIMARY KEY, big BIGINT, name VARCHAR(50),"
                        + " price DECIMAL(12,3), active BOOLEAN, note VARCHAR(20), on_day DATE, happened_at "
                        + timestampType(db) + ")");
            }
            List<Object> observed = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pt_typed VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                assertTandem(connection, insert, TandemPreparedStatement.class);
                for (int id = 1; id <= 2; id++) {
                    insert.setInt(1, id);
                    insert.setLong(2, 9_000_000_000L + id);
                    insert.setString(3, "name " + id);
                    insert.setBigDecimal(4, new BigDecimal("1234.567").multiply(BigDecimal.valueOf(id)));
                    insert.setBoolean(5, id == 1);
                    insert.setNull(6, Types.VARCHAR);
                    insert.setObject(7, DAY.plusDays(id));
                    insert.setObject(8, MOMENT.plusHours(id));
                    observed.add(insert.executeUpdate());
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE pt_typed SET name = ?, active = ?, note = ? WHERE id = ?")) {
                update.setString(1, "renamed");
                update.setBoolean(2, false);
                update.setString(3, "noted");
                update.setInt(4, 2);
                observed.add(update.executeUpdate());
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM pt_typed WHERE id >= ? ORDER BY id")) {
                select.setInt(1, 1);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        observed.add(rs.getInt("id"));
                        observed.add(rs.getLong("big"));
                        observed.add(rs.getString("name"));
                        observed.add(rs.getBigDecimal("price"));
                        observed.add(rs.getBoolean("active"));
                        observed.add(String.valueOf(rs.getString("note")));
                        observed.add(rs.wasNull());
                        observed.add(rs.getObject("on_day", LocalDate.class));
                        observed.add(rs.getObject("happened_at", LocalDateTime.class));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM pt_typed WHERE id = ?")) {
                delete.setInt(1, 1);
                observed.add(delete.executeUpdate());
            }
            observed.add(table(connection, "pt_typed"));
            return observed;
        });
        // the values went in and came back as given, not just equally mangled on both sides
        assertThat(seen).contains(9_000_000_001L, "name 1", new BigDecimal("1234.567"), true, "null",
                DAY.plusDays(1), MOMENT.plusHours(1), "renamed", false, "noted", DAY.plusDays(2), MOMENT.plusHours(2));
    }

    // ---------------------------------------------------------------- 2. Batches

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void statementBatch_executeBatchAndExecuteLargeBatch_matchRawDriver(TestDatabase db) throws Exception {
        SideBySide.sameOnBoth(db, connection -> {
            SideBySide.drop(connection, "pt_batch_stmt");
            List<Object> seen = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE pt_batch_stmt (id INT PRIMARY KEY, name VARCHAR(20))");
                for (int id = 1; id <= 3; id++) {
                    statement.addBatch("INSERT INTO pt_batch_stmt VALUES (" + id + ", 'n" + id + "')");
                }
                seen.add(Outcome.of(statement::executeBatch));
                statement.addBatch("UPDATE pt_batch_stmt SET name = 'large' WHERE id <= 2");
                statement.addBatch("INSERT INTO pt_batch_stmt VALUES (4, 'n4')");
                seen.add(Outcome.of(statement::executeLargeBatch));
                statement.clearBatch();
                seen.add(Outcome.of(() -> statement.executeLargeUpdate("UPDATE pt_batch_stmt SET name = 'all'")));
                seen.add(Outcome.of(statement::executeBatch));
            }
            seen.add(table(connection, "pt_batch_stmt"));
            return seen;
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void preparedStatementBatch_executeBatchAndExecuteLargeBatch_matchRawDriver(TestDatabase db) throws Exception {
        SideBySide.sameOnBoth(db, connection -> {
            SideBySide.drop(connection, "pt_batch_ps");
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE pt_batch_ps (id INT PRIMARY KEY, name VARCHAR(20))");
            }
            List<Object> seen = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pt_batch_ps VALUES (?, ?)")) {
                for (int id = 1; id <= 3; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "n" + id);
                    insert.addBatch();
                }
                seen.add(Outcome.of(insert::executeBatch));
                for (int id = 4; id <= 5; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "large" + id);
                    insert.addBatch();
                }
                seen.add(Outcome.of(insert::executeLargeBatch));
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE pt_batch_ps SET name = ? WHERE id > ?")) {
                update.setString(1, "big");
                update.setInt(2, 3);
                seen.add(Outcome.of(update::executeLargeUpdate));
            }
            seen.add(table(connection, "pt_batch_ps"));
            return seen;
        });
    }

    // ---------------------------------------------------------------- 3. Generated keys

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void generatedKeys_withReturnGeneratedKeysFlag_matchRawDriver(TestDatabase db) throws Exception {
        List<Object> seen = generatedKeysOnBoth(db, "pt_keys_flag",
                (statement, sql) -> statement.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS),
                (connection, sql) -> connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS));
        // every driver supports the flag: the keys must really be there, not two equal failures
        assertThat(seen).containsSubsequence(Outcome.value(List.of(1, List.of(1L))), Outcome.value(List.of(1, List.of(3L))));
    }

    /** PostgreSQL does not return keys by column index; then Tandem must fail exactly as it does. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void generatedKeys_byColumnIndexes_matchRawDriver(TestDatabase db) throws Exception {
        generatedKeysOnBoth(db, "pt_keys_index",
                (statement, sql) -> statement.executeUpdate(sql, new int[] {1}),
                (connection, sql) -> connection.prepareStatement(sql, new int[] {1}));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void generatedKeys_byColumnNames_matchRawDriver(TestDatabase db) throws Exception {
        List<Object> seen = generatedKeysOnBoth(db, "pt_keys_name",
                (statement, sql) -> statement.executeUpdate(sql, new String[] {keyColumn(db)}),
                (connection, sql) -> connection.prepareStatement(sql, new String[] {keyColumn(db)}));
        assertThat(seen).containsSubsequence(Outcome.value(List.of(1, List.of(1L))), Outcome.value(List.of(1, List.of(3L))));
    }

    // ---------------------------------------------------------------- 4. Callable statements

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void callableStatement_functionReturnValue_matchesRawDriver(TestDatabase db) throws Exception {
        List<Object> seen = SideBySide.sameOnBoth(db, connection -> {
            try (Statement statement = connection.createStatement()) {
                switch (db) {
                    case H2 -> {
                        statement.execute("DROP ALIAS IF EXISTS PT_ADD");
                        statement.execute("CREATE ALIAS PT_ADD FOR \"" + PassThroughTest.class.getName() + ".add\"");
                    }
                    case POSTGRES -> statement.execute(
                            "CREATE OR REPLACE FUNCTION pt_add(a integer, b integer) RETURNS integer LANGUAGE sql AS 'SELECT a + b'");
                    case MARIADB -> {
                        statement.execute("DROP FUNCTION IF EXISTS pt_add");
                        statement.execute("CREATE FUNCTION pt_add(a INT, b INT) RETURNS INT DETERMINISTIC RETURN a + b");
                    }
                }
            }
            List<Object> observed = new ArrayList<>();
            try (CallableStatement call = connection.prepareCall("{? = call pt_add(?, ?)}")) {
                assertTandem(connection, call, TandemCallableStatement.class);
                call.registerOutParameter(1, Types.INTEGER);
                for (int i = 1; i <= 2; i++) {
                    call.setInt(2, 40 * i);
                    call.setInt(3, 2);
                    call.execute();
                    observed.add(call.getInt(1));
                    observed.add(call.getObject(1));
                    observed.add(call.wasNull());
                }
            }
            return observed;
        });
        assertThat(seen).startsWith(42);
    }

    /** Public and static so that H2's {@code CREATE ALIAS} can call it. */
    public static int add(int a, int b) {
        return a + b;
    }

    /** H2's aliases are Java methods returning one value: there are no OUT parameters to read. */
    @ParameterizedTest
    @EnumSource(names = {"POSTGRES", "MARIADB"})
    void callableStatement_outParameters_matchRawDriverByIndexAndName(TestDatabase db) throws Exception {
        List<Object> seen = SideBySide.sameOnBoth(db, connection -> {
            try (Statement statement = connection.createStatement()) {
                if (db == TestDatabase.POSTGRES) {
                    statement.execute("CREATE OR REPLACE FUNCTION pt_add_out(a integer, b integer, OUT total integer,"
                            + " OUT product integer) LANGUAGE sql AS 'SELECT a + b, a * b'");
                } else {
                    statement.execute("DROP PROCEDURE IF EXISTS pt_add_out");
                    statement.execute("CREATE PROCEDURE pt_add_out(IN a INT, IN b INT, OUT total INT, OUT product INT)"
                            + " BEGIN SET total = a + b; SET product = a * b; END");
                }
            }
            List<Object> observed = new ArrayList<>();
            try (CallableStatement call = connection.prepareCall("{call pt_add_out(?, ?, ?, ?)}")) {
                assertTandem(connection, call, TandemCallableStatement.class);
                call.setInt(1, 6);
                call.setInt(2, 7);
                call.registerOutParameter(3, Types.INTEGER);
                call.registerOutParameter(4, Types.INTEGER);
                call.execute();
                observed.add(call.getInt(3));
                observed.add(call.getInt(4));
                // by name: MariaDB knows the names, pgjdbc does not; either way Tandem must answer as raw
                observed.add(Outcome.of(() -> call.getInt("total")));
                observed.add(Outcome.of(() -> call.getObject("product")));
            }
            return observed;
        });
        assertThat(seen).startsWith(13, 42);
    }

    // ---------------------------------------------------------------- 5. Transactions

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void transactions_savepointsCommitAndRollback_leaveSameRowsAsRawDriver(TestDatabase db) throws Exception {
        List<Object> seen = SideBySide.sameOnBoth(db, connection -> {
            SideBySide.drop(connection, "pt_tx");
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE pt_tx (id INT PRIMARY KEY)");
            }
            List<Object> observed = new ArrayList<>();
            connection.setAutoCommit(false);
            observed.add(connection.getAutoCommit());
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO pt_tx VALUES (1)");
                Savepoint savepoint = connection.setSavepoint("pt_sp");
                observed.add(savepoint.getSavepointName());
                statement.executeUpdate("INSERT INTO pt_tx VALUES (2)");
                observed.add(table(connection, "pt_tx"));
                connection.rollback(savepoint);
                observed.add(table(connection, "pt_tx"));
                statement.executeUpdate("INSERT INTO pt_tx VALUES (3)");
                Savepoint released = connection.setSavepoint();
                statement.executeUpdate("INSERT INTO pt_tx VALUES (4)");
                observed.add(Outcome.of(() -> {
                    connection.releaseSavepoint(released);
                    return "released";
                }));
                observed.add(visibleElsewhere(db, "pt_tx"));
                connection.commit();
                observed.add(visibleElsewhere(db, "pt_tx"));
                statement.executeUpdate("INSERT INTO pt_tx VALUES (5)");
                observed.add(table(connection, "pt_tx"));
                connection.rollback();
                observed.add(table(connection, "pt_tx"));
                observed.add(visibleElsewhere(db, "pt_tx"));
                // a released savepoint is gone: rolling back to it must fail as it does raw
                statement.executeUpdate("INSERT INTO pt_tx VALUES (6)");
                Savepoint gone = connection.setSavepoint("pt_gone");
                connection.releaseSavepoint(gone);
                observed.add(Outcome.of(() -> {
                    connection.rollback(gone);
                    return "rolled back to a released savepoint";
                }));
                connection.rollback();
            }
            observed.add(table(connection, "pt_tx"));
            connection.setAutoCommit(true);
            return observed;
        });
        assertThat(seen).last().isEqualTo(List.of(List.of("1"), List.of("3"), List.of("4")));
        assertThat(((Outcome) seen.get(seen.size() - 2)).exception()).isNotNull();
    }

    // ---------------------------------------------------------------- 6. Metadata

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void metaData_tablesColumnsAndPrimaryKeys_matchRawDriver(TestDatabase db) throws Exception {
        SideBySide.sameOnBoth(db, connection -> {
            SideBySide.drop(connection, "pt_meta");
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE pt_meta (id INT NOT NULL, name VARCHAR(40) NOT NULL, note VARCHAR(10),"
                        + " CONSTRAINT pt_meta_pk PRIMARY KEY (id))");
            }
            DatabaseMetaData meta = connection.getMetaData();
            assertTandem(connection, meta, TandemDatabaseMetaData.class);
            String catalog = connection.getCatalog();
            String schema = connection.getSchema();
            String table = meta.storesUpperCaseIdentifiers() ? "PT_META" : "pt_meta";
            List<Object> observed = new ArrayList<>();
            observed.add(meta.getConnection() == connection);
            observed.add(meta.getDatabaseProductName());
            observed.add(meta.getDatabaseProductVersion());
            observed.add(meta.getDriverName());
            observed.add(meta.getDriverVersion());
            observed.add(meta.getUserName());
            observed.add(meta.supportsSavepoints());
            observed.add(meta.supportsResultSetConcurrency(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE));
            observed.add(metaRows(connection, meta.getTables(catalog, schema, table, new String[] {"TABLE"})));
            observed.add(metaRows(connection, meta.getColumns(catalog, schema, table, null)));
            observed.add(metaRows(connection, meta.getPrimaryKeys(catalog, schema, table)));
            observed.add(metaRows(connection, meta.getTableTypes()));
            return observed;
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void metaData_getUrl_isTheTandemUrlTheApplicationUsed(TestDatabase db) throws Exception {
        try (Connection raw = db.raw(); Connection tandem = db.tandem()) {
            assertThat(tandem.getMetaData().getURL()).isEqualTo(db.tandemUrl()).startsWith("jdbc:tandem:");
            assertThat(raw.getMetaData().getURL()).doesNotStartWith("jdbc:tandem:");
            assertThat(tandem.getMetaData().getConnection()).isSameAs(tandem);
        }
    }

    // ---------------------------------------------------------------- 7. Scrollable and updatable results

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void scrollableResultSet_absolutePreviousLastAndGetRow_matchRawDriver(TestDatabase db) throws Exception {
        List<Object> seen = SideBySide.sameOnBoth(db, connection -> {
            createNumbered(connection, "pt_scroll", 5);
            List<Object> observed = new ArrayList<>();
            try (Statement statement = connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
                 ResultSet rs = statement.executeQuery("SELECT id, name FROM pt_scroll ORDER BY id")) {
                observed.add(rs.getType());
                observed.add(rs.last());
                observed.add(List.of(rs.getRow(), rs.getInt(1), rs.getString(2)));
                observed.add(rs.absolute(2));
                observed.add(List.of(rs.getRow(), rs.getInt(1)));
                observed.add(rs.previous());
                observed.add(List.of(rs.getRow(), rs.getInt(1), rs.isFirst()));
                observed.add(rs.previous());
                observed.add(rs.isBeforeFirst());
                observed.add(rs.absolute(-2));
                observed.add(rs.getInt(1));
                observed.add(rs.relative(-1));
                observed.add(rs.getInt(1));
                observed.add(rs.first());
                observed.add(rs.getInt(1));
                rs.afterLast();
                observed.add(rs.isAfterLast());
                observed.add(rs.previous());
                observed.add(rs.getInt(1));
            }
            return observed;
        });
        assertThat(seen).startsWith(ResultSet.TYPE_SCROLL_INSENSITIVE, true, List.of(5, 5, "n5"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void updatableResultSet_updateInsertAndDeleteRow_leaveSameRowsAsRawDriver(TestDatabase db) throws Exception {
        List<Object> seen = SideBySide.sameOnBoth(db, connection -> {
            createNumbered(connection, "pt_updatable", 3);
            List<Object> observed = new ArrayList<>();
            try (Statement statement = connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE);
                 ResultSet rs = statement.executeQuery("SELECT id, name FROM pt_updatable ORDER BY id")) {
                observed.add(rs.getConcurrency());
                rs.absolute(1);
                rs.updateString(2, "changed");
                rs.updateRow();
                observed.add(rs.getString(2));
                rs.absolute(2);
                rs.deleteRow();
                rs.moveToInsertRow();
                rs.updateInt(1, 4);
                rs.updateString("name", "inserted");
                rs.insertRow();
                rs.moveToCurrentRow();
            }
            observed.add(table(connection, "pt_updatable"));
            return observed;
        });
        assertThat(seen).last().isEqualTo(List.of(List.of("1", "changed"), List.of("3", "n3"), List.of("4", "inserted")));
    }

    // ---------------------------------------------------------------- 8. LOBs

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void lobs_writtenAsBytesStringsAndStreams_readBackLikeRawDriver(TestDatabase db) throws Exception {
        SideBySide.sameOnBoth(db, connection -> {
            SideBySide.drop(connection, "pt_lob");
            String[] types = switch (db) {
                case H2 -> new String[] {"BLOB", "CLOB"};
                case POSTGRES -> new String[] {"bytea", "text"};
                case MARIADB -> new String[] {"LONGBLOB", "LONGTEXT"};
            };
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE pt_lob (id INT PRIMARY KEY, data " + types[0] + ", body " + types[1] + ")");
            }
            Outcome observedInsert;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pt_lob VALUES (?, ?, ?)")) {
                insert.setInt(1, 1);
                insert.setBytes(2, BYTES);
                insert.setString(3, TEXT);
                insert.executeUpdate();
                insert.setInt(1, 2);
                insert.setBinaryStream(2, new ByteArrayInputStream(BYTES), BYTES.length);
                insert.setCharacterStream(3, new StringReader(TEXT), TEXT.length());
                insert.executeUpdate();
                // pgjdbc lacks the long-length setCharacterStream: then the row is missing on both sides alike
                observedInsert = Outcome.of(() -> {
                    insert.setInt(1, 3);
                    insert.setBinaryStream(2, new ByteArrayInputStream(BYTES), (long) BYTES.length);
                    insert.setCharacterStream(3, new StringReader(TEXT), (long) TEXT.length());
                    return insert.executeUpdate();
                });
            }
            List<Object> observed = new ArrayList<>();
            observed.add(observedInsert);
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id, data, body FROM pt_lob ORDER BY id")) {
                while (rs.next()) {
                    byte[] data = rs.getBytes(2);
                    assertThat(data).isEqualTo(BYTES);
                    observed.add(HexFormat.of().formatHex(data));
                    try (InputStream in = rs.getBinaryStream("data")) {
                        assertThat(in.readAllBytes()).isEqualTo(BYTES);
                    }
                    assertThat(rs.getString(3)).isEqualTo(TEXT);
                    try (Reader in = rs.getCharacterStream("body")) {
                        observed.add(readAll(in));
                    }
                    // PostgreSQL's getBlob/getClob want large-object ids, not bytea/text: then both must fail alike
                    observed.add(Outcome.of(() -> {
                        Blob blob = rs.getBlob(2);
                        return HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
                    }));
                    observed.add(Outcome.of(() -> {
                        Clob clob = rs.getClob(3);
                        return clob.getSubString(1, (int) clob.length());
                    }));
                }
            }
            assertThat(observed).contains(TEXT);
            return observed;
        });
    }

    // ---------------------------------------------------------------- 9. getObject with a class

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void getObject_asLocalDateTimeLocalDateAndBigDecimal_matchesRawDriver(TestDatabase db) throws Exception {
        List<Object> seen = SideBySide.sameOnBoth(db, connection -> {
            SideBySide.drop(connection, "pt_types");
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE pt_types (id INT PRIMARY KEY, on_day DATE, happened_at " + timestampType(db)
                        + ", amount DECIMAL(12,4))");
                statement.execute("INSERT INTO pt_types VALUES (1, DATE '2024-02-29', TIMESTAMP '2024-02-29 13:45:30.123456',"
                        + " 12345.6789), (2, NULL, NULL, NULL)");
            }
            List<Object> observed = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT on_day, happened_at, amount FROM pt_types ORDER BY id");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    observed.add(String.valueOf(rs.getObject(1, LocalDate.class)));
                    observed.add(String.valueOf(rs.getObject(2, LocalDateTime.class)));
                    observed.add(String.valueOf(rs.getObject(3, BigDecimal.class)));
                    observed.add(String.valueOf(rs.getObject("happened_at", LocalDateTime.class)));
                    observed.add(String.valueOf(rs.getObject("amount", BigDecimal.class)));
                }
            }
            return observed;
        });
        assertThat(seen).containsExactly(DAY.toString(), MOMENT.toString(), "12345.6789", MOMENT.toString(), "12345.6789",
                "null", "null", "null", "null", "null");
    }

    // ---------------------------------------------------------------- 10. Back-links

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void backLinks_fromEveryObject_leadToTheTandemObjects(TestDatabase db) throws Exception {
        SideBySide.sameOnBoth(db, connection -> {
            createNumbered(connection, "pt_links", 2);
            boolean throughTandem = connection instanceof TandemConnection;
            List<Object> observed = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                assertTandem(connection, statement, TandemStatement.class);
                assertThat(statement.getConnection()).isSameAs(connection);
                try (ResultSet rs = statement.executeQuery("SELECT id, name FROM pt_links ORDER BY id")) {
                    assertTandem(connection, rs, TandemResultSet.class);
                    assertThat(rs.getStatement()).isSameAs(statement);
                    observed.add(rows(rs));
                }
                observed.add(statement.execute("SELECT name FROM pt_links ORDER BY id"));
                ResultSet first = statement.getResultSet();
                assertTandem(connection, first, TandemResultSet.class);
                assertThat(statement.getResultSet()).isSameAs(first);
                assertThat(first.getStatement()).isSameAs(statement);
                assertThat(first.getStatement().getConnection()).isSameAs(connection);
                observed.add(rows(first));
                try (PreparedStatement ps = statement.getConnection().prepareStatement("SELECT name FROM pt_links WHERE id = ?")) {
                    assertTandem(connection, ps, TandemPreparedStatement.class);
                    assertThat(ps.getConnection()).isSameAs(connection);
                    ps.setInt(1, 2);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.getStatement()).isSameAs(ps);
                        observed.add(rows(rs));
                    }
                    observed.add(ps.execute());
                    assertThat(ps.getResultSet()).isSameAs(ps.getResultSet());
                    assertThat(ps.getResultSet().getStatement()).isSameAs(ps);
                }
            }
            try (CallableStatement call = connection.prepareCall("{? = call abs(?)}")) {
                assertTandem(connection, call, TandemCallableStatement.class);
                assertThat(call.getConnection()).isSameAs(connection);
            }
            DatabaseMetaData meta = connection.getMetaData();
            assertThat(meta.getConnection()).isSameAs(connection);
            assertThat(connection.getMetaData().getConnection()).isSameAs(connection);
            if (throughTandem) {
                assertThat(meta).isInstanceOf(TandemDatabaseMetaData.class);
            }
            return observed;
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void backLinks_fromGeneratedKeys_leadToTheTandemStatement(TestDatabase db) throws Exception {
        SideBySide.sameOnBoth(db, connection -> {
            createKeysTable(connection, db, "pt_links_keys");
            List<Object> observed = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO pt_links_keys (name) VALUES ('a')", Statement.RETURN_GENERATED_KEYS);
                observed.add(keys(connection, statement));
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO pt_links_keys (name) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "b");
                ps.executeUpdate();
                observed.add(keys(connection, ps));
            }
            return observed;
        });
    }

    /** MariaDB has no SQL arrays. */
    @ParameterizedTest
    @EnumSource(names = {"H2", "POSTGRES"})
    void backLinks_fromArrayResultSets_leadToTheTandemConnection(TestDatabase db) throws Exception {
        SideBySide.sameOnBoth(db, connection -> {
            List<Object> observed = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT ARRAY[1, 2, 3]")) {
                rs.next();
                observed.add(arrayElements(connection, rs.getArray(1)));
            }
            observed.add(arrayElements(connection, connection.createArrayOf("integer", new Integer[] {4, 5})));
            return observed;
        });
    }

    // ---------------------------------------------------------------- 11. unwrap

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unwrap_toVendorClassesAndJdbcInterfaces_matchesRawDriver(TestDatabase db) throws Exception {
        Class<?>[] vendor = switch (db) {
            case H2 -> new Class<?>[] {org.h2.jdbc.JdbcConnection.class, org.h2.jdbc.JdbcStatement.class,
                    org.h2.jdbc.JdbcPreparedStatement.class, org.h2.jdbc.JdbcResultSet.class};
            case POSTGRES -> new Class<?>[] {org.postgresql.PGConnection.class, org.postgresql.PGStatement.class,
                    org.postgresql.PGStatement.class, org.postgresql.jdbc.PgResultSet.class};
            case MARIADB -> new Class<?>[] {org.mariadb.jdbc.Connection.class, org.mariadb.jdbc.Statement.class,
                    org.mariadb.jdbc.BasePreparedStatement.class, org.mariadb.jdbc.client.result.Result.class};
        };
        SideBySide.sameOnBoth(db, connection -> {
            createNumbered(connection, "pt_unwrap", 1);
            List<Object> observed = new ArrayList<>();
            observed.add(unwrapsTo(connection, vendor[0], connection instanceof TandemConnection tc ? tc.delegate : connection));
            observed.add(connection.unwrap(Connection.class) == connection);
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id FROM pt_unwrap")) {
                observed.add(unwrapsTo(statement, vendor[1], statement instanceof TandemStatement ts ? ts.delegate : statement));
                observed.add(statement.unwrap(Statement.class) == statement);
                observed.add(unwrapsTo(rs, vendor[3], rs instanceof TandemResultSet trs ? trs.delegate : rs));
                observed.add(rs.unwrap(ResultSet.class) == rs);
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM pt_unwrap WHERE id = ?")) {
                observed.add(unwrapsTo(ps, vendor[2], ps instanceof TandemStatement ts ? ts.delegate : ps));
                observed.add(ps.unwrap(PreparedStatement.class) == ps);
            }
            DatabaseMetaData meta = connection.getMetaData();
            observed.add(meta.unwrap(DatabaseMetaData.class) == meta);
            if (connection instanceof TandemConnection tandem) {
                assertThat(connection.unwrap(TandemConnection.class)).isSameAs(tandem);
                assertThat(meta.unwrap(vendorMetaData(db))).isSameAs(((TandemDatabaseMetaData) meta).delegate);
            }
            return observed;
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unwrap_toUnrelatedInterface_failsLikeRawDriver(TestDatabase db) throws Exception {
        List<Object> seen = SideBySide.sameOnBoth(db, connection -> {
            List<Object> observed = new ArrayList<>();
            observed.add(connection.isWrapperFor(Array.class));
            observed.add(Outcome.of(() -> connection.unwrap(Array.class)));
            try (Statement statement = connection.createStatement()) {
                observed.add(statement.isWrapperFor(Array.class));
                observed.add(Outcome.of(() -> statement.unwrap(Array.class)));
            }
            return observed;
        });
        assertThat(seen).first().isEqualTo(false);
        assertThat(((Outcome) seen.get(1)).exception()).isNotNull();
    }

    // ---------------------------------------------------------------- 12. Errors

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void errors_syntaxError_reachesApplicationUntouched(TestDatabase db) throws Exception {
        List<Object> seen = SideBySide.sameOnBoth(db, connection -> {
            List<Object> observed = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                observed.add(vendorFailure(db, () -> statement.executeQuery("SELEC 1")));
                observed.add(vendorFailure(db, () -> statement.execute("SELECT FROM WHERE")));
            }
            observed.add(vendorFailure(db, () -> {
                try (PreparedStatement select = connection.prepareStatement("SELEC ?")) {
                    select.setInt(1, 1);
                    return select.executeQuery().next();
                }
            }));
            return observed;
        });
        assertThat(seen).allSatisfy(outcome -> assertThat(((Outcome) outcome).exception()).isNotNull());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void errors_uniqueKeyViolation_reachesApplicationUntouched(TestDatabase db) throws Exception {
        List<Object> seen = SideBySide.sameOnBoth(db, connection -> {
            createNumbered(connection, "pt_errors", 1);
            List<Object> observed = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                observed.add(vendorFailure(db, () -> statement.executeUpdate("INSERT INTO pt_errors VALUES (1, 'again')")));
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pt_errors VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, "again");
                observed.add(vendorFailure(db, insert::executeUpdate));
                insert.setInt(1, 2);
                insert.setString(2, "n2");
                insert.addBatch();
                insert.setInt(1, 1);
                insert.setString(2, "again");
                insert.addBatch();
                Throwable thrown = catchThrowable(insert::executeBatch);
                assertThat(thrown).isInstanceOf(BatchUpdateException.class);
                observed.add(Outcome.failed((SQLException) thrown));
                observed.add(Outcome.normalize(((BatchUpdateException) thrown).getUpdateCounts()));
            }
            observed.add(table(connection, "pt_errors"));
            return observed;
        });
        assertThat(((Outcome) seen.get(0)).sqlState()).startsWith("23"); // integrity constraint violation
    }

    // ---------------------------------------------------------------- 13. Client info

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void clientInfo_tandemCohort_isKeptByTandemAndNeverReachesRealDriver(TestDatabase db) throws Exception {
        SideBySide.sameOnBoth(db, connection -> {
            if (connection instanceof TandemConnection tandem) {
                connection.setClientInfo("tandem.cohort", "user-42");
                assertThat(connection.getClientInfo("tandem.cohort")).isEqualTo("user-42");
                assertThat(connection.getClientInfo()).containsEntry("tandem.cohort", "user-42");
                assertThat(tandem.cohort()).isEqualTo("user-42");
                assertThat(tandem.delegate.getClientInfo()).doesNotContainKey("tandem.cohort");
                return tandem.delegate.getClientInfo();
            }
            return connection.getClientInfo(); // what the real driver holds when nobody set a cohort
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void clientInfo_unknownTandemKey_isRejectedNamingTandemCohort(TestDatabase db) throws Exception {
        SideBySide.sameOnBoth(db, connection -> {
            if (connection instanceof TandemConnection tandem) {
                connection.setClientInfo("tandem.cohort", "user-42");
                Throwable thrown = catchThrowable(() -> connection.setClientInfo("tandem.foo", "bar"));
                assertThat(thrown).isInstanceOf(SQLClientInfoException.class).hasMessageContaining("tandem.cohort");
                assertThat(((SQLClientInfoException) thrown).getFailedProperties()).containsKey("tandem.foo");
                Properties both = new Properties();
                both.setProperty("tandem.cohort", "user-7");
                both.setProperty("tandem.foo", "bar");
                assertThat(catchThrowable(() -> connection.setClientInfo(both))).isInstanceOf(SQLClientInfoException.class);
                assertThat(connection.getClientInfo("tandem.cohort")).as("unchanged by the refused calls").isEqualTo("user-42");
                assertThat(connection.getClientInfo("tandem.foo")).isNull();
                assertThat(tandem.delegate.getClientInfo()).doesNotContainKeys("tandem.foo", "tandem.cohort");
                return tandem.delegate.getClientInfo();
            }
            return connection.getClientInfo();
        });
    }

    /** H2 in its regular mode refuses {@code ApplicationName}; then Tandem must refuse it the same way. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void clientInfo_applicationName_reachesRealDriver(TestDatabase db) throws Exception {
        SideBySide.sameOnBoth(db, connection -> {
            List<Object> observed = new ArrayList<>();
            observed.add(Outcome.of(() -> {
                connection.setClientInfo("ApplicationName", "pt-app");
                return connection.getClientInfo("ApplicationName");
            }));
            observed.add(String.valueOf(connection.getClientInfo().getProperty("ApplicationName")));
            if (connection instanceof TandemConnection tandem) {
                assertThat(tandem.delegate.getClientInfo("ApplicationName")).isEqualTo(connection.getClientInfo("ApplicationName"));
                connection.setClientInfo("tandem.cohort", "user-42");
                assertThat(tandem.delegate.getClientInfo("ApplicationName")).isEqualTo(connection.getClientInfo("ApplicationName"));
            }
            if (db == TestDatabase.POSTGRES) {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SHOW application_name")) {
                    observed.add(rows(rs)); // the server itself saw it
                }
            }
            if (db != TestDatabase.H2) {
                assertThat(observed.get(0)).isEqualTo(Outcome.value("pt-app"));
            }
            return observed;
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void clientInfo_setAsProperties_splitsTandemKeysFromDriverKeys(TestDatabase db) throws Exception {
        SideBySide.sameOnBoth(db, connection -> {
            Properties given = new Properties();
            given.setProperty("ApplicationName", "pt-props");
            Properties withCohort = new Properties();
            withCohort.putAll(given);
            if (connection instanceof TandemConnection) {
                withCohort.setProperty("tandem.cohort", "user-9");
            }
            Outcome outcome = Outcome.of(() -> {
                connection.setClientInfo(withCohort);
                return connection.getClientInfo("ApplicationName");
            });
            if (connection instanceof TandemConnection tandem) {
                // a refusal by the real driver (H2 knows no ApplicationName) leaves the cohort as it was
                assertThat(connection.getClientInfo("tandem.cohort"))
                        .isEqualTo(outcome.exception() == null ? "user-9" : null);
                assertThat(tandem.delegate.getClientInfo()).doesNotContainKey("tandem.cohort");
            }
            return outcome;
        });
    }

    // ---------------------------------------------------------------- helpers

    /** What a JDBC call gave: a value, or the exception the driver threw, described well enough to compare. */
    record Outcome(Object value, String exception, String sqlState, int errorCode, String message, String cause) {

        @FunctionalInterface
        interface Call {
            Object run() throws Exception;
        }

        static Outcome of(Call call) throws Exception {
            try {
                return value(call.run());
            } catch (SQLException e) {
                return failed(e);
            }
        }

        static Outcome value(Object value) {
            return new Outcome(normalize(value), null, null, 0, null, null);
        }

        /** MariaDB names its connection in messages ({@code (conn=17)}); everything else must match exactly. */
        static Outcome failed(SQLException e) {
            String message = e.getMessage() == null ? null : e.getMessage().replaceAll("\\(conn=\\d+\\)", "(conn=…)");
            return new Outcome(null, e.getClass().getName(), e.getSQLState(), e.getErrorCode(), message,
                    e.getCause() == null ? null : e.getCause().getClass().getName());
        }

        static Object normalize(Object value) {
            if (value instanceof int[] ints) {
                return Arrays.stream(ints).boxed().toList();
            }
            if (value instanceof long[] longs) {
                return Arrays.stream(longs).boxed().toList();
            }
            return value;
        }
    }

    @FunctionalInterface
    private interface KeyedUpdate {
        int run(Statement statement, String sql) throws SQLException;
    }

    @FunctionalInterface
    private interface KeyedPrepare {
        PreparedStatement prepare(Connection connection, String sql) throws SQLException;
    }

    /** Inserts one row with {@code update} on a Statement and one through {@code prepare}; returns counts, keys and rows. */
    private static List<Object> generatedKeysOnBoth(TestDatabase db, String table, KeyedUpdate update, KeyedPrepare prepare)
            throws Exception {
        return SideBySide.sameOnBoth(db, connection -> {
            createKeysTable(connection, db, table);
            List<Object> observed = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                observed.add(Outcome.of(() -> List.of(update.run(statement, "INSERT INTO " + table + " (name) VALUES ('a')"),
                        keys(connection, statement))));
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO " + table + " (name) VALUES ('between')"); // key 2 unless the above failed
            }
            observed.add(Outcome.of(() -> {
                try (PreparedStatement ps = prepare.prepare(connection, "INSERT INTO " + table + " (name) VALUES (?)")) {
                    assertTandem(connection, ps, TandemPreparedStatement.class);
                    ps.setString(1, "b");
                    return List.of(ps.executeUpdate(), keys(connection, ps));
                }
            }));
            observed.add(table(connection, table));
            return observed;
        });
    }

    /** The generated keys of {@code statement}'s last update, checking that Tandem hands out its own result set. */
    private static List<Long> keys(Connection connection, Statement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            if (connection instanceof TandemConnection) {
                assertThat(keys).isInstanceOf(TandemResultSet.class);
                assertThat(keys.getStatement()).isSameAs(statement);
                assertThat(keys.getStatement().getConnection()).isSameAs(connection);
            }
            List<Long> values = new ArrayList<>();
            while (keys.next()) {
                values.add(keys.getLong(1));
            }
            return values;
        }
    }

    private static void createKeysTable(Connection connection, TestDatabase db, String table) throws SQLException {
        SideBySide.drop(connection, table);
        String id = switch (db) {
            case H2 -> "id INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
            case POSTGRES -> "id SERIAL PRIMARY KEY";
            case MARIADB -> "id INT AUTO_INCREMENT PRIMARY KEY";
        };
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (" + id + ", name VARCHAR(20))");
        }
    }

    /** The identity column's name as the database stores it (H2 upper-cases unquoted names). */
    private static String keyColumn(TestDatabase db) {
        return db == TestDatabase.H2 ? "ID" : "id";
    }

    /** A column type holding a date and time to the microsecond: MariaDB's TIMESTAMP auto-updates, DATETIME does not. */
    private static String timestampType(TestDatabase db) {
        return db == TestDatabase.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)";
    }

    /** {@code table} (id INT PRIMARY KEY, name VARCHAR) holding rows 1..count named n1..n<count>. */
    private static void createNumbered(Connection connection, String table, int count) throws SQLException {
        SideBySide.drop(connection, table);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(20))");
            for (int id = 1; id <= count; id++) {
                statement.executeUpdate("INSERT INTO " + table + " VALUES (" + id + ", 'n" + id + "')");
            }
        }
    }

    /** All of {@code table}'s rows in id order, every column as a string. */
    private static List<List<String>> table(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            return rows(rs);
        }
    }

    /** {@code table}'s committed rows, as another connection to the same database sees them. */
    private static List<List<String>> visibleElsewhere(TestDatabase db, String table) throws SQLException {
        try (Connection observer = db.raw()) {
            return table(observer, table);
        }
    }

    private static List<List<String>> rows(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                row.add(rs.getString(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The rows of a metadata result set, after checking that through Tandem it is a Tandem result set whose
     * statement, if any, is a Tandem statement of the Tandem connection.
     */
    private static List<List<String>> metaRows(Connection connection, ResultSet rs) throws SQLException {
        try (rs) {
            Statement statement = rs.getStatement();
            if (connection instanceof TandemConnection) {
                assertThat(rs).isInstanceOf(TandemResultSet.class);
                if (statement != null) {
                    assertThat(statement).isInstanceOf(TandemStatement.class);
                    assertThat(statement.getConnection()).isSameAs(connection);
                    assertThat(rs.getStatement()).isSameAs(statement);
                }
            }
            List<List<String>> rows = rows(rs);
            rows.add(List.of("statement is null: " + (statement == null)));
            return rows;
        }
    }

    /** An array's elements as rows, checking that the array's result set does not lead to the raw connection. */
    private static List<Object> arrayElements(Connection connection, Array array) throws SQLException {
        try (ResultSet elements = array.getResultSet()) {
            Statement statement = elements.getStatement();
            if (statement != null) {
                assertThat(statement.getConnection()).as("the connection behind an array's result set").isSameAs(connection);
            }
            return List.of(rows(elements), statement == null);
        }
    }

    /** Through Tandem, {@code object} must be Tandem's {@code type}; raw, it must not be. */
    private static void assertTandem(Connection connection, Object object, Class<?> type) {
        if (connection instanceof TandemConnection) {
            assertThat(object).isInstanceOf(type);
        } else {
            assertThat(object).isNotInstanceOf(type);
        }
    }

    /** Whether {@code wrapper} unwraps to {@code vendor}, checking that through Tandem it gives the real object. */
    private static List<Object> unwrapsTo(java.sql.Wrapper wrapper, Class<?> vendor, Object real) throws SQLException {
        boolean isWrapper = wrapper.isWrapperFor(vendor);
        assertThat(isWrapper).as("isWrapperFor(%s)", vendor.getSimpleName()).isTrue();
        Object unwrapped = wrapper.unwrap(vendor);
        assertThat(unwrapped).isInstanceOf(vendor).isSameAs(real);
        return List.of(isWrapper, unwrapped.getClass().getName());
    }

    private static Class<?> vendorMetaData(TestDatabase db) {
        return switch (db) {
            case H2 -> org.h2.jdbc.JdbcDatabaseMetaData.class;
            case POSTGRES -> org.postgresql.jdbc.PgDatabaseMetaData.class;
            case MARIADB -> org.mariadb.jdbc.DatabaseMetaData.class;
        };
    }

    /** The failure of {@code call}, which must throw the driver's own exception (on PostgreSQL a PSQLException). */
    private static Outcome vendorFailure(TestDatabase db, Outcome.Call call) throws Exception {
        Outcome outcome = Outcome.of(call);
        assertThat(outcome.exception()).as("expected a failure").isNotNull().doesNotStartWith("dev.tandem");
        if (db == TestDatabase.POSTGRES) {
            assertThat(Class.forName(outcome.exception())).isAssignableTo(PSQLException.class);
        }
        return outcome;
    }

    private static String readAll(Reader reader) throws IOException {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return text.toString();
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }
}
