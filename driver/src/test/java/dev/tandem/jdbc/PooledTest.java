package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Tandem under HikariCP, by {@code jdbcUrl} and by data source, with more threads than connections. */
class PooledTest {

    private static final int THREADS = 12;
    private static final int OPERATIONS_PER_THREAD = 150;
    private static final int ACCOUNTS = 20;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void hikari_withTandemJdbcUrl_underConcurrentWorkload_returnsEveryConnectionAndClosesEveryStatement(
            TestDatabase database) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.tandemUrl());
        config.setMaximumPoolSize(4);
        config.setPoolName("tandem-pooled-test");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                assertThat(connection.isWrapperFor(TandemConnection.class)).isTrue();
                statement.execute("DROP TABLE IF EXISTS pooled_accounts");
                statement.execute("CREATE TABLE pooled_accounts (id INT PRIMARY KEY, balance INT NOT NULL)");
                for (int id = 0; id < ACCOUNTS; id++) {
                    statement.executeUpdate("INSERT INTO pooled_accounts (id, balance) VALUES (" + id + ", 0)");
                }
            }

            Queue<TandemStatement> statements = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    start.await();
                    int read = 0;
                    for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                        read += work(pool, statements, (thread * OPERATIONS_PER_THREAD + i) % ACCOUNTS);
                    }
                    return read;
                }));
            }
            start.countDown();
            int reads = 0;
            for (Future<Integer> result : results) {
                reads += result.get(2, TimeUnit.MINUTES);
            }
            threads.shutdown();

            assertThat(reads).isEqualTo(THREADS * OPERATIONS_PER_THREAD);
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                    ResultSet sum = statement.executeQuery("SELECT SUM(balance) FROM pooled_accounts")) {
                assertThat(sum.next()).isTrue();
                assertThat(sum.getInt(1)).isEqualTo(THREADS * OPERATIONS_PER_THREAD);
                statement.execute("DROP TABLE pooled_accounts");
            }
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isBetween(1, 4);
            assertThat(statements).hasSize(THREADS * OPERATIONS_PER_THREAD * 2);
            for (TandemStatement statement : statements) {
                assertThat(statement.isClosed()).isTrue();
                assertThat(statement.delegate().isClosed()).isTrue();
            }
        }
    }

    /** One request: an update by key and a read of the same row, in a transaction, through the pool. */
    private static int work(HikariDataSource pool, Queue<TandemStatement> statements, int id) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE pooled_accounts SET balance = balance + 1 WHERE id = ?")) {
                statements.add(update.unwrap(TandemStatement.class));
                update.setInt(1, id);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT balance FROM pooled_accounts WHERE id = ?")) {
                statements.add(select.unwrap(TandemStatement.class));
                select.setInt(1, id);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.getStatement().unwrap(TandemStatement.class))
                            .isSameAs(select.unwrap(TandemStatement.class));
                    assertThat(row.next()).isTrue();
                }
            }
            connection.commit();
            return 1;
        }
    }

    @Test
    void hikari_passesTandemPropertiesFromDataSourceProperties() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:tandem:h2:mem:pooled_props;DB_CLOSE_DELAY=-1");
        config.addDataSourceProperty("tandem.client", "checkout");
        config.addDataSourceProperty("tandem.schemaVersion", "2");
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config); Connection connection = pool.getConnection()) {
            TandemProperties properties = connection.unwrap(TandemConnection.class).properties();
            assertThat(properties.client()).isEqualTo("checkout");
            assertThat(properties.schemaVersion()).isEqualTo(2);
        }
    }

    @Test
    void hikari_withTandemDataSource_handsOutTandemConnections_thatUnwrapToTheVendorConnection() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:pooled_ds;DB_CLOSE_DELAY=-1");
        HikariConfig config = new HikariConfig();
        config.setDataSource(new TandemDataSource(h2));
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config);
                Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet one = statement.executeQuery("SELECT 1")) {
            assertThat(connection.unwrap(TandemConnection.class)).isNotNull();
            assertThat(connection.unwrap(JdbcConnection.class)).isInstanceOf(JdbcConnection.class);
            assertThat(one.next()).isTrue();
            assertThat(one.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void unwrap_throughAPoolBelowTandem_reachesTheVendorClassInTheThirdStep() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:pooled_below;DB_CLOSE_DELAY=-1");
        HikariConfig config = new HikariConfig();
        config.setDataSource(h2);
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config);
                Connection connection = new TandemDataSource(pool).getConnection()) {
            // this object, then Hikari's proxy (the delegate), then Hikari's own unwrap to H2's class
            assertThat(connection.unwrap(Connection.class)).isSameAs(connection);
            assertThat(connection.isWrapperFor(JdbcConnection.class)).isTrue();
            assertThat(connection.unwrap(JdbcConnection.class)).isInstanceOf(JdbcConnection.class);
            assertThat(connection.getMetaData().getConnection()).isSameAs(connection);
        }
    }
}
