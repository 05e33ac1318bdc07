package dev.tandem.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Golden tests of read translation, read like Calcite's {@code SqlParserTest}: a statement, the side
 * it is served from, and the exact text that must come out (or the reason it cannot).
 */
class ReadRewriteTest {

    static final Migration USERS = TestDatabase.USERS;

    static final Map<String, List<String>> TABLES = Map.of(
            "users", List.of("id", "name", "email", "status", "legacy_flag"),
            "users_v2", List.of("id", "full_name", "email", "status_code", "created_at"),
            "orders", List.of("order_id", "user_id", "total"));

    static final Catalog CATALOG = TestDatabase.catalog(TABLES);

    private final SqlRewriter rewriter = new SqlRewriter(List.of(USERS), CATALOG);

    private Fixture rewrite(String sql) {
        return new Fixture(sql, Dialect.POSTGRESQL);
    }

    final class Fixture {
        private final String sql;
        private final Dialect dialect;
        private Side side = Side.TARGET;

        Fixture(String sql, Dialect dialect) {
            this.sql = sql;
            this.dialect = dialect;
        }

        Fixture in(Dialect other) {
            return new Fixture(sql, other).routedTo(side);
        }

        Fixture routedTo(Side to) {
            side = to;
            return this;
        }

        void is(String expected) {
            ReadRewrite result = rewriter.read(sql, dialect, null, side);
            assertThat(result.reason()).as(sql).isNull();
            assertThat(result.sql()).isEqualTo(expected);
        }

        void isRefused(String reasonPart) {
            ReadRewrite result = rewriter.read(sql, dialect, null, side);
            assertThat(result.sql()).as(sql).isNull();
            assertThat(result.reason()).contains(reasonPart);
        }
    }

    @Test
    void tableAndRenamedColumn_keepTheirLabels() {
        rewrite("SELECT id, name FROM users WHERE id = ?")
                .is("SELECT id, full_name AS name FROM users_v2 users WHERE id = ?");
    }

    @Test
    void aliasedTable_keepsItsAlias_andQualifiedColumnsFollow() {
        rewrite("SELECT u.name, u.email FROM users u WHERE u.name LIKE ? ORDER BY u.name")
                .is("SELECT u.full_name AS name, u.email FROM users_v2 u WHERE u.full_name LIKE ? ORDER BY u.full_name");
    }

    @Test
    void explicitColumnAlias_isNotRepeated() {
        rewrite("SELECT name AS n FROM users").is("SELECT full_name AS n FROM users_v2 users");
    }

    @Test
    void computedColumn_becomesTheExpression_qualified() {
        rewrite("SELECT status FROM users u WHERE u.status = 1")
                .is("SELECT (CAST(u.status_code AS INT)) AS status FROM users_v2 u WHERE (CAST(u.status_code AS INT)) = 1");
    }

    @Test
    void star_isExpandedInSourceOrder_withSourceLabels() {
        rewrite("SELECT * FROM users WHERE id = 1")
                .isRefused("legacy_flag");
    }

    @Test
    void qualifiedStar_onAJoin_expandsOnlyTheMigratedTable() {
        Migration noSourceOnly = new Migration("users-v2", USERS.source(), USERS.target(), USERS.key(),
                List.of(USERS.columns().get(0), USERS.columns().get(2)));
        Catalog catalog = (schema, table) -> table.equals("users") ? List.of("id", "name", "email", "status")
                : TABLES.get(table);
        SqlRewriter other = new SqlRewriter(List.of(noSourceOnly), catalog);
        assertThat(other.read("SELECT u.*, o.total FROM users u JOIN orders o ON o.user_id = u.id", Dialect.POSTGRESQL,
                null, Side.TARGET).sql())
                .isEqualTo("SELECT u.id, u.full_name AS name, u.email, (CAST(u.status_code AS INT)) AS status, o.total"
                        + " FROM users_v2 u JOIN orders o ON o.user_id = u.id");
        assertThat(other.read("SELECT * FROM users u JOIN orders o ON o.user_id = u.id", Dialect.POSTGRESQL,
                null, Side.TARGET).sql())
                .isEqualTo("SELECT u.id, u.full_name AS name, u.email, (CAST(u.status_code AS INT)) AS status, o.*"
                        + " FROM users_v2 u JOIN orders o ON o.user_id = u.id");
    }

