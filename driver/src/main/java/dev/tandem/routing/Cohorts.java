package dev.tandem.routing;

import java.nio.charset.StandardCharsets;

/**
 * The percentage rollout's buckets: a cohort's bucket for a migration is FNV-1a 64 over the UTF-8
 * bytes of the migration id, a NUL byte and the cohort, mixed by MurmurHash3's {@code fmix64}
 * finaliser, taken unsigned modulo 10,000. A cohort reads the target when its bucket is below
 * {@code percent × 100}, so every process and every restart agrees, raising the percent only ever
 * adds cohorts, and each migration draws its own cohorts (the id is hashed too).
 */
public final class Cohorts {

    /** Buckets per migration: a hundredth of a percent each. */
    public static final int BUCKETS = 10_000;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Cohorts() {
    }

    /** The bucket, 0 to 9,999, of {@code cohort} in migration {@code migrationId}. */
    public static int bucket(String migrationId, String cohort) {
        long hash = FNV_OFFSET;
        hash = fnv(hash, migrationId.getBytes(StandardCharsets.UTF_8));
        hash *= FNV_PRIME; // the NUL byte between them: hash ^ 0 is hash
        hash = fnv(hash, cohort.getBytes(StandardCharsets.UTF_8));
        return (int) Long.remainderUnsigned(fmix64(hash), BUCKETS);
    }

    /** Whether {@code cohort} is among the {@code percent} of cohorts of {@code migrationId} that read the target. */
    public static boolean inPercent(String migrationId, String cohort, int percent) {
        return percent >= 100 || percent > 0 && bucket(migrationId, cohort) < percent * (BUCKETS / 100);
    }

    private static long fnv(long hash, byte[] bytes) {
        for (byte b : bytes) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        return hash;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
