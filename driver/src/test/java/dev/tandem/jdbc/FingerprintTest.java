package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tandem.sql.Dialect;

/** Statement fingerprints: equal for equal shapes, 16 hex digits of FNV-1a, and no literal ever in what is hashed. */
class FingerprintTest {

    @Test
    void fingerprint_isFnv1a64OfTheShape_asSixteenHexDigits() {
        // the published FNV-1a 64 test vectors
        assertThat(Fingerprint.fnv1a64(new byte[0])).isEqualTo(0xcbf29ce484222325L);
        assertThat(Fingerprint.fnv1a64("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(Fingerprint.fnv1a64("foobar".getBytes(StandardCharsets.UTF_8))).isEqualTo(0x85944171f73967e8L);

        assertThat(Fingerprint.shape("SELECT 1", null)).isEqualTo("select ?");
        assertThat(Fingerprint.of("SELECT 1")).isEqualTo(String.format("%016x",
                Fingerprint.fnv1a64("select ?".getBytes(StandardCharsets.UTF_8))));
        assertThat(Fingerprint.of("SELECT id FROM users WHERE id = 42"))
                .as("stable across releases: logs from two versions must agree").isEqualTo("43ecf799e5afd9d8")
                .matches("[0-9a-f]{16}");
    }

    @Test
    void statementsDifferingOnlyInLiterals_spaceCaseOrComments_shareAFingerprint() {
        String fingerprint = Fingerprint.of("SELECT * FROM users WHERE id = 42 AND name = 'Ann' AND score > 1.5e3");

        assertThat(Fingerprint.of("select *\n  from users\twhere id=7 and name='Bob' AND score > .5")).isEqualTo(fingerprint);
        assertThat(Fingerprint.of("/* tandem:route=target */ SELECT * FROM users -- why\nWHERE id = ? AND name = ? AND score > -2"))
                .isEqualTo(fingerprint);
        assertThat(Fingerprint.of("SELECT * FROM users WHERE id IN (1, 2, 3)"))
                .isEqualTo(Fingerprint.of("SELECT * FROM users WHERE id IN (?)"))
                .isEqualTo(Fingerprint.of("SELECT * FROM users WHERE id IN ( -4 , 'x')"));
    }

    @Test
    void statementsOfDifferentShape_haveDifferentFingerprints() {
        String fingerprint = Fingerprint.of("SELECT * FROM users WHERE id = 42");

        assertThat(Fingerprint.of("SELECT * FROM users WHERE email = 42")).isNotEqualTo(fingerprint);
        assertThat(Fingerprint.of("SELECT * FROM users_v2 WHERE id = 42")).isNotEqualTo(fingerprint);
        assertThat(Fingerprint.of("SELECT * FROM users WHERE id = 42 - 1")).isNotEqualTo(fingerprint);
        assertThat(Fingerprint.of("SELECT * FROM `Users` WHERE id = 42")).isNotEqualTo(fingerprint);
    }

    @Test
    void doubleQuotes_countAsNames_onlyWhereTheDialectSaysSo() {
        assertThat(Fingerprint.of("SELECT \"a\" FROM t", Dialect.POSTGRESQL))
                .isNotEqualTo(Fingerprint.of("SELECT \"b\" FROM t", Dialect.POSTGRESQL));
        assertThat(Fingerprint.of("SELECT \"a\" FROM t", Dialect.H2)).isNotEqualTo(Fingerprint.of("SELECT \"b\" FROM t", Dialect.H2));
        assertThat(Fingerprint.of("SELECT \"a\" FROM t", Dialect.MARIADB)).isEqualTo(Fingerprint.of("SELECT \"b\" FROM t", Dialect.MARIADB));
        assertThat(Fingerprint.of("SELECT \"a\" FROM t")).isEqualTo(Fingerprint.of("SELECT 'b' FROM t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM users WHERE password = 'S3cr3t'",
        "SELECT * FROM users WHERE password = 'it''s S3cr3t'",
        "SELECT * FROM users WHERE password = E'S3cr3t'",
        "SELECT * FROM users WHERE password = N'S3cr3t' OR token = X'5333637233'",
        "SELECT * FROM users WHERE password = $$S3cr3t$$",
        "SELECT * FROM users WHERE password = $tag$S3cr3t$tag$",
        "SELECT * FROM users WHERE pin = 5333637233 OR pin = -5333637233 OR pin = 0x5333637233 OR pin = 5333637233e-1",
        "SELECT * FROM users WHERE pin = .5333637233",
        // a backslash before a quote: a string's end in PostgreSQL, an escaped quote in MariaDB
        "SELECT * FROM users WHERE a = 'x\\' AND password = 'S3cr3t'",
        "SELECT * FROM users WHERE a = 'it\\'s' AND password = 'S3cr3t' -- '",
        // a comment in MariaDB, an operator in PostgreSQL
        "SELECT * FROM users # it's\nWHERE password = 'S3cr3t'",
        "SELECT * FROM users WHERE a = b--'\n AND password = 'S3cr3t'",
        // nested in PostgreSQL only
        "SELECT /* a /* b */ 'S3cr3t' */ 1",
        "SELECT * FROM users WHERE password = 'S3cr3t",
        "SELECT * FROM users WHERE password = $$S3cr3t",
    })
    void noLiteral_reachesTheShape(String sql) {
        for (Dialect dialect : new Dialect[] {null, Dialect.POSTGRESQL, Dialect.MARIADB, Dialect.H2}) {
            assertThat(Fingerprint.shape(sql, dialect)).as("%s", dialect)
                    .doesNotContainIgnoringCase("S3cr3t")
                    .doesNotContainIgnoringCase("5333637233")
                    .doesNotContainIgnoringCase("3cr3");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM users WHERE password = \"S3cr3t\"",
        "SELECT * FROM users WHERE a = \"x\\\" AND password = \"S3cr3t\"",
        "SELECT * FROM users WHERE a = \"x\"\"y\" AND password = \"S3cr3t\"",
    })
    void doubleQuotedStrings_whereTheyMayBeStrings_neverReachTheShape(String sql) {
        for (Dialect dialect : new Dialect[] {null, Dialect.MARIADB, Dialect.MARIADB_LOWER_CASE_TABLES}) {
            assertThat(Fingerprint.shape(sql, dialect)).as("%s", dialect).doesNotContainIgnoringCase("3cr3");
        }
        assertThat(Fingerprint.shape(sql, Dialect.POSTGRESQL)).as("a name in PostgreSQL").contains("\"S3cr3t\"");
    }

    @Test
    void whereTheDialectsDisagree_theShapeEnds() {
        assertThat(Fingerprint.shape("SELECT a FROM t WHERE b = 'x\\' AND c = 'y'", null)).isEqualTo("select a from t where b = …");
        assertThat(Fingerprint.shape("SELECT a FROM t WHERE b = 'x\\\\' AND c = 'y'", null))
                .as("an escaped backslash ends the string in both readings").isEqualTo("select a from t where b = ? and c = ?");
        assertThat(Fingerprint.shape("SELECT a # b\nFROM t", null)).isEqualTo("select a from t");
        assertThat(Fingerprint.shape("SELECT a # 'b'\nFROM t", Dialect.POSTGRESQL)).isEqualTo("select a …");
        assertThat(Fingerprint.shape("SELECT a --'b'\nFROM t", Dialect.POSTGRESQL)).isEqualTo("select a …");
        assertThat(Fingerprint.shape("SELECT a -- 'b'\nFROM t", Dialect.MARIADB)).isEqualTo("select a from t");
        assertThat(Fingerprint.shape("SELECT /* a /* b */ 1", null)).isEqualTo("select …");
        assertThat(Fingerprint.shape("SELECT /* a */ \"b\" FROM `c`", Dialect.H2)).isEqualTo("select \"b\" from `c`");
    }
}
