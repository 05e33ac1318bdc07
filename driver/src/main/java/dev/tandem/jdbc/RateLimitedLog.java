package dev.tandem.jdbc;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

/**
 * A warning that may recur on every statement, logged at most {@code permits} times per window; the
 * first one logged after others were dropped says how many. Called from application threads, so it
 * takes no lock: one compare-and-set per call, and a dropped message is never formatted.
 *
 * <p>Windows follow each other: one opens with the first message after the last one closed, and
 * closes {@code window} later. Within it the first {@code permits} messages are logged.
 */
final class RateLimitedLog {

    /** Where a window opened, how many messages it logged, how many were dropped since the last logged one. */
    private record State(long windowStart, int logged, long dropped) {
    }

    private final BiConsumer<String, Throwable> sink;
    private final int permits;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final AtomicReference<State> state;

    /** Logs at WARN through {@code logger}. */
    RateLimitedLog(Logger logger, int permits, Duration window) {
        this((message, thrown) -> {
            if (thrown == null) {
                logger.warn(message);
            } else {
                logger.warn(message, thrown);
            }
        }, permits, window, System::nanoTime);
    }

    /**
     * Hands each message that gets through, and the throwable that came as its last argument (or
     * null), to {@code sink}, reading time from {@code nanoTime} (a {@link System#nanoTime()}-like clock).
     */
    RateLimitedLog(BiConsumer<String, Throwable> sink, int permits, Duration window, LongSupplier nanoTime) {
        if (permits < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("tandem: a rate-limited log needs permits >= 1 and a positive window, not "
                    + permits + " per " + window);
        }
        this.sink = sink;
        this.permits = permits;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
        this.state = new AtomicReference<>(new State(nanoTime.getAsLong(), 0, 0));
    }

    /**
     * Logs {@code format} with its arguments as SLF4J would ({@code {}} placeholders; a last argument
     * that is a {@link Throwable} is logged as the cause), unless this window's permits are used up.
     *
     * @return whether the message was logged
     */
    boolean warn(String format, Object... arguments) {
        long now = nanoTime.getAsLong();
        State current;
        State next;
        do {
            current = state.get();
            if (now - current.windowStart() >= windowNanos) {
                next = new State(now, 1, 0);
            } else if (current.logged() < permits) {
                next = new State(current.windowStart(), current.logged() + 1, 0);
            } else {
                next = new State(current.windowStart(), current.logged(), current.dropped() + 1);
            }
        } while (!state.compareAndSet(current, next));
        if (next.dropped() != 0) {
            return false;
        }
        FormattingTuple message = MessageFormatter.arrayFormat(format, arguments);
        long dropped = current.dropped();
        String text = dropped == 0 ? message.getMessage()
                : message.getMessage() + " (" + dropped + (dropped == 1 ? " similar message" : " similar messages")
                        + " suppressed since the last one)";
        sink.accept(text, message.getThrowable());
        return true;
    }
}
