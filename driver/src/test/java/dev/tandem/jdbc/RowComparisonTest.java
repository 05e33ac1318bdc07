package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A shadow read compared with its primary on real result sets: equal across compatible types, and told apart without a value. */
class RowComparisonTest {

    private static final String PEOPLE = "SELECT 1 AS id, 'ann' AS name UNION ALL SELECT 2, 'bob' UNION ALL SELECT 3, 'cy'";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void numbersOfDifferentTypes_withTheSameValue_match(TestDatabase database) throws SQLException {
        String integer = "SELECT CAST(5 AS INT) AS v";
        String bigint = database == TestDatabase.MARIADB ? "SELECT CAST(5 AS SIGNED) AS v" : "SELECT CAST(5 AS BIGINT) AS v";
        if (database == TestDatabase.MARIADB) {
            integer = "SELECT CAST(5 AS DECIMAL(10,0)) AS v";
        }
        assertThat(javaType(database, integer)).as("the test compares two Java types").isNotEqualTo(javaType(database, bigint));

        assertThat(compare(database, integer, bigint, true)).isEqualTo(new RowComparison(true, null));
        assertThat(compare(database, integer, "SELECT 6 AS v", true).matches()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void decimalsOfDifferentScale_andAnInteger_withTheSameValue_match(TestDatabase database) throws SQLException {
        String one = "SELECT CAST(5.0 AS DECIMAL(4,1)) AS v";
        String two = "SELECT CAST(5.00 AS DECIMAL(5,2)) AS v";

        assertThat(compare(database, one, two, true).matches()).isTrue();
        assertThat(compare(database, two, "SELECT 5 AS v", true).matches()).isTrue();
        assertThat(compare(database, one, "SELECT CAST(5.01 AS DECIMAL(5,2)) AS v", true).matches()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDouble_equalsTheDecimalItWasWrittenAs_andAFloatTheDoubleItWidensTo(TestDatabase database) throws SQLException {
        String real = database == TestDatabase.MARIADB ? "FLOAT" : "REAL";
        String dbl = database == TestDatabase.MARIADB ? "DOUBLE" : "DOUBLE PRECISION";

        assertThat(compare(database, "SELECT CAST(0.1 AS " + dbl + ") AS v", "SELECT CAST(0.1 AS DECIMAL(3,1)) AS v", true))
                .isEqualTo(new RowComparison(true, null));
        assertThat(compare(database, "SELECT CAST(0.1 AS " + real + ") AS v",
                "SELECT CAST(CAST(0.1 AS " + real + ") AS " + dbl + ") AS v", true).matches()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sameRowsInAnotherOrder_matchUnordered_butNotOrdered(TestDatabase database) throws SQLException {
        String ascending = "SELECT * FROM (" + PEOPLE + ") t ORDER BY id";
        String descending = "SELECT * FROM (" + PEOPLE + ") t ORDER BY id DESC";

        assertThat(compare(database, ascending, descending, false)).isEqualTo(new RowComparison(true, null));
        assertThat(compare(database, ascending, descending, true))
                .isEqualTo(new RowComparison(false, "same rows in a different order, from row 1"));
        assertThat(compare(database, ascending, ascending, true).matches()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anExtraRow_isCounted_withoutItsValues(TestDatabase database) throws SQLException {
        RowComparison extra = compare(database, PEOPLE, PEOPLE + " UNION ALL SELECT 4711, 'zed'", false);

        assertThat(extra.matches()).isFalse();
        assertThat(extra.describe()).isEqualTo("row count 3 vs 4; 1 row only in the target read")
                .doesNotContain("4711").doesNotContain("zed");
        assertThat(compare(database, PEOPLE + " UNION ALL SELECT 3, 'cy'", PEOPLE, false).describe())
                .as("a duplicate counts").isEqualTo("row count 4 vs 3; 1 row only in the source read");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChangedValue_namesItsColumn_butNeverTheValue(TestDatabase database) throws SQLException {
        String source = "SELECT 1 AS id, 'alice' AS name, 987654 AS amount UNION ALL SELECT 2, 'bob', 10";
        String target = "SELECT 1 AS id, 'alicf' AS name, 987655 AS amount UNION ALL SELECT 2, 'bob', 10";

        RowComparison changed = compare(database, source, target, false);

        assertThat(changed.matches()).isFalse();
        assertThat(changed.describe()).isEqualTo("1 row only in the source read, 1 only in the target read; values differ in columns 2, 3");
        assertThat(changed.toString()).doesNotContain("alic").doesNotContain("98765");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void differentColumnCounts_areTheDifference(TestDatabase database) throws SQLException {
        assertThat(compare(database, "SELECT 1 AS a, 2 AS b", "SELECT 1 AS a, 2 AS b, 3 AS c", false))
                .isEqualTo(new RowComparison(false, "column count 2 vs 3"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChangedLabel_isADifference_withoutTheLabel(TestDatabase database) throws SQLException {
        assertThat(compare(database, "SELECT 1 AS a, 2 AS secret_b", "SELECT 1 AS a, 2 AS secret_c", false))
                .isEqualTo(new RowComparison(false, "column 2 label differs"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nulls_equalNulls_butNeitherZeroNorEmpty(TestDatabase database) throws SQLException {
        String bigint = database == TestDatabase.MARIADB ? "SIGNED" : "BIGINT";
        String nullInt = "SELECT CAST(NULL AS INT) AS v";

        assertThat(compare(database, nullInt, "SELECT CAST(NULL AS " + bigint + ") AS v", true).matches()).isTrue();
        assertThat(compare(database, nullInt, "SELECT 0 AS v", true).matches()).isFalse();
        String varchar = database == TestDatabase.MARIADB ? "CHAR(5)" : "VARCHAR(5)";
        assertThat(compare(database, "SELECT CAST(NULL AS " + varchar + ") AS v", "SELECT '' AS v", true).matches()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void bytes_compareByContent(TestDatabase database) throws SQLException {
        String bytes = database == TestDatabase.POSTGRES ? "SELECT CAST('\\x0102' AS BYTEA) AS v" : "SELECT X'0102' AS v";
        String other = bytes.replace("0102", "0103");
        assertThat(javaType(database, bytes)).isEqualTo(byte[].class);

        assertThat(compare(database, bytes, bytes, true).matches()).isTrue();
        assertThat(compare(database, bytes, other, true).matches()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDate_equalsMidnightOfThatDay_andTimestampsCompareByValue(TestDatabase database) throws SQLException {
        String timestamp = database == TestDatabase.MARIADB ? "DATETIME" : "TIMESTAMP";
        String date = "SELECT CAST('2024-01-02' AS DATE) AS v";
        String midnight = "SELECT CAST('2024-01-02 00:00:00' AS " + timestamp + ") AS v";
        String precise = "SELECT CAST('2024-01-02 00:00:00.000' AS " + timestamp + "(3)) AS v";

        assertThat(compare(database, date, midnight, true).matches()).isTrue();
        assertThat(compare(database, midnight, precise, true).matches()).isTrue();
        assertThat(compare(database, midnight, midnight.replace("00:00:00", "00:00:01"), true).matches()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void moreRowsThanTheLimit_areNotCompared_andSaySo(TestDatabase database) throws SQLException {
        RowComparison over = compare(database, PEOPLE, PEOPLE + " UNION ALL SELECT 4, 'dee'", false, 2);

        assertThat(over).isEqualTo(new RowComparison(true, "not compared: more than 2 rows"));
        assertThat(over.compared()).isFalse();
        assertThat(compare(database, PEOPLE, PEOPLE, false, 3).compared()).as("exactly the limit").isTrue();
        assertThat(compare(database, PEOPLE, PEOPLE + " UNION ALL SELECT 4, 'dee'", false, 3).describe())
                .as("the target read over the limit").isEqualTo("not compared: more than 3 rows");
    }

    @Test
    void comparableValues_equalAcrossCompatibleTypes() throws SQLException {
        Object five = RowComparison.comparable(5);
        assertThat(RowComparison.comparable(5L)).isEqualTo(five).hasSameHashCodeAs(five);
        assertThat(RowComparison.comparable((short) 5)).isEqualTo(five);
        assertThat(RowComparison.comparable(BigInteger.valueOf(5))).isEqualTo(five);
        assertThat(RowComparison.comparable(new BigDecimal("5.000"))).isEqualTo(five).hasSameHashCodeAs(five);
        assertThat(RowComparison.comparable(new BigDecimal("500"))).isEqualTo(RowComparison.comparable(500));
        assertThat(RowComparison.comparable(new BigDecimal("0.00"))).isEqualTo(RowComparison.comparable(0));
        assertThat(RowComparison.comparable(5.0d)).isEqualTo(five);
        assertThat(RowComparison.comparable(Double.NaN)).isEqualTo(RowComparison.comparable(Float.NaN));
        assertThat(RowComparison.comparable(new byte[] {1, 2})).isEqualTo(RowComparison.comparable(new byte[] {1, 2}));
        assertThat(RowComparison.comparable(new Integer[] {1, null})).isEqualTo(RowComparison.comparable(new Object[] {1L, null}));
        assertThat(RowComparison.comparable(new int[] {1, 2})).isEqualTo(RowComparison.comparable(new Long[] {1L, 2L}));
        LocalDateTime local = LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6_000);
        assertThat(RowComparison.comparable(Timestamp.valueOf(local))).isEqualTo(RowComparison.comparable(local));
        assertThat(RowComparison.comparable(java.sql.Date.valueOf("2024-01-02")))
                .isEqualTo(RowComparison.comparable(LocalDate.of(2024, 1, 2)))
                .isEqualTo(RowComparison.comparable(LocalDateTime.of(2024, 1, 2, 0, 0)));
        OffsetDateTime utc = OffsetDateTime.of(local, ZoneOffset.UTC);
        assertThat(RowComparison.comparable(utc.withOffsetSameInstant(ZoneOffset.ofHours(2))))
                .isEqualTo(RowComparison.comparable(utc)).isEqualTo(RowComparison.comparable(utc.toInstant()));
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(RowComparison.comparable(uuid)).isEqualTo(RowComparison.comparable(uuid.toString()));

        assertThat(RowComparison.comparable("5")).isNotEqualTo(five);
        assertThat(RowComparison.comparable(true)).isNotEqualTo(RowComparison.comparable(1));
        assertThat(RowComparison.comparable(new BigDecimal("5.01"))).isNotEqualTo(five);
    }

    private static RowComparison compare(TestDatabase database, String source, String target, boolean ordered) throws SQLException {
        return compare(database, source, target, ordered, 1000);
    }

    private static RowComparison compare(TestDatabase database, String source, String target, boolean ordered, int maxRows)
            throws SQLException {
        try (Connection connection = database.raw();
                Statement first = connection.createStatement();
                Statement second = connection.createStatement();
                ResultSet primary = first.executeQuery(source);
                ResultSet shadow = second.executeQuery(target)) {
            return RowComparison.compare(primary, shadow, ordered, maxRows);
        }
    }

    private static Class<?> javaType(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.raw();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getObject(1).getClass();
        }
    }
}
