package dev.tandem.ops;

import java.util.concurrent.TimeUnit;

/**
 * Keeps the rows one process copies under a rate, across all its workers: each copied chunk books its
 * rows' share of time, and a worker waits until its booking comes due. Credit not used is kept at most
 * one second, so an idle spell does not allow a burst.
 */
final class Throttle {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final double rowsPerSecond;
    private long next = System.nanoTime();

    /** @param rowsPerSecond the rate; 0 or less for none */
    Throttle(double rowsPerSecond) {
        this.rowsPerSecond = rowsPerSecond;
    }

    /** Waits as long as {@code rows} rows take at the rate. */
    void pass(long rows) throws InterruptedException {
        if (rowsPerSecond <= 0 || rows <= 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            next = Math.max(next, now - SECOND) + (long) (rows * SECOND / rowsPerSecond);
            wait = next - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
