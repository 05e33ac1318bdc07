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

    /**
     * The side a read is served from in phase {@code cutover}, after the statement's own hint: the
     * consumer's rule, then the declared schema version, then the cohort's bucket, else the source.
     *
     * @param migrationId   the migration, whose id seeds the cohort's bucket
     * @param consumer      the consumer name, or null
     * @param schemaVersion the consumer's declared schema version, or null
     * @param cohort        the request's cohort, or null: then only {@code percent: 100} sends the read to the target
     */
    public Side route(String migrationId, String consumer, Integer schemaVersion, String cohort) {
        return rule(migrationId, consumer, schemaVersion, cohort).side();
    }

    /**
     * The rule that matches a read in phase {@code cutover}, after the statement's own hint, with the side it
     * gives: {@link ReadRule#CONSUMER_SOURCE}, {@link ReadRule#CONSUMER_TARGET}, {@link ReadRule#SCHEMA_VERSION},
     * {@link ReadRule#PERCENT} or {@link ReadRule#DEFAULT}. Parameters as for {@link #route}.
     */
    public ReadRule rule(String migrationId, String consumer, Integer schemaVersion, String cohort) {
        Side byConsumer = consumer == null ? null : consumers.get(consumer);
        if (byConsumer != null) {
            return byConsumer == Side.TARGET ? ReadRule.CONSUMER_TARGET : ReadRule.CONSUMER_SOURCE;
        }
        if (this.schemaVersion != null && schemaVersion != null && schemaVersion >= this.schemaVersion) {
            return ReadRule.SCHEMA_VERSION;
        }
        if (percent == 100 || cohort != null && Cohorts.inPercent(migrationId, cohort, percent)) {
            return ReadRule.PERCENT;
        }
        return ReadRule.DEFAULT;
    }

    /** Whether no read can reach the source any more: what {@code cutover -> target-only} requires. */
    public boolean everyReadOnTarget() {
        return percent == 100 && !consumers.containsValue(Side.SOURCE);
    }
}
