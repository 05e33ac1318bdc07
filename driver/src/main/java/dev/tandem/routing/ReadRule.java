package dev.tandem.routing;

import dev.tandem.sql.Side;

/**
 * The rule that sends a read of one migration's tables to the side it is served from (DESIGN §4), and
 * that side: what the driver decides with and what {@code tandem explain} shows. Constants, so that a
 * decision costs no allocation.
 */
public enum ReadRule {
    /** Phases {@code dual-write} and {@code verify} read the source. */
    PHASE_SOURCE(Side.SOURCE, "phase"),
    /** Phase {@code target-only} reads the target, whatever a hint says. */
    PHASE_TARGET(Side.TARGET, "phase"),
    /** A locking read ({@code FOR UPDATE}, …) stays on the source before {@code target-only}. */
    LOCKING(Side.SOURCE, "locking"),
    /** The statement's {@code /* tandem:route=source * /} comment. */
    HINT_SOURCE(Side.SOURCE, "hint"),
    /** The statement's {@code /* tandem:route=target * /} comment. */
    HINT_TARGET(Side.TARGET, "hint"),
    /** {@code reads.consumers} names the consumer, with the source. */
    CONSUMER_SOURCE(Side.SOURCE, "consumer"),
    /** {@code reads.consumers} names the consumer, with the target. */
    CONSUMER_TARGET(Side.TARGET, "consumer"),
    /** The consumer declares {@code reads.schemaVersion} or later. */
    SCHEMA_VERSION(Side.TARGET, "schemaVersion"),
    /** The cohort is among {@code reads.percent} of cohorts, or the percent is 100. */
    PERCENT(Side.TARGET, "percent"),
    /** No rule of {@code reads} matched: the source. */
    DEFAULT(Side.SOURCE, "default");

    private final Side side;
    private final String rule;

    ReadRule(Side side, String rule) {
        this.side = side;
        this.rule = rule;
    }

    /** The side the read is served from. */
    public Side side() {
        return side;
    }

    /** The rule's name as the routing file and the design call it: {@code consumer}, {@code percent}, … */
    public String rule() {
        return rule;
    }
}
