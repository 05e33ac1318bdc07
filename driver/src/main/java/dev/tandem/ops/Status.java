package dev.tandem.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the checkpoint tables say about one migration's backfill and its last verify run, for {@code tandem status}. */
public final class Status {

    private Status() {
    }

    /**
     * The backfill, as one line: {@code not started}, its progress, or when it finished.
     */
    public static String backfill(Connection connection, String migration) throws SQLException {
        if (!OpsTables.exists(connection, "tandem_backfill_run")) {
            return "not started";
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT r.chunks, r.source_rows, r.planned_at,"
                + " r.finished_at, r.key_generator, (SELECT COUNT(*) FROM tandem_backfill_chunk c WHERE"
                + " c.migration_id = r.migration_id AND c.done = 1), (SELECT SUM(c.rows_copied) FROM tandem_backfill_chunk c"
                + " WHERE c.migration_id = r.migration_id AND c.done = 1) FROM tandem_backfill_run r"
                + " WHERE r.migration_id = ?")) {
            select.setString(1, migration);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getObject(1) == null) {
                    return "not started";
                }
                int chunks = row.getInt(1);
                long sourceRows = row.getLong(2);
                long copied = row.getLong(7);
                int done = row.getInt(6);
                if (row.getString(4) != null) {
                    return "done at " + row.getString(4) + ": " + copied + " rows copied in " + chunks + " chunks ("
                            + sourceRows + " source rows when planned); " + row.getString(5);
                }
                long percent = sourceRows == 0 ? 0 : Math.min(100, copied * 100 / sourceRows);
                return "not done: " + copied + " of " + sourceRows + " rows copied (" + percent + "%), " + done + " of "
                        + chunks + " chunks; planned at " + row.getString(3);
            }
        }
    }

    /** The last verify run, as one line: {@code never run}, its result and when, or how far a running one is. */
    public static String verify(Connection connection, String migration) throws SQLException {
        if (!OpsTables.exists(connection, "tandem_verify_run")) {
            return "never run";
        }
        StringBuilder text = new StringBuilder();
        try (PreparedStatement select = connection.prepareStatement("SELECT run_no, finished_at, chunks, missing, extra,"
                + " different, repaired, ok FROM tandem_verify_run WHERE migration_id = ? AND finished_at IS NOT NULL"
                + " ORDER BY run_no DESC")) {
            select.setString(1, migration);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    text.append("run ").append(row.getInt(1)).append(" at ").append(row.getString(2)).append(": ");
                    if (row.getInt(8) == 1) {
                        text.append("no drift in ").append(row.getInt(3)).append(" chunks");
                    } else {
                        text.append("drift: ").append(row.getLong(4)).append(" missing, ").append(row.getLong(5))
                                .append(" extra, ").append(row.getLong(6)).append(" different");
                        if (row.getLong(7) > 0) {
                            text.append(", ").append(row.getLong(7)).append(" repaired");
                        }
                    }
                } else {
                    text.append("never finished");
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT run_no, chunks, started_at FROM"
                + " tandem_verify_run WHERE migration_id = ? AND finished_at IS NULL ORDER BY run_no DESC")) {
            select.setString(1, migration);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    text.append("; run ").append(row.getInt(1)).append(" started at ").append(row.getString(3))
                            .append(" has not finished (").append(row.getInt(2)).append(" chunks compared)");
                }
            }
        }
        return text.toString();
    }
}
