package dev.tandem.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Writes naming the source, translated to change the target (phase target-only): the table, its
 * columns, the values given to them, and where each parameter of the result comes from. The mapping
 * renames name to full_name, leaves legacy_flag in the source only, and computes status_code from status.
 */
class WriteRewriteTest {

    private final SqlRewriter rewriter = new SqlRewriter(List.of(ReadRewriteTest.USERS), ReadRewriteTest.CATALOG);

    private WriteRewrite translate(String sql, Dialect dialect) {
        return rewriter.verdict(sql, dialect, null).writeToTarget();
    }

    @Test
    void insert_renamesItsColumns_dropsSourceOnlyValues_andComputesTheOthers() {
        WriteRewrite write = translate("INSERT INTO users (id, name, legacy_flag, status) VALUES (?, ?, ?, ?)",
                Dialect.POSTGRESQL);
        assertThat(write.reason()).isNull();
        assertThat(write.sql()).isEqualTo("INSERT INTO users_v2 (id, full_name, status_code) VALUES"
                + " (?, ?, (CAST((?) AS VARCHAR(8))))");
        assertThat(write.parameters()).containsExactly(1, 2, 4);
    }

    @Test
    void insert_ofSeveralRows_reshapesEachRow() {
        WriteRewrite write = translate("INSERT INTO users (id, legacy_flag, name) VALUES (1, ?, 'a'), (2, ?, ?)",
                Dialect.MARIADB);
        assertThat(write.sql()).isEqualTo("INSERT INTO users_v2 (id, full_name) VALUES (1, 'a'), (2, ?)");
        assertThat(write.parameters()).containsExactly(3);
    }

    @Test
    void insert_withOnlyRenames_keepsItsParametersInPlace() {
        WriteRewrite write = translate("INSERT INTO users (id, name) VALUES (?, ?)", Dialect.H2);
        assertThat(write.sql()).isEqualTo("INSERT INTO users_v2 (id, full_name) VALUES (?, ?)");
        assertThat(write.parameters()).isNull();
    }

    @Test
    void insert_withoutAColumnList_getsTheSourceColumnsFromTheCatalog() {
        WriteRewrite write = translate("INSERT INTO users VALUES (1, 'a', 'a@x', 3, true)", Dialect.POSTGRESQL);
        assertThat(write.sql()).isEqualTo("INSERT INTO users_v2 (id, full_name, email, status_code) VALUES"
                + " (1, 'a', 'a@x', (CAST((3) AS VARCHAR(8))))");
    }

    @Test
    void insertSelect_reshapesTheSelectList_andTranslatesWhatItReads() {
        WriteRewrite write = translate("INSERT INTO users (id, name, status) SELECT u.id + 1000, u.name AS n, ?"
                + " FROM users u WHERE u.status = ?", Dialect.POSTGRESQL);
        assertThat(write.sql()).isEqualTo("INSERT INTO users_v2 (id, full_name, status_code) SELECT u.id + 1000,"
                + " u.full_name, (CAST((?) AS VARCHAR(8))) FROM users_v2 u WHERE (CAST(u.status_code AS INT)) = ?");
        assertThat(write.parameters()).isNull();
    }

    @Test
    void insertSelect_mayReadASourceOnlyColumn_forTheColumnItDrops() {
        WriteRewrite write = translate("INSERT INTO users (id, legacy_flag, name) SELECT id + 1, legacy_flag, name"
                + " FROM users WHERE id = ?", Dialect.H2);
        assertThat(write.sql()).isEqualTo("INSERT INTO users_v2 (id, full_name) SELECT id + 1, full_name"
                + " FROM users_v2 users WHERE id = ?");
        assertThat(translate("INSERT INTO users (id, name) SELECT id + 1, legacy_flag FROM users", Dialect.H2).reason())
                .as("read for a column that is kept").contains("legacy_flag");
    }