    @Test
    void sourceOnlyColumn_cannotBeServedFromTheTarget() {
        rewrite("SELECT legacy_flag FROM users").isRefused("column legacy_flag of users is not in users_v2");
    }

    @Test
    void unqualifiedColumn_inAJoin_isResolvedWithTheCatalog() {
        rewrite("SELECT name, total FROM users JOIN orders ON user_id = id")
                .is("SELECT full_name AS name, total FROM users_v2 users JOIN orders ON user_id = id");
    }

    @Test
    void correlatedSubquery_seesTheOuterTable() {
        rewrite("SELECT o.total FROM orders o WHERE EXISTS (SELECT 1 FROM users WHERE users.id = o.user_id AND name = ?)")
                .is("SELECT o.total FROM orders o WHERE EXISTS (SELECT 1 FROM users_v2 users WHERE users.id = o.user_id AND full_name = ?)");
    }

    @Test
    void cteNamedLikeTheTable_shadowsIt() {
        rewrite("WITH users AS (SELECT 1 AS id, 'x' AS name) SELECT name FROM users")
                .is("WITH users AS (SELECT 1 AS id, 'x' AS name) SELECT name FROM users");
    }

    @Test
    void cteOverTheTable_isTranslatedInside() {
        rewrite("WITH active AS (SELECT id, name FROM users WHERE status = 1) SELECT name FROM active")
                .is("WITH active AS (SELECT id, full_name AS name FROM users_v2 users WHERE (CAST(users.status_code AS INT)) = 1) SELECT name FROM active");
    }

    @Test
    void columnCalledLikeTheTable_isAColumn() {
        rewrite("SELECT o.users FROM orders o").is("SELECT o.users FROM orders o");
    }

    @Test
    void untouchedBytes_stayAsWritten_commentsCaseAndSpacing() {
        rewrite("select /* by key */ NAME\n  from   Users   where ID=?  -- hot path")
                .is("select /* by key */ full_name AS NAME\n  from   users_v2 Users   where ID=?  -- hot path");
    }

    @Test
    void quotedNameOfAnotherCase_isAnotherTableInPostgres() {
        rewrite("SELECT \"name\" FROM \"Users\"").is("SELECT \"name\" FROM \"Users\"");
    }

    @Test
    void groupByAndHaving_areTranslated() {
        rewrite("SELECT name, COUNT(*) FROM users GROUP BY name HAVING COUNT(*) > 1 ORDER BY name")
                .is("SELECT full_name AS name, COUNT(*) FROM users_v2 users GROUP BY full_name HAVING COUNT(*) > 1 ORDER BY full_name");
    }

    @Test
    void targetWrittenStatement_servedFromTheSource() {
        rewrite("SELECT full_name, status_code FROM users_v2 WHERE id = ?").routedTo(Side.SOURCE)
                .is("SELECT name AS full_name, (CAST(users_v2.status AS VARCHAR(8))) AS status_code FROM users users_v2 WHERE id = ?");
    }

    @Test
    void targetOnlyColumn_cannotBeServedFromTheSource() {
        rewrite("SELECT created_at FROM users_v2").routedTo(Side.SOURCE)
                .isRefused("column created_at of users_v2 is not in users");
    }

