package dev.tandem.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tandem.sql.Side;

/** The cutover read policy's rules, their order, and the percentage's buckets. */
class ReadPolicyTest {

    private static final ReadPolicy POLICY = new ReadPolicy(Map.of("reporting", Side.SOURCE, "checkout", Side.TARGET),
            2, 25);

    @Test
    void theConsumerRule_comesBeforeVersionAndPercent() {
        assertThat(POLICY.route("users-v2", "reporting", 9, "any")).isEqualTo(Side.SOURCE);
        assertThat(POLICY.route("users-v2", "checkout", null, null)).isEqualTo(Side.TARGET);
    }

    @Test
    void aDeclaredVersion_atOrAboveTheRule_readsTheTarget_beforeThePercent() {
        assertThat(POLICY.route("users-v2", "billing", 2, null)).isEqualTo(Side.TARGET);
        assertThat(POLICY.route("users-v2", "billing", 3, null)).isEqualTo(Side.TARGET);
        String outside = cohortWithBucketAtLeast("users-v2", 2_500);
        assertThat(POLICY.route("users-v2", "billing", 1, outside)).isEqualTo(Side.SOURCE);
        assertThat(POLICY.route("users-v2", "billing", 2, outside)).isEqualTo(Side.TARGET);
    }

    @Test
    void thePercent_placesCohortsByTheirBucket_andNoCohortReadsTheSource() {
        String inside = cohortWithBucketBelow("users-v2", 2_500);
        String outside = cohortWithBucketAtLeast("users-v2", 2_500);
        assertThat(POLICY.route("users-v2", null, null, inside)).isEqualTo(Side.TARGET);
        assertThat(POLICY.route("users-v2", null, null, outside)).isEqualTo(Side.SOURCE);
        assertThat(POLICY.route("users-v2", null, null, null)).isEqualTo(Side.SOURCE);
    }

    @Test
    void rule_namesTheRuleThatMatched_withTheSideItGives() {
        String inside = cohortWithBucketBelow("users-v2", 2_500);
        String outside = cohortWithBucketAtLeast("users-v2", 2_500);
        assertThat(POLICY.rule("users-v2", "reporting", 9, inside)).isEqualTo(ReadRule.CONSUMER_SOURCE);
        assertThat(POLICY.rule("users-v2", "checkout", null, null)).isEqualTo(ReadRule.CONSUMER_TARGET);
        assertThat(POLICY.rule("users-v2", "billing", 2, outside)).isEqualTo(ReadRule.SCHEMA_VERSION);
        assertThat(POLICY.rule("users-v2", "billing", 1, inside)).isEqualTo(ReadRule.PERCENT);
        assertThat(POLICY.rule("users-v2", "billing", 1, outside)).isEqualTo(ReadRule.DEFAULT);
        assertThat(ReadRule.PERCENT.side()).isEqualTo(Side.TARGET);
        assertThat(ReadRule.DEFAULT.side()).isEqualTo(Side.SOURCE);
        assertThat(ReadRule.SCHEMA_VERSION.rule()).isEqualTo("schemaVersion");
    }

    @Test
    void atOneHundredPercent_everyRead_includingThoseWithoutCohort_readsTheTarget() {
        ReadPolicy all = new ReadPolicy(Map.of(), null, 100);
        assertThat(all.route("users-v2", null, null, null)).isEqualTo(Side.TARGET);
        assertThat(all.everyReadOnTarget()).isTrue();
        assertThat(new ReadPolicy(Map.of("reporting", Side.SOURCE), null, 100).everyReadOnTarget()).isFalse();
        assertThat(ReadPolicy.SOURCE.route("users-v2", "x", 5, "user-1")).isEqualTo(Side.SOURCE);
    }

    @Test
    void acrossOneHundredThousandCohorts_thePercentLandsWithinOnePoint_andRaisingItOnlyAddsCohorts() {
        int cohorts = 100_000;
        int[] buckets = new int[cohorts];
        for (int i = 0; i < cohorts; i++) {
            buckets[i] = Cohorts.bucket("users-v2", "user-" + i);
        }
        for (int percent = 0; percent <= 100; percent += 5) {
            int in = 0;
            for (int i = 0; i < cohorts; i++) {
                boolean reads = Cohorts.inPercent("users-v2", "user-" + i, percent);
                if (reads) {
                    in++;
                    // monotonic: in at this percent means in at every higher one
                    assertThat(Cohorts.inPercent("users-v2", "user-" + i, Math.min(100, percent + 5))).isTrue();
                }
                assertThat(reads).isEqualTo(buckets[i] < percent * 100);
            }
            assertThat(in * 100.0 / cohorts).as("share at %d%%", percent).isBetween(percent - 1.0, percent + 1.0);
        }
    }

    @Test
    void theBucket_isStable_andDependsOnTheMigration() {
        // Fixed values: every process, every restart and every version of Tandem must agree.
        assertThat(Cohorts.bucket("users-v2", "user-42")).isEqualTo(Cohorts.bucket("users-v2", "user-42"));
        int same = 0;
        for (int i = 0; i < 1_000; i++) {
            same += Cohorts.bucket("users-v2", "c" + i) == Cohorts.bucket("orders-v3", "c" + i) ? 1 : 0;
        }
        assertThat(same).isLessThan(10);
    }

    private static String cohortWithBucketBelow(String id, int bucket) {
        for (int i = 0; ; i++) {
            if (Cohorts.bucket(id, "user-" + i) < bucket) {
                return "user-" + i;
            }
        }
    }

    private static String cohortWithBucketAtLeast(String id, int bucket) {
        for (int i = 0; ; i++) {
            if (Cohorts.bucket(id, "user-" + i) >= bucket) {
                return "user-" + i;
            }
        }
    }
}
