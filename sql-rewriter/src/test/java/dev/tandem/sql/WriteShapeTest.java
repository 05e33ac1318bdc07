package dev.tandem.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tandem.sql.WriteShape.Upsert;
import dev.tandem.sql.WriteShape.Verb;

/** What the rewriter tells the driver about a write it is to mirror: table, verb, upsert, clauses, capture text. */
class WriteShapeTest {

    private final SqlRewriter rewriter = new SqlRewriter(List.of(ReadRewriteTest.USERS), ReadRewriteTest.CATALOG);

    private WriteShape write(String sql, Dialect dialect) {
        return rewriter.verdict(sql, dialect, null).write();
    }

    @Test
    void insert_namesTheTableItChanges_andWhereItsTextEnds() {
        String sql = "INSERT INTO users_v2 (id, full_name) VALUES (?, ?);  -- new user\n";
        WriteShape shape = write(sql, Dialect.POSTGRESQL);
        assertThat(shape.ok()).isTrue();
        assertThat(shape.migration()).isEqualTo(ReadRewriteTest.USERS);
        assertThat(shape.side()).isEqualTo(Side.TARGET);
        assertThat(shape.verb()).isEqualTo(Verb.INSERT);
        assertThat(shape.upsert()).isEqualTo(Upsert.NONE);
        assertThat(sql.substring(0, shape.end())).isEqualTo("INSERT INTO users_v2 (id, full_name) VALUES (?, ?)");
        assertThat(shape.captureFrom()).isNull();
    }

    @Test
    void update_givesTheTextThatSelectsTheRowsItChanges_withItsParameters() {
        String sql = "UPDATE users u SET name = ?, email = (SELECT ? FROM orders WHERE total > 0) WHERE u.status = ?"
                + " AND id IN (SELECT user_id FROM orders WHERE total > ?) ORDER BY id LIMIT 5";
        WriteShape shape = write(sql, Dialect.MARIADB);
        assertThat(shape.verb()).isEqualTo(Verb.UPDATE);
        assertThat(shape.captureFrom()).isEqualTo("FROM users u WHERE u.status = ? AND id IN (SELECT user_id FROM orders"
                + " WHERE total > ?) ");
        assertThat(shape.captureQualifier()).isEqualTo("u");
        assertThat(shape.captureParameters()).containsExactly(3, 4);
    }

    @Test
    void deleteWithoutWhere_selectsTheWholeTable() {
        WriteShape shape = write("DELETE FROM users", Dialect.H2);
        assertThat(shape.verb()).isEqualTo(Verb.DELETE);
        assertThat(shape.captureFrom()).isEqualTo("FROM users");
        assertThat(shape.captureQualifier()).isEqualTo("users");
    }

    @Test
    void upserts_areTold_apart() {
        assertThat(write("INSERT INTO users (id) VALUES (1) ON CONFLICT (id) DO NOTHING", Dialect.POSTGRESQL).upsert())
                .isEqualTo(Upsert.ON_CONFLICT);
        assertThat(write("INSERT INTO users (id) VALUES (1) ON DUPLICATE KEY UPDATE name = 'x'", Dialect.MARIADB).upsert())
                .isEqualTo(Upsert.ON_DUPLICATE_KEY);
        assertThat(write("INSERT IGNORE INTO users (id) VALUES (1)", Dialect.MARIADB).upsert()).isEqualTo(Upsert.IGNORE);
        assertThat(write("REPLACE INTO users (id) VALUES (1)", Dialect.MARIADB).upsert()).isEqualTo(Upsert.REPLACE);
        WriteShape merge = write("MERGE INTO users (id, name) KEY (id) VALUES (1, 'ann')", Dialect.H2);
        assertThat(merge.upsert()).isEqualTo(Upsert.MERGE_KEY);
        assertThat(merge.side()).isEqualTo(Side.SOURCE);
    }

    @Test
    void h2MergeKey_namesItsTables_whereTheStatementHasThem() {
        String sql = "MERGE INTO users_v2 (id, full_name) KEY (id) SELECT id, name FROM users";
        List<String> named = rewriter.analyze(sql, Dialect.H2, null).references().stream()
                .map(r -> r.side() + ":" + sql.substring(r.start(), r.end())).toList();
        assertThat(named).containsExactly("TARGET:users_v2", "SOURCE:users");
    }

    @Test
    void returning_isKept_andWhetherItGivesTheKey() {
        WriteShape star = write("DELETE FROM users WHERE id = 1 RETURNING *", Dialect.POSTGRESQL);
        assertThat(star.returning()).isEqualTo("RETURNING *");
        assertThat(star.returningGivesKey()).isTrue();
        assertThat(write("DELETE FROM users WHERE id = 1 RETURNING name", Dialect.POSTGRESQL).returningGivesKey()).isFalse();
        assertThat(write("INSERT INTO users (id) VALUES (1) RETURNING \"id\", name", Dialect.POSTGRESQL)
                .returningGivesKey()).isTrue();
    }

    @Test
    void aWriteThatChangesTheKey_isRefused() {
        assertThat(write("UPDATE users SET id = id + 1", Dialect.POSTGRESQL).reason()).contains("key column id");
        assertThat(write("INSERT INTO users (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = 2", Dialect.POSTGRESQL)
                .reason()).contains("may change the key");
        assertThat(write("INSERT INTO users (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET name = 'x'", Dialect.POSTGRESQL)
                .ok()).isTrue();
    }

    @Test
    void severalStatements_standardMerge_andUnparsableWrites_areRefused() {
        assertThat(write("DELETE FROM users; DELETE FROM orders", Dialect.POSTGRESQL).reason()).contains("several statements");
        assertThat(write("MERGE INTO users u USING orders o ON (u.id = o.user_id) WHEN MATCHED THEN UPDATE SET name = 'x'",
                Dialect.H2).reason()).contains("MERGE … USING");
        assertThat(write("UPDATE users SET name = 'x' FROM orders WHERE orders.user_id = users.id", Dialect.POSTGRESQL)
                .ok()).isFalse();
    }

    @Test
    void aWriteToAnotherTable_needsNoMirror() {
        WriteShape shape = write("INSERT INTO orders (order_id, user_id) SELECT id, id FROM users", Dialect.POSTGRESQL);
        assertThat(shape.ok()).isTrue();
        assertThat(shape.migration()).isNull();
    }
}
