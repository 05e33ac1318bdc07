package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tandem.sql.Dialect;

/** The dialect and current schema Tandem keeps for each connection, on the real databases. */
class SessionTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dialect_comesFromTheDatabase(TestDatabase database) throws SQLException {
        try (Connection connection = database.tandem()) {
            Dialect expected = switch (database) {
                case H2 -> Dialect.H2;
                case POSTGRES -> Dialect.POSTGRESQL;
                case MARIADB -> lowerCaseTableNames(connection) == 0 ? Dialect.MARIADB : Dialect.MARIADB_LOWER_CASE_TABLES;
            };
            assertThat(session(connection).dialect()).isEqualTo(expected);
        }
    }

    @Test
    void h2_schemaFollowsSetSchema_statementsAndPreparedStatements() throws SQLException {
        try (Connection connection = TestDatabase.H2.tandem(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS tandem_session");
            Session session = session(connection);
            assertThat(session.currentSchema()).isEqualTo("PUBLIC");
            statement.execute("SET SCHEMA tandem_session");
            assertThat(session.currentSchema()).isEqualTo("TANDEM_SESSION");
            connection.setSchema("PUBLIC");
            assertThat(session.currentSchema()).isEqualTo("PUBLIC");
            try (PreparedStatement set = connection.prepareStatement("/* tenant */ SET SCHEMA tandem_session")) {
                set.execute();
            }
            assertThat(session.currentSchema()).isEqualTo("TANDEM_SESSION");
            statement.execute("SELECT 1; SET SCHEMA PUBLIC");
            assertThat(session.currentSchema()).isEqualTo("PUBLIC");
        }
    }

    @Test
    void postgres_schemaFollowsSearchPath_andARollbackUndoesASetInTheTransaction() throws SQLException {
        try (Connection connection = TestDatabase.POSTGRES.tandem(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS tandem_session");
            Session session = session(connection);
            assertThat(session.currentSchema()).isEqualTo("public");
            statement.execute("SET search_path TO tandem_session, public");
            assertThat(session.currentSchema()).isEqualTo("tandem_session");
            connection.setAutoCommit(false);
            statement.execute("set search_path = public");
            assertThat(session.currentSchema()).isEqualTo("public");
            connection.rollback();
            assertThat(session.currentSchema()).isEqualTo("tandem_session");
            connection.setAutoCommit(true);
            statement.execute("RESET search_path");
            assertThat(session.currentSchema()).isEqualTo("public");
        }
    }

    @Test
    void mariadb_schemaIsTheDatabase_followingUseAndSetCatalog() throws SQLException {
        try (Connection connection = TestDatabase.MARIADB.tandem(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS tandem_session");
            Session session = session(connection);
            String home = connection.getCatalog();
            assertThat(session.currentSchema()).isEqualTo(home);
            statement.execute("USE tandem_session");
            assertThat(session.currentSchema()).isEqualTo("tandem_session");
            connection.setCatalog(home);
            assertThat(session.currentSchema()).isEqualTo(home);
        }
    }

    @Test
    void onlyStatementsThatMayMoveTheSchema_makeItBeAskedAgain() {
        assertThat(Session.mayChangeSchema("SET search_path TO app")).isTrue();
        assertThat(Session.mayChangeSchema("  -- switch\n/* now */ use app")).isTrue();
        assertThat(Session.mayChangeSchema("# mysql\nUSE `app`")).isTrue();
        assertThat(Session.mayChangeSchema("RESET ALL")).isTrue();
        assertThat(Session.mayChangeSchema("DISCARD ALL")).isTrue();
        assertThat(Session.mayChangeSchema("SELECT id FROM users")).isFalse();
        assertThat(Session.mayChangeSchema("UPDATE users SET name = ?")).isFalse();
        assertThat(Session.mayChangeSchema("SETTINGS")).isFalse();
        assertThat(Session.mayChangeSchema("USERS")).isFalse();
        assertThat(Session.mayChangeSchema("")).isFalse();
    }

    @Test
    void dialect_ofAProductTandemCannotRead_isNone() {
        assertThat(Session.dialect("Oracle", 0)).isNull();
        assertThat(Session.dialect("MySQL", 1)).isEqualTo(Dialect.MARIADB_LOWER_CASE_TABLES);
        assertThat(Session.dialect("MariaDB", 0)).isEqualTo(Dialect.MARIADB);
    }

    @Test
    void theParser_isWarmedWhenTheDriverLoads() throws Exception {
        TandemDriver.PARSER_WARM.get(2, TimeUnit.MINUTES);
        assertThat(TandemDriver.PARSER_WARM).isCompletedWithValue(null);
    }

    private static Session session(Connection connection) throws SQLException {
        return connection.unwrap(TandemConnection.class).session;
    }

    private static int lowerCaseTableNames(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT @@lower_case_table_names")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @org.junit.jupiter.api.Test
    void transactionControlSentAsSql_isToldApart_fromTheFirstWords() {
        assertThat(Session.control("BEGIN")).isEqualTo(Session.Control.BEGIN);
        assertThat(Session.control(" /* x */ start transaction read write")).isEqualTo(Session.Control.BEGIN);
        assertThat(Session.control("COMMIT")).isEqualTo(Session.Control.END);
        assertThat(Session.control("end")).isEqualTo(Session.Control.END);
        assertThat(Session.control("ROLLBACK")).isEqualTo(Session.Control.END);
        assertThat(Session.control("ROLLBACK WORK")).isEqualTo(Session.Control.END);
        assertThat(Session.control("ROLLBACK TO SAVEPOINT a")).isEqualTo(Session.Control.NONE);
        assertThat(Session.control("rollback work to a")).isEqualTo(Session.Control.NONE);
        assertThat(Session.control("SELECT begin FROM t")).isEqualTo(Session.Control.NONE);
        assertThat(Session.control("BEGINNING")).isEqualTo(Session.Control.NONE);
    }
}
