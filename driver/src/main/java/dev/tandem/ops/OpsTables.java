package dev.tandem.ops;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import dev.tandem.sql.Dialect;

/**
 * The tables Tandem keeps its own state in, in the connection's current schema, created when missing:
 * <ul>
 * <li>{@code tandem_backfill_run}: one row per migration backfilled: the plan (chunk size, chunks,
 *     source rows when planned), when it was planned and finished, what was done to the key generator;</li>
 * <li>{@code tandem_backfill_chunk}: one row per chunk of a plan: its key range, whether it is copied, by
 *     whom, when and how many rows. The claim lock on this row is what lets several processes share a
 *     backfill and a killed one be resumed;</li>
 * <li>{@code tandem_verify_run}: one row per verify run: where it stands (the last key compared), its
 *     counts, when it started and finished and whether it found the tables equal;</li>
 * <li>{@code tandem_verify_drift}: the drifting keys each run found, and whether they were repaired.</li>
 * </ul>
 * Times are ISO-8601 UTC text; keys are {@link KeyText}. Dropping the four tables forgets every
 * checkpoint and result and changes nothing else.
 */
final class OpsTables {

    static final List<String> ALL = List.of("tandem_backfill_run", "tandem_backfill_chunk", "tandem_verify_run",
            "tandem_verify_drift");

    private OpsTables() {
    }

    /** Creates the tables that do not exist yet; a concurrent process creating them too is not an error. */
    static void create(Connection connection, Dialect dialect) throws SQLException {
        String text = switch (dialect) {
            case POSTGRESQL -> "TEXT";
            case H2 -> "CHARACTER VARYING";
            default -> "TEXT";
        };
        String id = "VARCHAR(200) NOT NULL";
        String time = "VARCHAR(40)";
        List<String> ddl = List.of(
                "CREATE TABLE IF NOT EXISTS tandem_backfill_run (migration_id " + id + ", chunk_size INT,"
                        + " chunks INT, source_rows BIGINT, planned_at " + time + ", finished_at " + time
                        + ", key_generator VARCHAR(400), PRIMARY KEY (migration_id))",
                "CREATE TABLE IF NOT EXISTS tandem_backfill_chunk (migration_id " + id + ", chunk_no INT NOT NULL,"
                        + " after_key " + text + ", up_to_key " + text + ", done INT NOT NULL, rows_copied BIGINT,"
                        + " rows_deleted BIGINT, worker VARCHAR(200), done_at " + time
                        + ", PRIMARY KEY (migration_id, chunk_no))",
                "CREATE TABLE IF NOT EXISTS tandem_verify_run (migration_id " + id + ", run_no INT NOT NULL,"
                        + " started_at " + time + ", finished_at " + time + ", position " + text + ", chunks INT NOT NULL,"
                        + " source_rows BIGINT, missing BIGINT NOT NULL, extra BIGINT NOT NULL,"
                        + " different BIGINT NOT NULL, repaired BIGINT NOT NULL, repair INT NOT NULL, ok INT,"
                        + " PRIMARY KEY (migration_id, run_no))",
                "CREATE TABLE IF NOT EXISTS tandem_verify_drift (migration_id " + id + ", run_no INT NOT NULL,"
                        + " seq INT NOT NULL, kind VARCHAR(10) NOT NULL, key_text " + text + " NOT NULL,"
                        + " repaired INT NOT NULL, PRIMARY KEY (migration_id, run_no, seq))");
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    // PostgreSQL may refuse one of two concurrent CREATE TABLE IF NOT EXISTS; the other made it
                    if (!exists(connection, sql.split(" ")[5])) {
                        throw e;
                    }
                }
            }
            if (!indexExists(connection, "tandem_backfill_chunk", "tandem_backfill_todo")) {
                try {
                    // claims look for chunks not done in order: an index that holds only their rows' entries
                    statement.execute("CREATE INDEX tandem_backfill_todo ON tandem_backfill_chunk (migration_id, done,"
                            + " chunk_no)");
                } catch (SQLException e) {
                    if (!indexExists(connection, "tandem_backfill_chunk", "tandem_backfill_todo")) {
                        throw e;
                    }
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Whether {@code table} (lower case as created) exists in the current schema. */
    static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        boolean catalogIsSchema = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).matches(".*(mariadb|mysql).*");
        try (ResultSet rows = catalogIsSchema ? meta.getTables(catalog, null, stored, null)
                : meta.getTables(null, schema, stored, null)) {
            while (rows.next()) {
                if (stored.equals(rows.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean indexExists(Connection connection, String table, String index) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        boolean upper = meta.storesUpperCaseIdentifiers();
        String storedTable = upper ? table.toUpperCase(Locale.ROOT) : table;
        String storedIndex = upper ? index.toUpperCase(Locale.ROOT) : index;
        boolean catalogIsSchema = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).matches(".*(mariadb|mysql).*");
        try (ResultSet rows = catalogIsSchema ? meta.getIndexInfo(connection.getCatalog(), null, storedTable, false, true)
                : meta.getIndexInfo(null, connection.getSchema(), storedTable, false, true)) {
            while (rows.next()) {
                if (storedIndex.equalsIgnoreCase(String.valueOf(rows.getString("INDEX_NAME")))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Now, as the tables keep times: ISO-8601 UTC to the millisecond. */
    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
