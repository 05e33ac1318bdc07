package dev.tandem.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AnalysisTest {

    private final SqlRewriter rewriter = new SqlRewriter(List.of(ReadRewriteTest.USERS), ReadRewriteTest.CATALOG);

    private Analysis analyze(String sql) {
        return rewriter.analyze(sql, Dialect.POSTGRESQL, null);
    }

    private static List<String> named(String sql, Analysis analysis) {
        return analysis.references().stream()
                .map(r -> r.side() + ":" + sql.substring(r.start(), r.end()))
                .toList();
    }

    @Test
    void read_namesEachMigratedTableWithItsSpanAndSide() {
        String sql = "SELECT * FROM users u JOIN users_v2 v ON v.id = u.id JOIN orders o ON o.user_id = u.id";
        Analysis analysis = analyze(sql);
        assertThat(analysis.kind()).isEqualTo(StatementKind.READ);
        assertThat(analysis.analysed()).isTrue();
        assertThat(named(sql, analysis)).containsExactly("SOURCE:users", "TARGET:users_v2");
    }

    @Test
    void schemaQualifiedName_spansTheSchemaToo() {
        String sql = "SELECT id FROM app.users";
        assertThat(named(sql, analyze(sql))).containsExactly("SOURCE:app.users");
    }

    @Test
    void writes_areWrites_andNameTheirTargetTable() {
        String insert = "INSERT INTO users (id, name) VALUES (?, ?)";
        assertThat(analyze(insert).kind()).isEqualTo(StatementKind.WRITE);
        assertThat(named(insert, analyze(insert))).containsExactly("SOURCE:users");
        String update = "UPDATE users_v2 SET full_name = ? WHERE id IN (SELECT user_id FROM orders)";
        assertThat(named(update, analyze(update))).containsExactly("TARGET:users_v2");
        String delete = "DELETE FROM users WHERE id = ?";
        assertThat(named(delete, analyze(delete))).containsExactly("SOURCE:users");
    }

    @Test
    void ddlAndSessionStatements_areClassified_withoutParsing() {
        assertThat(analyze("ALTER TABLE users ADD COLUMN x INT").kind()).isEqualTo(StatementKind.DDL);
        assertThat(named("ALTER TABLE users ADD COLUMN x INT", analyze("ALTER TABLE users ADD COLUMN x INT")))
                .containsExactly("SOURCE:users");
        assertThat(analyze("TRUNCATE users").kind()).isEqualTo(StatementKind.DDL);
        assertThat(analyze("SET search_path TO users").kind()).isEqualTo(StatementKind.SESSION);
        assertThat(analyze("  /* hi */ (SELECT 1 FROM users)").kind()).isEqualTo(StatementKind.READ);
    }

    @Test
    void lockingRead_isMarked() {
        Analysis analysis = analyze("SELECT id FROM users WHERE id = ? FOR UPDATE");
        assertThat(analysis.locking()).isTrue();
        assertThat(analysis.references()).hasSize(1);
        assertThat(analyze("SELECT id FROM users WHERE id = ?").locking()).isFalse();
    }

    @Test
    void cteNamedLikeTheTable_isNotTheTable() {
        String sql = "WITH users AS (SELECT 1 AS id) SELECT id FROM users";
        assertThat(analyze(sql).references()).isEmpty();
    }

    @Test
    void intervalsAndExtract_parse() {
        // Calcite reaches commons-math3 for intervals; a missing class is an Error, not a parse failure
        String sql = "SELECT EXTRACT(YEAR FROM created_at), id FROM users_v2 WHERE created_at > CURRENT_DATE - INTERVAL '1' DAY";
        assertThat(analyze(sql).analysed()).isTrue();
        assertThat(named(sql, analyze(sql))).containsExactly("TARGET:users_v2");
    }

    @Test
    void statementThatDoesNotParse_saysWhy() {
        Analysis analysis = analyze("SELECT FROM WHERE users");
        assertThat(analysis.analysed()).isFalse();
        assertThat(analysis.reason()).startsWith("cannot parse: ");
    }

    @Test
    void statementNamingNoMigratedTable_isDecidedByTheWordScan() {
        Analysis analysis = analyze("SELECT not even sql FROM orders_users_archive");
        assertThat(analysis.namesNoMigratedTable()).isTrue();
        assertThat(rewriter.mayNameMigratedTable("SELECT 1 FROM user_settings")).isFalse();
        assertThat(rewriter.mayNameMigratedTable("SELECT 1 FROM \"Users\"")).isTrue();
        assertThat(rewriter.cachedVerdicts()).isZero();
    }

    @Test
    void verdicts_areCachedPerStatement_withItsTranslations() {
        analyze("SELECT id FROM users");
        analyze("SELECT id FROM users");
        ReadRewrite first = rewriter.read("SELECT id FROM users", Dialect.POSTGRESQL, null, Side.TARGET);
        assertThat(rewriter.cachedVerdicts()).isEqualTo(1);
        assertThat(rewriter.cacheMisses()).isEqualTo(1);
        assertThat(rewriter.cacheHits()).isEqualTo(2);
        assertThat(rewriter.read("SELECT id FROM users", Dialect.POSTGRESQL, null, Side.TARGET)).isSameAs(first);
        analyze("SELECT id FROM users WHERE id = 2");
        assertThat(rewriter.cachedVerdicts()).isEqualTo(2);
    }

    @Test
    void severalStatements_areCounted_andAStringIsAReadOnlyWhenEveryStatementIs() {
        String reads = "SELECT id FROM users WHERE id = 1; SELECT full_name FROM users_v2;";
        Analysis analysis = analyze(reads);
        assertThat(analysis.statements()).isEqualTo(2);
        assertThat(analysis.kind()).isEqualTo(StatementKind.READ);
        assertThat(named(reads, analysis)).containsExactly("SOURCE:users", "TARGET:users_v2");

        String mixed = "SELECT id FROM users; UPDATE users SET name = 'x' WHERE id = 1";
        assertThat(analyze(mixed).kind()).isEqualTo(StatementKind.WRITE);
        assertThat(named(mixed, analyze(mixed))).containsExactly("SOURCE:users", "SOURCE:users");
        assertThat(analyze("SET search_path TO app; SELECT id FROM users").kind()).isEqualTo(StatementKind.SESSION);
        assertThat(analyze("DELETE FROM users; DROP TABLE users").kind()).isEqualTo(StatementKind.DDL);
    }

    @Test
    void semicolonsInStringsCommentsAndQuotedNames_doNotSplit() {
        assertThat(analyze("SELECT id FROM users WHERE name = 'a;b' /* ; */ -- ;\n").statements()).isEqualTo(1);
        assertThat(analyze("SELECT \"a;b\" FROM users;  ;\n -- done").statements()).isEqualTo(1);
        assertThat(rewriter.analyze("SELECT `a;b`, 'x\\';y' FROM users # ;", Dialect.MARIADB, null).statements())
                .isEqualTo(1);
        assertThat(analyze("SELECT $$;$$ FROM users").statements()).isEqualTo(1);
    }

    @Test
    void mariadbWithCaseSensitiveTableNames_tellsUsersFromusers() {
        String sql = "SELECT u.id FROM Users u JOIN users v ON v.id = u.id";
        assertThat(named(sql, rewriter.analyze(sql, Dialect.MARIADB, null))).containsExactly("SOURCE:users");
        assertThat(named(sql, rewriter.analyze(sql, Dialect.MARIADB_LOWER_CASE_TABLES, null)))
                .containsExactly("SOURCE:Users", "SOURCE:users");
    }

    @Test
    void currentSchema_decidesWhichTableAnUnqualifiedNameIs() {
        Migration qualified = new Migration("app-users", TableName.parse("app.users"), TableName.parse("app.users_v2"),
                List.of("id"), List.of());
        SqlRewriter inApp = new SqlRewriter(List.of(qualified), Catalog.NONE);
        assertThat(inApp.analyze("SELECT id FROM users", Dialect.POSTGRESQL, "app").references()).hasSize(1);
        assertThat(inApp.analyze("SELECT id FROM users", Dialect.POSTGRESQL, "other").references()).isEmpty();
        assertThat(inApp.analyze("SELECT id FROM APP.users", Dialect.POSTGRESQL, "other").references()).hasSize(1);
        assertThat(inApp.analyze("SELECT id FROM users", Dialect.H2, "APP").references()).hasSize(1);
        assertThat(inApp.analyze("SELECT id FROM users", Dialect.MARIADB, "App").references()).isEmpty();
    }
}
