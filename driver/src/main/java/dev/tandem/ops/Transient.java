package dev.tandem.ops;

import java.sql.SQLException;
import java.util.Locale;

/** Whether a failed statement may succeed when its transaction is run again: a deadlock, a lock wait, a conflict. */
final class Transient {

    private Transient() {
    }

    static boolean is(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && one(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean one(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return state.startsWith("40") // serialization failure, deadlock (all three)
                || state.equals("55P03") // PostgreSQL lock_timeout
                || state.equals("HYT00") // H2 lock timeout
                || e.getErrorCode() == 1205 || e.getErrorCode() == 1213 // MariaDB lock wait timeout, deadlock
                || e.getErrorCode() == 90131 // H2 concurrent update
                || message.contains("deadlock") || message.contains("lock wait timeout")
                || message.contains("timeout trying to lock");
    }

    /** Whether the connection itself failed (SQLState class 08), so nothing more can run on it. */
    static boolean connection(SQLException e) {
        return String.valueOf(e.getSQLState()).startsWith("08");
    }
}
