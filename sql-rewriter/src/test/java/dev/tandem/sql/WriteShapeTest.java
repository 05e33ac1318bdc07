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
    }

    @Test
    void postgresUpdateFrom_andDeleteUsing_nameTheirWrittenTable_andTheirList() {
        String update = "UPDATE users AS u SET name = o.state, email = ? FROM orders o JOIN user_roles r USING (user_id)"
                + " WHERE o.user_id = u.id AND o.total > ? RETURNING u.id, o.total";
        WriteShape shape = write(update, Dialect.POSTGRESQL);
        assertThat(shape.ok()).as(shape.reason()).isTrue();
        assertThat(shape.migration()).isEqualTo(ReadRewriteTest.USERS);
        assertThat(shape.verb()).isEqualTo(Verb.UPDATE);
        assertThat(shape.fromList()).isEqualTo("FROM orders o JOIN user_roles r USING (user_id)");
        assertThat(shape.captureQualifier()).isEqualTo("u");
        assertThat(shape.captureFrom()).isNull();
        assertThat(shape.returning()).isEqualTo("RETURNING u.id, o.total");
        WriteShape delete = write("DELETE FROM users_v2 USING orders WHERE orders.user_id = users_v2.id -- gone\n",
                Dialect.POSTGRESQL);
        assertThat(delete.ok()).as(delete.reason()).isTrue();
        assertThat(delete.side()).isEqualTo(Side.TARGET);
        assertThat(delete.verb()).isEqualTo(Verb.DELETE);
        assertThat(delete.fromList()).isEqualTo("USING orders");
        assertThat(delete.captureQualifier()).isEqualTo("users_v2");
        // a list naming no migrated table on an unmigrated table, and IS DISTINCT FROM, which is no list
        assertThat(write("UPDATE orders SET state = 'x' FROM user_roles WHERE user_roles.user_id = orders.user_id",
                Dialect.POSTGRESQL).migration()).isNull();
        WriteShape distinct = write("UPDATE users SET name = 'x' WHERE name IS DISTINCT FROM 'y'", Dialect.POSTGRESQL);
        assertThat(distinct.fromList()).isNull();
        assertThat(distinct.captureFrom()).isEqualTo("FROM users WHERE name IS DISTINCT FROM 'y'");
    }

    @Test
    void theAnalysisOfUpdateFrom_andDeleteUsing_findsEveryMigratedTableOfTheList() {
        String sql = "UPDATE orders SET state = 'x' FROM users u, (SELECT id FROM users_v2 WHERE status_code = $$1$$) v"
                + " WHERE u.id = orders.user_id AND v.id = u.id";
        Analysis analysis = rewriter.analyze(sql, Dialect.POSTGRESQL, null);
        assertThat(analysis.analysed()).as(analysis.reason()).isTrue();
        assertThat(analysis.references().stream().map(r -> r.side() + ":" + sql.substring(r.start(), r.end())))
                .containsExactly("SOURCE:users", "TARGET:users_v2");
        String delete = "DELETE FROM users USING users AS other\n  WHERE other.email = users.email AND other.id < users.id";
        assertThat(rewriter.analyze(delete, Dialect.POSTGRESQL, null).references().stream()
                .map(r -> sql(delete, r))).containsExactly("users", "users");
        assertThat(write(delete, Dialect.POSTGRESQL).ok()).isTrue();
    }

    @Test
    void mariadbUpserts_giveTheKeysOfTheirValues_whenEveryRowGivesThemPlainly() {
        WriteShape shape = write("INSERT INTO users (name, id) VALUES (?, 7), ('x', ?), (?, ?) ON DUPLICATE KEY UPDATE"
                + " name = ?", Dialect.MARIADB);
        assertThat(shape.givenKeys()).isEqualTo("SELECT 7 UNION ALL SELECT ? UNION ALL SELECT ?");
        assertThat(shape.captureParameters()).containsExactly(2, 4);
        assertThat(write("REPLACE INTO users (id, name) VALUES (1, 'a')", Dialect.MARIADB).givenKeys()).isEqualTo("SELECT 1");
        assertThat(write("REPLACE INTO users VALUES (1, 'a', NULL, 1, 0)", Dialect.MARIADB).givenKeys()).isNull();
        assertThat(write("REPLACE INTO users (id) VALUES (1 + 1)", Dialect.MARIADB).givenKeys()).isNull();
        assertThat(write("INSERT INTO users (name) VALUES ('a') ON DUPLICATE KEY UPDATE name = 'b'", Dialect.MARIADB)
                .givenKeys()).isNull();
        assertThat(write("INSERT INTO users (id) SELECT user_id FROM orders ON DUPLICATE KEY UPDATE name = 'b'",
                Dialect.MARIADB).givenKeys()).isNull();
        assertThat(write("INSERT INTO users (id) VALUES (1)", Dialect.MARIADB).givenKeys()).isNull();
    }

    @Test
    void mariadbMultiTableWrites_areAnalysed_andFindTheOneTableTheyWrite() {
        String update = "UPDATE orders o JOIN users AS u ON o.user_id = u.id AND o.total > ? SET u.name = ?, email ="
                + " (SELECT MAX(v.email) FROM users_v2 v WHERE v.id = ?) WHERE o.state = ? AND u.id IN (SELECT id FROM"
                + " users WHERE status = ?)";
        Analysis analysis = rewriter.analyze(update, Dialect.MARIADB, null);
        assertThat(analysis.analysed()).isTrue();
        assertThat(analysis.references()).extracting(r -> sql(update, r)).containsExactly("users", "users_v2", "users");
        WriteShape shape = write(update, Dialect.MARIADB);
        assertThat(shape.ok()).as(shape.reason()).isTrue();
        assertThat(shape.side()).isEqualTo(Side.SOURCE);
        assertThat(shape.verb()).isEqualTo(Verb.UPDATE);
        assertThat(shape.fromList()).isEqualTo("orders o JOIN users AS u ON o.user_id = u.id AND o.total > ?");
        assertThat(shape.captureFrom()).isEqualTo("FROM orders o JOIN users AS u ON o.user_id = u.id AND o.total > ?"
                + " WHERE o.state = ? AND u.id IN (SELECT id FROM users WHERE status = ?)");
        assertThat(shape.captureQualifier()).isEqualTo("u");
        // the SET's parameters (2 and 3) are not the capture's
        assertThat(shape.captureParameters()).containsExactly(1, 4, 5);
        assertThat(update.substring(shape.conditionStart(), shape.conditionEnd()))
                .isEqualTo(" o.state = ? AND u.id IN (SELECT id FROM users WHERE status = ?)");
        assertThat(shape.parametersBefore()).isEqualTo(5);

        WriteShape comma = write("update users, orders set users.status = 0 where orders.user_id = users.id;",
                Dialect.MARIADB);
        assertThat(comma.ok()).isTrue();
        assertThat(comma.captureFrom()).isEqualTo("FROM users, orders WHERE orders.user_id = users.id");
        assertThat(comma.captureQualifier()).isEqualTo("users");

        WriteShape delete = write("DELETE v FROM users_v2 v JOIN orders o ON o.user_id = v.id", Dialect.MARIADB);
        assertThat(delete.side()).isEqualTo(Side.TARGET);
        assertThat(delete.verb()).isEqualTo(Verb.DELETE);
        assertThat(delete.captureFrom()).isEqualTo("FROM users_v2 v JOIN orders o ON o.user_id = v.id");
        assertThat(delete.conditionStart()).isEqualTo(-1);

        WriteShape using = write("DELETE QUICK FROM `u`.* USING `users` `u` LEFT JOIN orders o ON o.user_id = `u`.id"
                + " WHERE o.order_id IS NULL", Dialect.MARIADB);
        assertThat(using.ok()).isTrue();
        assertThat(using.captureQualifier()).isEqualTo("`u`");
        assertThat(using.captureFrom()).isEqualTo("FROM `users` `u` LEFT JOIN orders o ON o.user_id = `u`.id WHERE"
                + " o.order_id IS NULL");
    }

    @Test
    void mariadbMultiTableWrites_ofAnotherTable_needNoMirror_evenWhenTheyReadAMigratedOne() {
        WriteShape shape = write("UPDATE orders o JOIN users u ON u.id = o.user_id SET o.state = u.name",
                Dialect.MARIADB);
        assertThat(shape.ok()).isTrue();
        assertThat(shape.migration()).isNull();
        // unqualified, the catalog tells whose column it is
        assertThat(write("UPDATE orders o JOIN users u ON u.id = o.user_id SET total = 0", Dialect.MARIADB).migration())
                .isNull();
        assertThat(write("UPDATE orders o JOIN users u ON u.id = o.user_id SET legacy_flag = 0", Dialect.MARIADB)
                .migration()).isEqualTo(ReadRewriteTest.USERS);
    }

    @Test
    void mariadbMultiTableWrites_thatCannotBeMirroredExactly_sayWhy() {
        assertThat(write("UPDATE users u JOIN orders o ON o.user_id = u.id SET u.status = 1, o.state = 'x'",
                Dialect.MARIADB).reason()).contains("more than one table at once (u, o)", "users-v2");
        assertThat(write("DELETE u, o FROM users u JOIN orders o ON o.user_id = u.id", Dialect.MARIADB).reason())
                .contains("more than one table at once");
        assertThat(write("UPDATE users a JOIN users b ON b.id = a.id + 1 SET a.status = 1, b.status = 2",
                Dialect.MARIADB).reason()).contains("more than one table at once (a, b)");
        assertThat(write("UPDATE users u JOIN orders o ON o.user_id = u.id SET u.id = o.order_id", Dialect.MARIADB)
                .reason()).contains("key column id");
        assertThat(write("UPDATE users u JOIN unknown x ON x.id = u.id SET state = 1", Dialect.MARIADB).reason())
                .contains("cannot tell which table the column state", "qualify it");
        assertThat(write("UPDATE users u JOIN orders o ON o.user_id = u.id SET z.status = 1", Dialect.MARIADB).reason())
                .contains("none of its table references");
    }

    private static String sql(String sql, TableReference reference) {
        return sql.substring(reference.start(), reference.end());
    }

    @Test
    void aWriteToAnotherTable_needsNoMirror() {
        WriteShape shape = write("INSERT INTO orders (order_id, user_id) SELECT id, id FROM users", Dialect.POSTGRESQL);
        assertThat(shape.ok()).isTrue();
        assertThat(shape.migration()).isNull();
    }
}
