package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

/** A warning logged at most so many times per window, on a clock the test moves by hand. */
class RateLimitedLogTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final List<String> logged = new ArrayList<>();
    private final List<Throwable> causes = new ArrayList<>();

    private RateLimitedLog log(int permits) {
        return new RateLimitedLog((message, cause) -> {
            logged.add(message);
            causes.add(cause);
        }, permits, Duration.ofMinutes(1), nanos::get);
    }

    @Test
    void permitsPerWindow_thenTheNextWindowSaysHowManyWereSuppressed() {
        RateLimitedLog log = log(2);

        assertThat(log.warn("mirror failed for {}", "users")).isTrue();
        assertThat(log.warn("mirror failed for {}", "orders")).isTrue();
        assertThat(log.warn("mirror failed for {}", "items")).isFalse();
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(log.warn("mirror failed for {}", "items")).as("the same window").isFalse();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(log.warn("mirror failed for {}", "carts")).isTrue();
        assertThat(log.warn("mirror failed for {}", "bins")).isTrue();

        assertThat(logged).containsExactly("mirror failed for users", "mirror failed for orders",
                "mirror failed for carts (2 similar messages suppressed since the last one)", "mirror failed for bins");
    }

    @Test
    void oneSuppressed_isSaidInTheSingular_andAQuietWindowResetsNothingButTheCount() {
        RateLimitedLog log = log(1);
        log.warn("a");
        log.warn("b");
        nanos.addAndGet(Duration.ofHours(5).toNanos());
        log.warn("c");
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        log.warn("d");

        assertThat(logged).containsExactly("a", "c (1 similar message suppressed since the last one)", "d");
    }

    @Test
    void aThrowableLastArgument_isTheCause() {
        RateLimitedLog log = log(5);
        SQLException failure = new SQLException("boom");

        log.warn("mirror of {} failed", "users", failure);

        assertThat(logged).containsExactly("mirror of users failed");
        assertThat(causes).containsExactly(failure);
    }

    @Test
    void manyThreadsAtOnce_getExactlyThePermits() throws Exception {
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        RateLimitedLog log = new RateLimitedLog((message, cause) -> seen.add(message), 7, Duration.ofSeconds(10), nanos::get);
        int threads = 8;
        int calls = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < calls; i++) {
                        log.warn("w");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(7);

        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        log.warn("w");
        assertThat(seen).hasSize(8).last().isEqualTo("w (" + (threads * calls - 7) + " similar messages suppressed since the last one)");
    }

    @Test
    void throughALogger_atWarn() {
        List<String> warnings = new ArrayList<>();
        LegacyAbstractLogger logger = new LegacyAbstractLogger() {
            @Override
            protected String getFullyQualifiedCallerName() {
                return null;
            }

            @Override
            protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments,
                    Throwable thrown) {
                warnings.add(level + " " + message + (arguments == null ? "" : " with arguments")
                        + (thrown == null ? "" : " because " + thrown.getMessage()));
            }

            @Override
            public boolean isTraceEnabled() {
                return true;
            }

            @Override
            public boolean isDebugEnabled() {
                return true;
            }

            @Override
            public boolean isInfoEnabled() {
                return true;
            }

            @Override
            public boolean isWarnEnabled() {
                return true;
            }

            @Override
            public boolean isErrorEnabled() {
                return true;
            }
        };
        RateLimitedLog log = new RateLimitedLog(logger, 2, Duration.ofMinutes(1));

        log.warn("mirror of {} failed", "users", new SQLException("boom"));
        log.warn("{} braces stay as they are", "{}");
        log.warn("dropped");

        assertThat(warnings).containsExactly("WARN mirror of users failed because boom", "WARN {} braces stay as they are");
    }

    @Test
    void noPermitsOrNoWindow_isRefused() {
        assertThatThrownBy(() -> log(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("permits");
        assertThatThrownBy(() -> new RateLimitedLog((m, c) -> { }, 1, Duration.ZERO, nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
