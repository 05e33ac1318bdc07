package dev.tandem.routing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing file (or directory of files) one {@code tandem.config} names, shared by every
 * connection in the JVM that names it, and the routing in force from it. A reload reads the files
 * again when their checksum changed; a routing that fails its checks, or that may not replace the
 * one in force ({@link Routing#changeProblems}), is refused and the last good one stays. Each
 * applied phase change and each refusal is one line on the {@code tandem.audit} logger.
 *
 * <p>The routing in force is one immutable object behind a volatile field: a statement, or a
 * transaction, that took it keeps it, whatever a reload does meanwhile.
 */
public final class RoutingFile {

    private static final Logger AUDIT = LoggerFactory.getLogger("tandem.audit");
    private static final Logger LOG = LoggerFactory.getLogger(RoutingFile.class);
    private static final ConcurrentMap<Path, RoutingFile> OPEN = new ConcurrentHashMap<>();
    private static final int AUDIT_KEPT = 100;

    /** How a reload ended. */
    public enum Outcome {
        /** The first read of the file. */
        LOADED,
        /** The files are as they were: nothing to do. */
        UNCHANGED,
        /** A new routing is in force. */
        APPLIED,
        /** The files changed but could not be applied; the last good routing stays. */
        REFUSED
    }

    /**
     * One check of the files.
     *
     * @param at       when
     * @param outcome  what came of it
     * @param checksum the checksum of the files read, or of the routing in force when unchanged
     * @param message  the problems, for a refusal; else a summary
     */
    public record Reload(Instant at, Outcome outcome, String checksum, String message) {
    }

    private static volatile ScheduledExecutorService reloader;

    private final Path path;
    private final Clock clock;
    private final Deque<String> audit = new ArrayDeque<>();
    private volatile Routing current;
    private volatile Reload last;
    /** The checksum of the files last read, applied or not: a refused file is not read again until it changes. */
    private String lastRead;

    RoutingFile(Path path, Clock clock) throws RoutingException {
        this.path = path;
        this.clock = clock;
        this.current = Routing.load(path);
        this.lastRead = current.checksum();
        this.last = new Reload(clock.instant(), Outcome.LOADED, current.checksum(),
                current.migrations().size() + " migrations");
        for (MigrationConfig migration : current.migrations()) {
            audit("loaded", migration.id(), "-", migration.phase().fileName(), current.checksum(), null);
        }
    }

    /**
     * The routing file at {@code path}, read on first use and shared from then on. With
     * {@code reloadSeconds > 0}, checked for changes that often on a daemon thread; the interval is
     * that of the first connection that named the file.
     *
     * @throws RoutingException when the file is read for the first time and fails its checks: with no
     *                          routing in force yet there is no last good one to keep
     */
    public static RoutingFile open(Path path, int reloadSeconds) throws RoutingException {
        Path key = path.toAbsolutePath().normalize();
        RoutingFile known = OPEN.get(key);
        if (known != null) {
            return known;
        }
        synchronized (OPEN) {
            known = OPEN.get(key);
            if (known != null) {
                return known;
            }
            RoutingFile file = new RoutingFile(key, Clock.systemUTC());
            if (reloadSeconds > 0) {
                reloader().scheduleWithFixedDelay(file::reloadQuietly, reloadSeconds, reloadSeconds, TimeUnit.SECONDS);
            }
            OPEN.put(key, file);
            return file;
        }
    }

    /** The file or directory read. */
    public Path path() {
        return path;
    }

    /** The routing in force. */
    public Routing current() {
        return current;
    }

    /** The last check of the files. */
    public Reload lastReload() {
        return last;
    }

    /** The last audit lines written, oldest first (at most a hundred). */
    public synchronized List<String> recentAudit() {
        return new ArrayList<>(audit);
    }

    /** Checks the files now: what the reload thread does every interval. */
    public synchronized Reload reload() {
        Instant now = clock.instant();
        String checksum;
        try {
            checksum = RoutingReader.checksum(path);
        } catch (RoutingException e) {
            return refused(now, lastRead, "-", e.getMessage());
        }
        if (checksum.equals(lastRead)) {
            return last = new Reload(now, Outcome.UNCHANGED, checksum, "unchanged");
        }
        lastRead = checksum;
        Routing next;
        try {
            next = Routing.load(path);
        } catch (RoutingException e) {
            return refused(now, checksum, "-", e.getMessage());
        }
        List<RoutingProblem> problems = current.changeProblems(next);
        if (!problems.isEmpty()) {
            return refused(now, next.checksum(), changed(current, next), new RoutingException(problems).getMessage());
        }
        Routing previous = current;
        current = next;
        int changes = 0;
        for (MigrationConfig after : next.migrations()) {
            MigrationConfig before = previous.migration(after.id());
            Phase from = before == null ? Phase.OFF : before.phase();
            if (from != after.phase() || before == null) {
                audit("applied", after.id(), before == null ? "-" : from.fileName(), after.phase().fileName(),
                        next.checksum(), null);
                changes++;
            }
        }
        for (MigrationConfig before : previous.migrations()) {
            if (next.migration(before.id()) == null) {
                audit("applied", before.id(), before.phase().fileName(), "removed", next.checksum(), null);
                changes++;
            }
        }
        LOG.info("tandem: routing {} reloaded, checksum {}, {} phase changes", path, next.checksum(), changes);
        return last = new Reload(now, Outcome.APPLIED, next.checksum(), changes + " phase changes");
    }

    private Reload refused(Instant now, String checksum, String migrations, String problems) {
        if (last.outcome() != Outcome.REFUSED || !checksum.equals(last.checksum())) {
            audit("refused", migrations, "-", "-", checksum, problems);
            LOG.warn("tandem: routing {} not reloaded, the last good routing (checksum {}) stays: {}", path,
                    current.checksum(), problems);
        }
        return last = new Reload(now, Outcome.REFUSED, checksum, problems);
    }

    /** The ids, comma-separated, of the migrations whose phase differs between two routings, or added or removed. */
    private static String changed(Routing before, Routing after) {
        StringBuilder ids = new StringBuilder();
        for (MigrationConfig migration : after.migrations()) {
            MigrationConfig was = before.migration(migration.id());
            if (was == null || was.phase() != migration.phase()) {
                ids.append(ids.length() == 0 ? "" : ",").append(migration.id());
            }
        }
        for (MigrationConfig migration : before.migrations()) {
            if (after.migration(migration.id()) == null) {
                ids.append(ids.length() == 0 ? "" : ",").append(migration.id());
            }
        }
        return ids.length() == 0 ? "-" : ids.toString();
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.error("tandem: checking routing {} failed; the routing in force stays", path, e);
        }
    }

    /** One audit line: {@code time=… result=… migration=… from=… to=… checksum=… [reason="…"]}. */
    private synchronized void audit(String result, String migration, String from, String to, String checksum,
            String reason) {
        String line = "time=" + clock.instant() + " result=" + result + " migration=" + migration + " from=" + from
                + " to=" + to + " checksum=" + checksum + " file=" + path
                + (reason == null ? "" : " reason=\"" + reason.replace('\n', ' ').replace("\"", "'") + "\"");
        if (result.equals("refused")) {
            AUDIT.warn(line);
        } else {
            AUDIT.info(line);
        }
        audit.addLast(line);
        if (audit.size() > AUDIT_KEPT) {
            audit.removeFirst();
        }
    }

    private static ScheduledExecutorService reloader() {
        ScheduledExecutorService known = reloader;
        if (known == null) {
            synchronized (OPEN) {
                known = reloader;
                if (known == null) {
                    known = Executors.newSingleThreadScheduledExecutor(task -> {
                        Thread thread = new Thread(task, "tandem-routing-reload");
                        thread.setDaemon(true);
                        return thread;
                    });
                    reloader = known;
                }
            }
        }
        return known;
    }
}