    @Test
    void insert_refusesAComputedColumnWhoseInputIsMissing_andSelectStar() {
        Migration fullName = new Migration("people", TableName.parse("users"), TableName.parse("users_v2"),
                List.of("id"), List.of(new ColumnMapping.Computed("name", "full_name", "name || ' ' || email",
                        "full_name")));
        SqlRewriter people = new SqlRewriter(List.of(fullName), ReadRewriteTest.CATALOG);
        WriteRewrite missing = people.verdict("INSERT INTO users (id, name) VALUES (1, 'a')", Dialect.H2, null)
                .writeToTarget();
        assertThat(missing.reason()).contains("full_name is computed from email, which the INSERT does not give");
        WriteRewrite star = translate("INSERT INTO users SELECT * FROM staging", Dialect.H2);
        assertThat(star.reason()).contains("insert from a SELECT that names its columns");
    }

    @Test
    void update_setsTheTargetColumns_andComputesFromTheRowItLeaves() {
        WriteRewrite write = translate("UPDATE users SET legacy_flag = ?, name = ?, status = status + ? WHERE users.id = ?"
                + " AND email = ?", Dialect.POSTGRESQL);
        assertThat(write.sql()).isEqualTo("UPDATE users_v2 SET full_name = ?, status_code = (CAST(((CAST(users_v2"
                + ".status_code AS INT)) + ?) AS VARCHAR(8))) WHERE users_v2.id = ? AND email = ?");
        assertThat(write.parameters()).containsExactly(2, 3, 4, 5);
    }

    @Test
    void update_withAnAlias_keepsIt() {
        WriteRewrite write = translate("UPDATE users u SET name = ? WHERE u.name = ?", Dialect.H2);
        assertThat(write.sql()).isEqualTo("UPDATE users_v2 u SET full_name = ? WHERE u.full_name = ?");
        assertThat(write.parameters()).isNull();
    }

    @Test
    void update_ofOnlySourceOnlyColumns_stillFindsAndCountsItsRows() {
        WriteRewrite write = translate("UPDATE users SET legacy_flag = ? WHERE id = ?", Dialect.MARIADB);
        assertThat(write.sql()).isEqualTo("UPDATE users_v2 SET id = id WHERE id = ?");
        assertThat(write.parameters()).containsExactly(2);
    }

    @Test
    void update_refusesAConditionOnASourceOnlyColumn() {
        assertThat(translate("UPDATE users SET name = ? WHERE legacy_flag = ?", Dialect.H2).reason())
                .contains("legacy_flag");
    }

    @Test
    void delete_translatesItsTableAndCondition() {
        WriteRewrite write = translate("DELETE FROM users WHERE name = ? AND id IN (SELECT user_id FROM orders)",
                Dialect.MARIADB);
        assertThat(write.sql()).isEqualTo("DELETE FROM users_v2 WHERE full_name = ? AND id IN (SELECT user_id FROM orders)");
    }

    @Test
    void returning_isTranslatedColumnByColumn_keepingLabels() {
        WriteRewrite write = translate("INSERT INTO users (id, name) VALUES (?, ?) RETURNING id, name, status AS s",
                Dialect.POSTGRESQL);
        assertThat(write.sql()).isEqualTo("INSERT INTO users_v2 (id, full_name) VALUES (?, ?) RETURNING id,"
                + " full_name AS name, (CAST(users_v2.status_code AS INT)) AS s");
        assertThat(translate("DELETE FROM users RETURNING *", Dialect.POSTGRESQL).reason()).contains("not a column");
    }

    @Test
    void upsertsAndOrderedDeletes_namingChangedColumns_areRefused() {
        assertThat(translate("INSERT INTO users (id) VALUES (1) ON CONFLICT (id) DO NOTHING", Dialect.POSTGRESQL)
                .reason()).contains("upsert");
        assertThat(translate("DELETE FROM users WHERE id > 1 ORDER BY name LIMIT 2", Dialect.MARIADB).reason())
                .contains("name");
        assertThat(translate("DELETE FROM users WHERE id > 1 ORDER BY id LIMIT 2", Dialect.MARIADB).sql())
                .isEqualTo("DELETE FROM users_v2 WHERE id > 1 ORDER BY id LIMIT 2");
    }
}
