package dev.tandem.routing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A checked routing: every migration of a routing file, or of a directory of them merged, and a
 * checksum of the text it was read from. Immutable; a reload makes a new one.
 *
 * @param migrations every migration, in file order (files by name)
 * @param checksum   SHA-256 of the files' names and contents, in hex
 */
public record Routing(List<MigrationConfig> migrations, String checksum) {

    /** No migration: every statement passes through. */
    public static final Routing EMPTY = new Routing(List.of(), "");

    public Routing {
        migrations = List.copyOf(migrations);
    }

    /** Reads and checks the routing file, or every {@code *.yaml} and {@code *.yml} file of a directory. */
    public static Routing load(Path path) throws RoutingException {
        return new RoutingReader().read(path);
    }

    /** The migration called {@code id}, or null. */
    public MigrationConfig migration(String id) {
        for (MigrationConfig migration : migrations) {
            if (migration.id().equals(id)) {
                return migration;
            }
        }
        return null;
    }

    /**
     * What forbids replacing this routing, in force now, with {@code next} (DESIGN §4): a phase that
     * moves more than one step, a migration leaving {@code target-only}, {@code cutover -> target-only}
     * while the cutover policy still sends some reads to the source, or a migration removed while
     * it still mirrors or routes. A migration with {@code force: true} in {@code next} may do any of
     * these. Empty when the change may be applied.
     */
    public List<RoutingProblem> changeProblems(Routing next) {
        List<RoutingProblem> problems = new ArrayList<>();
        for (MigrationConfig after : next.migrations) {
            MigrationConfig before = migration(after.id());
            Phase from = before == null ? Phase.OFF : before.phase();
            Phase to = after.phase();
            if (from == to || after.force()) {
                continue;
            }
            String change = "migration " + after.id() + " cannot go from " + from.fileName() + " to " + to.fileName();
            if (from == Phase.TARGET_ONLY) {
                problems.add(new RoutingProblem(after.file(), after.line(), change + ": leaving target-only"
                        + " would read a source that has not been written since; set force: true if that is meant"));
            } else if (Math.abs(to.ordinal() - from.ordinal()) > 1) {
                problems.add(new RoutingProblem(after.file(), after.line(), change + ": a phase moves one step at"
                        + " a time (off, dual-write, verify, cutover, target-only), or set force: true"));
            } else if (to == Phase.TARGET_ONLY && !before.reads().everyReadOnTarget()) {
                problems.add(new RoutingProblem(after.file(), after.line(), change + ": instances still in cutover"
                        + " send some reads to the source, which target-only stops writing; first apply a cutover"
                        + " policy with percent: 100 and no consumer reading the source"));
            }
        }
        for (MigrationConfig before : migrations) {
            if (next.migration(before.id()) == null && before.phase() != Phase.OFF) {
                problems.add(new RoutingProblem(before.file(), before.line(), "migration " + before.id()
                        + " was removed while in phase " + before.phase().fileName() + "; move it to off first"));
            }
        }
        return problems;
    }
}
