package dev.tandem.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tandem.sql.Dialect;

/**
 * Phase {@code verify}'s comparison (DESIGN §4): a sampled read runs on the source and, translated, on
 * the target, in the application's transaction, before the application's own statement runs, and
 * the rows are compared. The application's statement then runs as usual, so what it gets is always
 * the source's rows, and nothing the shadow read does reaches it: a failure is counted and logged at
 * DEBUG, and on PostgreSQL, where a failed statement would abort the transaction, the shadow pair runs
 * under a savepoint that is rolled back.
 *
 * <p>Under READ COMMITTED a write committed between the two reads can make them differ without any
 * drift; a pair that differs is therefore read once more, and only a second difference counts as a
 * mismatch. Mismatches are logged at WARN, at most a few a minute, with the migration and the
 * statement's fingerprint, never a value.
 */
final class ShadowRead {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowRead.class);
    /** Reads longer than this are not compared: the comparison holds both in memory. */
    static final int MAX_ROWS = 10_000;
    private static final RateLimitedLog MISMATCHES = new RateLimitedLog(LOG, 10, java.time.Duration.ofMinutes(1));

    private ShadowRead() {
    }

    /**
     * Runs {@code route}'s shadow pair on {@code connection}'s real connection, with {@code binds}
     * when the statement is prepared; never throws.
     */
    static void run(TandemConnection connection, Router.Route route, Binds binds) {
        MigrationMonitor monitor = route.shadow();
        monitor.shadowReads.increment();
        Savepoint savepoint = null;
        try {
            if (!connection.delegate.getAutoCommit() && connection.session.dialect() == Dialect.POSTGRESQL) {
                savepoint = connection.delegate.setSavepoint();
            }
            boolean ordered = OrderedRead.ordersRows(route.sql());
            RowComparison comparison = compare(connection, route, binds, ordered);
            if (!comparison.matches()) {
                comparison = compare(connection, route, binds, ordered);
                if (!comparison.matches()) {
                    monitor.shadowMismatches.increment();
                    MISMATCHES.warn("tandem: shadow read differs from the source for migration " + monitor.getId()
                            + ", statement " + Fingerprint.of(route.sql()) + ": " + comparison.difference());
                }
            }
            if (savepoint != null) {
                connection.delegate.releaseSavepoint(savepoint);
            }
        } catch (SQLException | RuntimeException e) {
            monitor.shadowFailures.increment();
            LOG.debug("tandem: shadow read for migration {} failed: {}", monitor.getId(), e.toString());
            if (savepoint != null) {
                try {
                    connection.delegate.rollback(savepoint);
                } catch (SQLException rollbackFailed) {
                    LOG.debug("tandem: rolling back the shadow read's savepoint failed: {}", rollbackFailed.toString());
                }
            }
        }
    }

    private static RowComparison compare(TandemConnection connection, Router.Route route, Binds binds, boolean ordered)
            throws SQLException {
        if (binds == null) {
            try (Statement source = connection.delegate.createStatement();
                    Statement target = connection.delegate.createStatement();
                    ResultSet sourceRows = source.executeQuery(route.sql());
                    ResultSet targetRows = target.executeQuery(route.shadowSql())) {
                return RowComparison.compare(sourceRows, targetRows, ordered, MAX_ROWS);
            }
        }
        try (PreparedStatement source = connection.delegate.prepareStatement(route.sql());
                PreparedStatement target = connection.delegate.prepareStatement(route.shadowSql())) {
            binds.applyTo(source);
            binds.applyTo(target);
            try (ResultSet sourceRows = source.executeQuery(); ResultSet targetRows = target.executeQuery()) {
                return RowComparison.compare(sourceRows, targetRows, ordered, MAX_ROWS);
            }
        }
    }
}
