package dev.tandem.sql;

/**
 * A write translated to change the other table of its migration instead of the one it names, or the
 * reason it cannot be.
 *
 * @param sql        the statement to run; every byte not translated as the application wrote it; null when refused
 * @param parameters for each JDBC parameter of {@code sql}, in order, the parameter (from 1) of the
 *                   statement as written whose value it takes; null when they are the same, in the same
 *                   order. A value written for a column the other table lacks is dropped, and a value a
 *                   computed column reads more than once is bound more than once.
 * @param reason     why the write cannot be translated, or null
 */
public record WriteRewrite(String sql, int[] parameters, String reason) {

    static WriteRewrite refused(String reason) {
        return new WriteRewrite(null, null, reason);
    }

    /** Whether the write can be translated. */
    public boolean ok() {
        return reason == null;
    }
}