    @Test
    void naturalJoin_isWrittenOutAsTheUsingJoinItMeansToday() {
        Catalog withUserId = (schema, table) -> table.equals("users")
                ? List.of("id", "name", "email", "status", "legacy_flag", "user_id") : TABLES.get(table);
        SqlRewriter other = new SqlRewriter(List.of(USERS), withUserId);
        assertThat(other.read("SELECT email, total FROM users NATURAL LEFT JOIN orders o", Dialect.POSTGRESQL, null,
                Side.TARGET).sql())
                .isEqualTo("SELECT email, total FROM users_v2 users LEFT JOIN orders o USING (user_id)");
        rewrite("SELECT total FROM users NATURAL JOIN orders").isRefused("share no column");
        rewrite("SELECT u.id FROM users u NATURAL JOIN users_v2 v").is("SELECT u.id FROM users_v2 u JOIN users_v2 v USING (id, email)");
        rewrite("SELECT 1 FROM orders NATURAL JOIN user_roles NATURAL JOIN users").isRefused("with another join");
    }

    @Test
    void usingJoinOnAnUnchangedColumn_isKept() {
        rewrite("SELECT email FROM users JOIN orders USING (id)")
                .is("SELECT email FROM users_v2 users JOIN orders USING (id)");
        rewrite("SELECT email FROM users JOIN orders USING (name)").isRefused("the join matches on name");
    }

    @Test
    void unionOfBothBranches_isTranslatedInEach() {
        rewrite("SELECT name FROM users WHERE id = 1 UNION ALL SELECT name FROM users WHERE id = 2")
                .is("SELECT full_name AS name FROM users_v2 users WHERE id = 1 UNION ALL SELECT full_name AS name FROM users_v2 users WHERE id = 2");
    }

    @Test
    void statementNamingNoMigratedTable_isNeverParsed() {
        ReadRewrite result = rewriter.read("SELEKT this is not sql FROM orders", Dialect.POSTGRESQL, null, Side.TARGET);
        assertThat(result.sql()).isEqualTo("SELEKT this is not sql FROM orders");
        assertThat(rewriter.cachedVerdicts()).isZero();
    }

    @Test
    void mariadbBackquotes_andH2UpperCase() {
        rewrite("SELECT `name` FROM `users` WHERE id = ?").in(Dialect.MARIADB)
                .is("SELECT full_name AS `name` FROM users_v2 `users` WHERE id = ?");
        rewrite("SELECT NAME FROM USERS").in(Dialect.H2).is("SELECT full_name AS NAME FROM users_v2 USERS");
    }

    @Test
    void severalReadsInOneString_areEachTranslated() {
        rewrite("SELECT name FROM users WHERE id = 1; SELECT u.name FROM users u;")
                .is("SELECT full_name AS name FROM users_v2 users WHERE id = 1; SELECT u.full_name AS name FROM users_v2 u;");
        rewrite("SELECT name FROM users; DELETE FROM users").isRefused("not a read (write)");
    }

    @Test
    void mariadbTableNames_keepTheirCase_butColumnsDoNot() {
        rewrite("SELECT NAME FROM users WHERE ID = 1").in(Dialect.MARIADB)
                .is("SELECT full_name AS NAME FROM users_v2 users WHERE ID = 1");
        rewrite("SELECT name FROM Users").in(Dialect.MARIADB).is("SELECT name FROM Users");
        rewrite("SELECT U.name FROM users u").in(Dialect.MARIADB_LOWER_CASE_TABLES)
                .is("SELECT U.full_name AS name FROM users_v2 u");
    }

    @Test
    void starExpansion_quotesAStoredNameThatWouldNotReadBack() {
        Catalog mixedCase = (schema, table) -> table.equals("users") ? List.of("id", "Nick Name", "email") : null;
        Migration users = new Migration("users-v2", USERS.source(), USERS.target(), USERS.key(),
                List.of(new ColumnMapping.Rename("email", "mail")));
        SqlRewriter other = new SqlRewriter(List.of(users), mixedCase);
        assertThat(other.read("SELECT * FROM users", Dialect.POSTGRESQL, null, Side.TARGET).sql())
                .isEqualTo("SELECT users.id, users.\"Nick Name\", users.mail AS email FROM users_v2 users");
    }
}
