package dev.tandem.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.Side;
import dev.tandem.sql.TableName;

/**
 * Moves the target's key generators past every key either table holds when the driver applies a plan
 * that takes a migration into {@code target-only} (DESIGN §5). Until then the source's generator issued
 * every key and the mirror carried it over, so the target's own generator lags again however far the
 * backfill advanced it; in {@code target-only} an insert that leaves the key to the target would get a
 * key a copied row already has.
 *
 * <p>Forward only, and safe when several processes switch at once: a generator already past the largest
 * key is left alone, and the read and the advance run where no insert can slip between them and take a key
 * the advance would hand out again. PostgreSQL: in one transaction that first locks the target in {@code
 * SHARE ROW EXCLUSIVE} mode, which waits for its writers to end and keeps new ones (and other switching
 * processes) out until the commit. MariaDB and MySQL: {@code ALTER TABLE … AUTO_INCREMENT} waits for the
 * table's open transactions and never sets the counter below the largest key present plus one, so a
 * racing advance cannot make a duplicate. H2 has neither: its {@code RESTART WITH} sets what it is given,
 * so advances are serialized within the JVM; two processes sharing one H2 server that switch in the same
 * instant could set it back to the largest key one of them read plus one, and inserts would then fail
 * with a duplicate key until the generator passes the keys issued in between (never a wrong row).
 */
final class TargetOnlyKeys {

    private static final Logger LOG = LoggerFactory.getLogger(TargetOnlyKeys.class);
    /** How long the switch waits for the target's writers, in seconds, before it gives up and warns. */
    static final int LOCK_WAIT_SECONDS = 5;
    /** One advance at a time in this JVM: what keeps two H2 advances from undoing each other. */
    private static final Object ONE_AT_A_TIME = new Object();

    private TargetOnlyKeys() {
    }

    /**
     * Advances every generator of {@code migration}'s target key that is not past the largest key of
     * both tables, logging each advance at INFO; a failure is logged at WARN and leaves the generators
     * as they were.
     *
     * @param raw      a connection of the driver's own, under autocommit, left under autocommit
     * @param schema   the schema a table that names none is in, as the database stores it
     * @param database the database's name for the log, its secrets masked
     * @return whether it ended with every generator past the largest key (or there was none to advance)
     */
    static boolean advance(Connection raw, Dialect dialect, String schema, Migration migration, String database) {
        synchronized (ONE_AT_A_TIME) {
            try {
                return advanceLocked(raw, dialect, schema, migration, database);
            } catch (SQLException e) {
                LOG.warn("tandem: migration {} entered target-only on {}, but the key generator of {} could not be"
                        + " advanced past the keys the source issued: {}; inserts that let the target issue the key"
                        + " may collide with copied rows until it is (tandem validate --url shows how far it lags)",
                        migration.id(), database, migration.target(), e.getMessage());
                return false;
            }
        }
    }

    private static boolean advanceLocked(Connection raw, Dialect dialect, String schema, Migration migration,
            String database) throws SQLException {
        List<String> sourceKey = migration.key(dialect, Side.SOURCE);
        List<String> targetKey = migration.key(dialect, Side.TARGET);
        boolean generated = false;
        for (String column : targetKey) {
            generated |= column != null
                    && KeyGenerator.of(raw, dialect, schema, migration.target(), column, null) != null;
        }
        if (!generated) {
            return true; // nothing issues the target's keys but the statements: no lock, nothing to move
        }
        boolean postgres = dialect == Dialect.POSTGRESQL;
        Integer lockWait = null;
        if (postgres) {
            raw.setAutoCommit(false);
        }
        try {
            if (postgres) {
                execute(raw, "SET LOCAL lock_timeout = '" + LOCK_WAIT_SECONDS + "s'");
                execute(raw, "LOCK TABLE " + migration.target() + " IN SHARE ROW EXCLUSIVE MODE");
            } else if (dialect.mariadb()) {
                lockWait = sessionLockWait(raw);
                execute(raw, "SET SESSION lock_wait_timeout = " + LOCK_WAIT_SECONDS);
            }
            for (int i = 0; i < targetKey.size(); i++) {
                String column = targetKey.get(i);
                if (column != null) {
                    advance(raw, dialect, schema, migration, sourceKey.get(i), column, database);
                }
            }
            if (postgres) {
                raw.commit();
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            if (postgres) {
                try {
                    raw.rollback();
                } catch (SQLException ignored) {
                    e.addSuppressed(ignored);
                }
            }
            throw e;
        } finally {
            if (postgres) {
                raw.setAutoCommit(true);
            } else if (lockWait != null) {
                execute(raw, "SET SESSION lock_wait_timeout = " + lockWait);
            }
        }
    }

    private static void advance(Connection raw, Dialect dialect, String schema, Migration migration,
            String sourceColumn, String column, String database) throws SQLException {
        TableName target = migration.target();
        BigDecimal largest = larger(KeyGenerator.largest(raw, migration.source(), sourceColumn),
                KeyGenerator.largest(raw, target, column));
        if (largest == null) {
            return; // both empty: any key the generator issues is free
        }
        KeyGenerator generator = KeyGenerator.of(raw, dialect, schema, target, column, largest);
        if (generator == null || generator.past(largest)) {
            return;
        }
        execute(raw, generator.advance());
        KeyGenerator advanced = KeyGenerator.of(raw, dialect, schema, target, column, largest);
        LOG.info("tandem: migration {} entered target-only on {}: the key generator of {}.{} now issues {} next"
                + " (it issued {}), past the largest key of either table, {}", migration.id(), database, target, column,
                advanced == null ? largest.add(BigDecimal.ONE) : advanced.next(), generator.next(), largest);
    }

    private static BigDecimal larger(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static Integer sessionLockWait(Connection raw) throws SQLException {
        try (Statement statement = raw.createStatement();
                ResultSet rows = statement.executeQuery("SELECT @@SESSION.lock_wait_timeout")) {
            return rows.next() ? rows.getInt(1) : null;
        }
    }

    private static void execute(Connection raw, String sql) throws SQLException {
        try (Statement statement = raw.createStatement()) {
            statement.execute(sql);
        }
    }
}
