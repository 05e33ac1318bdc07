package dev.tandem.routing;

import java.util.Locale;

/** Where a migration stands (DESIGN §4): which table writes reach and which reads may use the target. */
public enum Phase {
    /** Statements run as written; no mirror. */
    OFF,
    /** Writes go to both tables in one transaction; reads of either table are served from the source. */
    DUAL_WRITE,
    /** As {@code DUAL_WRITE}, and a share of reads also runs on the target and is compared. */
    VERIFY,
    /** Writes go to both tables; each read is routed by the migration's read policy. */
    CUTOVER,
    /** Only the target is written and read; statements naming the source are translated. */
    TARGET_ONLY;

    /** The name the routing file uses: {@code dual-write}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The phase the routing file calls {@code name}, or null. */
    public static Phase ofFileName(String name) {
        for (Phase phase : values()) {
            if (phase.fileName().equals(name)) {
                return phase;
            }
        }
        return null;
    }

    /** Whether both tables are written. */
    public boolean mirrors() {
        return this == DUAL_WRITE || this == VERIFY || this == CUTOVER;
    }
}
