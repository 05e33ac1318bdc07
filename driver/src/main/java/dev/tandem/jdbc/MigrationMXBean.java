package dev.tandem.jdbc;

/**
 * One migration as JMX shows it, under {@code dev.tandem:type=Migration,routing=<file>,id=<id>}:
 * where it stands and what Tandem did for it since the JVM started, summed over every database the
 * routing file is used with.
 */
public interface MigrationMXBean {

    /** The migration's id. */
    String getId();

    /** The team that owns it, or null. */
    String getOwner();

    /** Its phase in the routing in force ({@code removed} when the file no longer has it). */
    String getPhase();

    /** The routing file or directory. */
    String getRoutingFile();

    /**
     * The live-schema check per database: {@code ok}, or why the migration is not applied there
     * (treated as {@code off}); empty until a connection has used it.
     */
    String getSchemaCheck();

    /** Reads naming either table that were served from the source. */
    long getReadsFromSource();

    /** Reads naming either table that were served from the target. */
    long getReadsFromTarget();

    /** Writes applied to both tables. */
    long getMirroredWrites();

    /** Writes naming the source, in phase {@code target-only}, translated to change the target. */
    long getTranslatedWrites();

    /** Statements refused because they could not be routed or mirrored exactly. */
    long getRefusedStatements();

    /** Reads in phase {@code verify} that were also run on the target and compared. */
    long getShadowReads();

    /** Shadow reads whose rows differed from the source's (after one re-check). */
    long getShadowMismatches();

    /** Shadow reads that failed on the target, or could not be compared. */
    long getShadowFailures();

    /** Statement verdicts found in the rewriter's cache. */
    long getRewriteCacheHits();

    /** Statement verdicts that had to be computed (a parse). */
    long getRewriteCacheMisses();

    /** When the routing file was last checked, ISO-8601. */
    String getLastReload();

    /** What came of that check: loaded, unchanged, applied, or refused with the problems. */
    String getLastReloadResult();
}
