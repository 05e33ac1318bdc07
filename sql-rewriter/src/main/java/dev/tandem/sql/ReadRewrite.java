package dev.tandem.sql;

/**
 * A read translated to be served from one side, or the reason it cannot be.
 *
 * @param sql    the statement to run, every byte not translated as the application wrote it; null when refused
 * @param reason why the read cannot be served from that side, or null
 */
public record ReadRewrite(String sql, String reason) {

    static ReadRewrite of(String sql) {
        return new ReadRewrite(sql, null);
    }

    static ReadRewrite refused(String reason) {
        return new ReadRewrite(null, reason);
    }

    /** Whether the read can be served from the side asked for. */
    public boolean ok() {
        return reason == null;
    }
}
