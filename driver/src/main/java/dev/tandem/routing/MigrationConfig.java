package dev.tandem.routing;

import java.util.Objects;

import dev.tandem.sql.Migration;

/**
 * One migration of the routing file, checked.
 *
 * @param migration  the tables, key and column mapping the rewriter works with
 * @param owner      the team that owns it, or null
 * @param phase      where it stands
 * @param reads      who reads the target in phase {@code cutover}
 * @param sampleRate the share of reads, 0 to 1, also run on the target in phase {@code verify}
 * @param force      whether a reload may skip a phase step or leave {@code target-only}
 * @param file       the file it was read from
 * @param line       the line of its id in that file, from 1
 */
public record MigrationConfig(Migration migration, String owner, Phase phase, ReadPolicy reads, double sampleRate,
        boolean force, String file, int line) {

    public MigrationConfig {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(reads, "reads");
    }

    public String id() {
        return migration.id();
    }
}
