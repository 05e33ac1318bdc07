package dev.tandem;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Tandem's Java API for code that does not hold the connection: the cohort of the work a thread is
 * doing, for percentage rollouts. While {@code work} runs, every statement the thread sends through a
 * Tandem connection belongs to {@code cohort}; this takes precedence over a connection's own
 * {@code setClientInfo("tandem.cohort", …)}, because a pooled connection may still carry an earlier
 * request's value.
 *
 * <pre>{@code
 * Order order = Tandem.withCohort("user-42", () -> orders.find(id));
 * Tandem.withCohort("tenant-7", () -> { report.refresh(); });
 * }</pre>
 */
public final class Tandem {

    private static final ThreadLocal<String> COHORT = new ThreadLocal<>();

    private Tandem() {
    }

    /** Runs {@code work} with {@code cohort} as the thread's cohort and returns its result. */
    public static <T> T withCohort(String cohort, Callable<T> work) throws Exception {
        Objects.requireNonNull(cohort, "cohort");
        String outer = COHORT.get();
        COHORT.set(cohort);
        try {
            return work.call();
        } finally {
            restore(outer);
        }
    }

    /** Runs {@code work} with {@code cohort} as the thread's cohort. */
    public static void withCohort(String cohort, Runnable work) {
        Objects.requireNonNull(cohort, "cohort");
        String outer = COHORT.get();
        COHORT.set(cohort);
        try {
            work.run();
        } finally {
            restore(outer);
        }
    }

    /** The thread's cohort, set by an enclosing {@code withCohort}, or null. */
    public static String cohort() {
        return COHORT.get();
    }

    private static void restore(String outer) {
        if (outer == null) {
            COHORT.remove();
        } else {
            COHORT.set(outer);
        }
    }
}
