package dev.tandem.routing;

import java.util.Map;

import dev.tandem.sql.Side;

/**
 * Who reads the target in phase {@code cutover} (DESIGN §3-4): the first rule that matches a read
 * decides, after a statement's own hint. A migration without a {@code reads} block sends every read
 * to the source.
 *
 * @param consumers     per consumer name, the side its reads are served from
 * @param schemaVersion consumers declaring this schema version or a later one read the target; null: no rule
 * @param percent       the share of the remaining cohorts, 0 to 100, that read the target; 0 when absent
 */
public record ReadPolicy(Map<String, Side> consumers, Integer schemaVersion, int percent) {

    /** Every read from the source. */
    public static final ReadPolicy SOURCE = new ReadPolicy(Map.of(), null, 0);

    public ReadPolicy {
        consumers = Map.copyOf(consumers);
    }

    /** Whether no read can reach the source any more: what {@code cutover -> target-only} requires. */
    public boolean everyReadOnTarget() {
        return percent == 100 && !consumers.containsValue(Side.SOURCE);
    }
}
