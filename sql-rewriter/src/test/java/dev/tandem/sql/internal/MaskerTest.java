package dev.tandem.sql.internal;

import static dev.tandem.sql.Dialect.H2;
import static dev.tandem.sql.Dialect.MARIADB;
import static dev.tandem.sql.Dialect.POSTGRESQL;
import static dev.tandem.sql.internal.Masked.Kind.DISTINCT_ON;
import static dev.tandem.sql.internal.Masked.Kind.FROM_LIST;
import static dev.tandem.sql.internal.Masked.Kind.LOCK;
import static dev.tandem.sql.internal.Masked.Kind.ON_CONFLICT;
import static dev.tandem.sql.internal.Masked.Kind.ON_DUPLICATE_KEY;
import static dev.tandem.sql.internal.Masked.Kind.OTHER;
import static dev.tandem.sql.internal.Masked.Kind.RETURNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.sql.Dialect;
import dev.tandem.sql.internal.Masked.Carve;
import dev.tandem.sql.internal.Masked.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks that masked statements keep their length, lines and names, and that Calcite's Babel parser reads them. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MaskerTest {

    /** One statement as an ORM, a query builder or a hand-written DAO sends it. */
    record Case(Dialect dialect, String sql, String sample, List<Kind> carves, String unparseable) {

        Case because(String reason) {
            return new Case(dialect, sql, sample, carves, reason);
        }

        Masked masked() {
            return Masker.mask(sql, dialect);
        }

        @Override
        public String toString() {
            return dialect + ": " + sql.replace("\r", "").replace('\n', ' ');
        }
    }

    static Case pg(String sql, String sample, Kind... carves) {
        return new Case(POSTGRESQL, sql, sample, List.of(carves), null);
    }

    static Case maria(String sql, String sample, Kind... carves) {
        return new Case(MARIADB, sql, sample, List.of(carves), null);
    }

    static Case h2(String sql, String sample, Kind... carves) {
        return new Case(H2, sql, sample, List.of(carves), null);
    }

    static final List<Case> CASES = List.of(
            // PostgreSQL: Hibernate 6
            pg("select u1_0.id,u1_0.email,u1_0.name from users u1_0 where u1_0.id=?", "users"),
            pg("/* insert for dev.tandem.User */insert into users (email,name,id) values (?,?,?)", "users"),
            pg("select u1_0.id,u1_0.email from users u1_0 where u1_0.id=? for no key update of u1_0", "users", LOCK),
            pg("select o1_0.id,o1_0.total from orders o1_0 order by o1_0.created_at desc offset ? rows fetch first ? rows only", "orders"),
            pg("select j1_0.id from jobs j1_0 where j1_0.status=? order by j1_0.id fetch first ? rows only for update skip locked", "jobs", LOCK),
            pg("select a1_0.id from accounts a1_0 where a1_0.id=? for share", "accounts", LOCK),
            // PostgreSQL: jOOQ
            pg("insert into \"public\".\"users\" (\"id\", \"email\") values (?, ?) on conflict (\"id\") do update set \"email\" = excluded.\"email\" returning \"public\".\"users\".\"id\"",
                    "\"users\"", ON_CONFLICT, RETURNING),
            pg("select \"public\".\"users\".\"email\" from \"public\".\"users\" where \"public\".\"users\".\"id\" = ? limit ?", "\"email\""),
            pg("select \"t\".\"id\" from \"public\".\"tags\" as \"t\" where \"t\".\"name\" ilike ? order by \"t\".\"name\" collate \"C\"", "\"tags\""),
            // PostgreSQL: JdbcTemplate and hand-written
            pg("INSERT INTO orders (user_id, total) VALUES (?, ?) RETURNING id", "orders", RETURNING),
            pg("UPDATE accounts SET balance = balance - ? WHERE id = ? RETURNING balance", "accounts", RETURNING),
            pg("DELETE FROM sessions WHERE expires_at < now() RETURNING user_id", "sessions", RETURNING),
            pg("INSERT INTO counters (name, hits) VALUES ('home', 1) ON CONFLICT (name) DO UPDATE SET hits = counters.hits + 1", "counters", ON_CONFLICT),
            pg("INSERT INTO tags (name) VALUES (?) ON CONFLICT DO NOTHING", "tags", ON_CONFLICT),
            pg("INSERT INTO members (team_id, user_id) VALUES (?, ?) ON CONFLICT ON CONSTRAINT members_pk DO NOTHING RETURNING id", "members", ON_CONFLICT, RETURNING),
            pg("SELECT DISTINCT ON (user_id) user_id, created_at FROM logins ORDER BY user_id, created_at DESC", "logins", DISTINCT_ON),
            pg("SELECT id, payload->>'type' AS kind FROM events WHERE payload @> ?::jsonb AND payload->'meta' ?? 'source'", "events"),
            pg("SELECT id FROM documents WHERE data #>> '{a,b}' = ? AND tags <@ ? AND data ??| ? AND data ??& ?", "documents"),
            pg("SELECT name FROM users WHERE id = $1 AND status = $2", "users"),
            pg("SELECT id FROM notes WHERE body = $$it's -- not a comment; $$ OR title = $tag$a 'quoted' ; thing$tag$", "notes"),
            pg("SELECT id FROM files WHERE path LIKE E'C:\\\\temp\\\\%' OR name = E'it\\'s'", "files"),
            pg("SELECT id, created_at::date FROM orders WHERE status = ?::order_status", "orders"),
            pg("SELECT id FROM users WHERE id = ANY(?::bigint[])", "users"),
            pg("SELECT id FROM posts WHERE tags && ?::text[]", "posts"),
            pg("SELECT id FROM users WHERE email ILIKE ? OR name NOT ILIKE '%bot%'", "users"),
            pg("DELETE FROM sessions WHERE created_at < now() - interval '30 days'", "sessions"),
            pg("SELECT id FROM audit WHERE note = 'it''s -- not; a comment FOR UPDATE' AND kind = 'x'", "audit"),
            pg("/*+ IndexScan(u) */ SELECT /* a /* nested */ comment */ u.id FROM users u -- trailing\nWHERE u.id = ?", "users"),
            pg("UPDATE users SET name = 'a;b' WHERE id = 1; DELETE FROM sessions WHERE user_id = 1;", "sessions"),
            pg("SELECT a.id FROM accounts a JOIN users u ON u.id = a.user_id WHERE a.id = ? FOR UPDATE OF a NOWAIT", "accounts", LOCK),
            pg("UPDATE jobs SET status = 'running' WHERE id = (SELECT id FROM jobs WHERE status = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id, payload",
                    "jobs", LOCK, RETURNING),
            pg("WITH recent AS (SELECT user_id FROM orders WHERE created_at > ?) SELECT u.email FROM users u JOIN recent r ON r.user_id = u.id", "recent"),
            pg("SELECT id, name FROM users WHERE id IN (?, ?, ?) ORDER BY name LIMIT 20 OFFSET 40", "users"),
            pg("SELECT user_id, count(*) FILTER (WHERE total > 100) FROM orders GROUP BY user_id HAVING count(*) > ?", "orders"),
            pg("SELECT id\r\nFROM users\r\nWHERE email = ?\r\n", "users"),
            pg("SELECT id FROM t_user WHERE name ~* ? OR name !~ '^x' FOR KEY SHARE", "t_user", LOCK),
            pg("UPDATE orders SET status = 'paid' FROM payments p WHERE p.order_id = orders.id", "orders", FROM_LIST),
            pg("DELETE FROM orders USING users u WHERE orders.user_id = u.id AND u.banned", "orders", FROM_LIST),

            // MariaDB and MySQL: Hibernate
            maria("select u1_0.id,u1_0.email from users u1_0 where u1_0.id=? for update", "users", LOCK),
            maria("select u1_0.id from users u1_0 where u1_0.id=? lock in share mode", "users", LOCK),
            maria("/* load dev.tandem.User */ select u1_0.id from users u1_0 where u1_0.email=?", "users"),
            maria("select a1_0.id from accounts a1_0 where a1_0.id=? for share", "accounts", LOCK),
            // MariaDB and MySQL: jOOQ
            maria("select `users`.`email` from `users` where `users`.`id` = ? limit ?", "`users`"),
            maria("insert into `users` (`id`, `email`) values (?, ?) on duplicate key update `users`.`email` = values(`email`)", "`users`", ON_DUPLICATE_KEY),
            maria("INSERT INTO users (id, email) VALUES (?, ?) AS new ON DUPLICATE KEY UPDATE email = new.email", "users", ON_DUPLICATE_KEY),
            // MariaDB and MySQL: MyBatis, JdbcTemplate and hand-written
            maria("SELECT SQL_CALC_FOUND_ROWS email FROM users", "users"),
            maria("SELECT id, email FROM users WHERE status = ? ORDER BY id LIMIT ?, ?", "users"),
            maria("SELECT id FROM users LIMIT 10, 20", "users"),
            maria("INSERT IGNORE INTO user_roles (user_id, role_id) VALUES (?, ?)", "user_roles"),
            maria("REPLACE INTO settings (name, value) VALUES ('theme', 'dark')", "settings"),
            maria("SELECT id FROM notes WHERE body = 'it\\'s -- not a comment' OR title = \"say \\\"hi\\\"; it's fine\"", "notes"),
            maria("SELECT id FROM users # trailing comment\nWHERE email = ?", "users"),
            maria("SELECT id, 5--1 AS four FROM users -- the end", "users"),
            maria("SELECT @rownum := @rownum + 1 AS pos, name FROM players ORDER BY score DESC", "players"),
            maria("SELECT @@session.transaction_isolation, id FROM users WHERE id = ?", "users"),
            maria("SELECT id FROM orders FORCE INDEX (idx_orders_user) WHERE user_id = ?", "orders"),
            maria("SELECT STRAIGHT_JOIN o.id, u.email FROM orders o STRAIGHT_JOIN users u ON u.id = o.user_id", "orders"),
            maria("UPDATE jobs SET status = 'taken' WHERE status = 'queued' ORDER BY id LIMIT 1", "jobs", OTHER),
            maria("DELETE FROM sessions WHERE expires_at < NOW() LIMIT 1000", "sessions", OTHER),
            maria("SELECT id FROM users WHERE email REGEXP '^[a-z]+@example\\\\.com$'", "users"),
            maria("SELECT country, COUNT(*) FROM users GROUP BY country WITH ROLLUP", "users"),
            maria("SELECT id, attrs->>'$.color' FROM products WHERE attrs->'$.size' = ?", "products"),
            maria("SELECT /*!40001 SQL_NO_CACHE */ id FROM users", "users"),
            maria("SELECT HIGH_PRIORITY SQL_BUFFER_RESULT DISTINCTROW country FROM users", "users"),
            maria("INSERT INTO `order_items` (`order_id`, `sku`, `qty`) VALUES (?, ?, ?), (?, ?, ?)", "`order_items`"),
            maria("INSERT INTO a (x) VALUES (1); UPDATE b SET y = 'a;b' WHERE id = 2", "b"),
            maria("INSERT INTO audit (msg) VALUES (_utf8mb4'caf\\xc3\\xa9') RETURNING id", "audit", RETURNING),
            maria("SELECT id FROM users WHERE name = ? COLLATE utf8mb4_bin AND flags = b'101'", "users"),
            maria("UPDATE orders o JOIN users u ON u.id = o.user_id SET o.email = u.email", "orders")
                    .because("Babel has no multi-table UPDATE"),
            maria("INSERT INTO settings SET name = 'theme', value = 'dark'", "settings")
                    .because("Babel has no INSERT … SET"),

            // H2: Hibernate and jOOQ
            h2("select u1_0.id,u1_0.email from users u1_0 where u1_0.id=? for update", "users", LOCK),
            h2("SELECT * FROM \"PUBLIC\".\"USERS\" WHERE \"ID\" = ?", "\"USERS\""),
            h2("SELECT id FROM users ORDER BY id LIMIT ? OFFSET ?", "users"),
            h2("SELECT id FROM users OFFSET ? ROWS FETCH FIRST ? ROWS ONLY", "users"),
            h2("merge into \"PUBLIC\".\"USERS\" using (select 1 \"one\") on (\"PUBLIC\".\"USERS\".\"ID\" = ?) when matched then update set \"PUBLIC\".\"USERS\".\"EMAIL\" = ? "
                    + "when not matched then insert (\"ID\", \"EMAIL\") values (?, ?)", "\"USERS\""),
            h2("SELECT id FROM users // by id\nWHERE id = ?", "users"),
            h2("DELETE FROM sessions WHERE expires_at < CURRENT_TIMESTAMP FETCH FIRST 100 ROWS ONLY", "sessions", OTHER),
            h2("SELECT id FROM users WHERE id > @last_id", "users"),
            h2("INSERT INTO users (id, email) VALUES (NEXT VALUE FOR users_seq, ?)", "users"),
            h2("UPDATE users SET bio = 'FOR UPDATE; -- RETURNING' WHERE id = ?", "users"),
            h2("SELECT SUBSTRING(email FROM 1 FOR 3) FROM users", "users"),
            h2("SELECT id, ROW_NUMBER() OVER (PARTITION BY team ORDER BY score DESC) AS pos FROM players", "players"),
            // H2 in its PostgreSQL and MySQL modes
            h2("SELECT DISTINCT ON (team) team, score FROM players ORDER BY team, score DESC", "players", DISTINCT_ON),
            h2("INSERT INTO settings (name, val) VALUES (?, ?) ON DUPLICATE KEY UPDATE val = ?", "settings", ON_DUPLICATE_KEY),
            h2("INSERT INTO settings (name, val) VALUES (?, ?) ON CONFLICT DO NOTHING", "settings", ON_CONFLICT),
            h2("MERGE INTO users (id, email) KEY (id) VALUES (?, ?)", "users", OTHER)
                    .because("Babel reads MERGE only with USING; KEY is carved all the same"),
            h2("SELECT id FROM FINAL TABLE (INSERT INTO users (email) VALUES (?))", "users")
                    .because("Babel has no data-change delta tables"));

    static Stream<Case> statements() {
        return CASES.stream();
    }

    /** Parses with the configuration the rewriter uses. */
    static SqlNodeList parse(String masked, Dialect d) throws SqlParseException {
        SqlParser.Config config = SqlParser.config()
                .withParserFactory(SqlBabelParserImpl.FACTORY)
                .withConformance(SqlConformanceEnum.BABEL)
                .withQuoting(d == Dialect.MARIADB ? Quoting.BACK_TICK : Quoting.DOUBLE_QUOTE)
                .withUnquotedCasing(Casing.UNCHANGED).withQuotedCasing(Casing.UNCHANGED)
                .withCaseSensitive(false);
        return SqlParser.create(masked, config).parseStmtList();
    }

    @Test
    void the_table_holds_at_least_sixty_statements_from_every_dialect() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(60);
        for (Dialect d : List.of(POSTGRESQL, MARIADB, H2)) { // the two MariaDB dialects mask alike
            assertThat(CASES).filteredOn(c -> c.dialect() == d).hasSizeGreaterThanOrEqualTo(14);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void a_masked_statement_keeps_its_length_and_every_line_break(Case c) {
        String masked = c.masked().text();

        assertThat(masked).hasSameSizeAs(c.sql());
        for (int k = 0; k < masked.length(); k++) {
            char o = c.sql().charAt(k);
            if (o == '\n' || o == '\r' || masked.charAt(k) == '\n' || masked.charAt(k) == '\r') {
                assertThat(masked.charAt(k)).as("offset %d", k).isEqualTo(o);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void a_masked_statement_records_the_clauses_it_carved(Case c) {
        Masked masked = c.masked();

        assertThat(masked.carved()).extracting(Carve::kind).containsExactlyElementsOf(c.carves());
        for (Carve carve : masked.carved()) {
            assertThat(masked.text().substring(carve.start(), carve.end())).isBlank();
            assertThat(carve.in(c.sql())).doesNotStartWith(" ").doesNotEndWith(" ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void the_sample_name_stays_at_its_offset(Case c) {
        String masked = c.masked().text();

        assertThat(masked.indexOf(c.sample())).isNotNegative().isEqualTo(c.sql().indexOf(c.sample()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void the_parser_reads_the_masked_statement_and_finds_every_name_where_the_original_has_it(Case c) throws SqlParseException {
        String masked = c.masked().text();
        if (c.unparseable() != null) {
            assertThatThrownBy(() -> parse(masked, c.dialect())).as(c.unparseable()).isInstanceOf(SqlParseException.class);
            return;
        }

        List<int[]> names = names(parse(masked, c.dialect()), masked);

        assertThat(names).isNotEmpty();
        for (int[] name : names) {
            String spelled = masked.substring(name[0], name[1]);
            assertThat(spelled).isNotBlank().isEqualTo(c.sql().substring(name[0], name[1]));
        }
        int sample = c.sql().indexOf(c.sample());
        assertThat(names).as("a name covering the sample %s", c.sample())
                .anyMatch(n -> n[0] <= sample && sample + c.sample().length() <= n[1]);
    }

    @Test
    void masking_makes_the_parser_read_every_statement_but_the_few_listed() {
        List<Case> raw = CASES.stream().filter(c -> parses(c.sql(), c.dialect())).toList();
        List<Case> masked = CASES.stream().filter(c -> parses(c.masked().text(), c.dialect())).toList();
        long listed = CASES.stream().filter(c -> c.unparseable() != null).count();

        System.out.printf("masker coverage: %d statements, %d parse raw, %d parse masked, %d listed as unparseable%n",
                CASES.size(), raw.size(), masked.size(), listed);
        assertThat(masked).hasSize(CASES.size() - (int) listed).containsAll(raw);
    }

    @Test
    void sql_calc_found_rows_is_blanked_rather_than_read_as_a_column_with_an_alias() throws SqlParseException {
        String sql = "SELECT SQL_CALC_FOUND_ROWS email FROM users";

        SqlSelect raw = (SqlSelect) parse(sql, MARIADB).get(0);
        SqlSelect masked = (SqlSelect) parse(Masker.mask(sql, MARIADB).text(), MARIADB).get(0);

        // unmasked, Babel reads "SQL_CALC_FOUND_ROWS AS email": a column that does not exist
        assertThat(raw.getSelectList().get(0).getKind()).isEqualTo(SqlKind.AS);
        assertThat(masked.getSelectList()).hasSize(1);
        assertThat(masked.getSelectList().get(0)).isInstanceOfSatisfying(SqlIdentifier.class,
                id -> assertThat(id.getSimple()).isEqualTo("email"));
    }

    @Test
    void a_from_or_using_list_is_carved_and_kept_masked_as_a_select_of_the_same_length() throws SqlParseException {
        String sql = "UPDATE orders o SET status = ? FROM payments p /* paid */ JOIN refunds r USING (id)\n"
                + "WHERE p.order_id = o.id AND p.total > ?::numeric RETURNING o.id";
        Masked masked = Masker.mask(sql, POSTGRESQL);

        Carve list = masked.carved().get(0);
        assertThat(masked.carved()).extracting(Carve::kind).containsExactly(FROM_LIST, RETURNING);
        assertThat(list.in(sql)).isEqualTo("FROM payments p /* paid */ JOIN refunds r USING (id)");
        assertThat(list.select()).hasSameSizeAs(sql).startsWith("SELECT *").contains("FROM payments p")
                .doesNotContain("paid", "status", "WHERE");
        assertThat(list.select().indexOf('\n')).isEqualTo(sql.indexOf('\n'));
        assertThat(names(parse(list.select(), POSTGRESQL), list.select())).extracting(n -> sql.substring(n[0], n[1]))
                .contains("payments", "refunds");
        assertThat(masked.text()).doesNotContain("payments").contains("WHERE p.order_id");

        String delete = "DELETE FROM orders USING users u JOIN roles r USING (user_id) WHERE orders.user_id = u.id";
        Masked deleted = Masker.mask(delete, POSTGRESQL);
        assertThat(deleted.carved()).extracting(c -> c.in(delete)).containsExactly("USING users u JOIN roles r USING (user_id)");
        assertThat(deleted.carved().get(0).select()).startsWith("SELECT *           FROM  users u JOIN");
        assertThat(Masker.mask("UPDATE t SET a = b IS DISTINCT FROM c", POSTGRESQL).carved()).isEmpty();
        assertThat(Masker.mask("UPDATE t SET a = 1 FROM u", MARIADB).carved()).isEmpty();
    }

    @Test
    void a_carve_spans_the_whole_clause_and_counts_the_parameters_it_hides() {
        String sql = "INSERT INTO t (id, a) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET a = ?, b = '?' RETURNING id; SELECT 1";

        Masked masked = Masker.mask(sql, POSTGRESQL);

        assertThat(masked.carved()).extracting(c -> c.kind() + ":" + c.in(sql) + ":" + c.parameters()).containsExactly(
                "ON_CONFLICT:ON CONFLICT (id) DO UPDATE SET a = ?, b = '?':1",
                "RETURNING:RETURNING id:0");
        assertThat(masked.text()).isEqualTo(
                "INSERT INTO t (id, a) VALUES (?, ?) " + " ".repeat(sql.indexOf(';') - 36) + "; SELECT 1");
    }

    @Test
    void a_lock_clause_ends_before_a_limit_that_follows_it() {
        String sql = "SELECT id FROM jobs FOR UPDATE OF jobs SKIP LOCKED LIMIT 1";

        Masked masked = Masker.mask(sql, POSTGRESQL);

        assertThat(masked.carved()).singleElement().extracting(c -> c.in(sql)).isEqualTo("FOR UPDATE OF jobs SKIP LOCKED");
        assertThat(masked.text()).endsWith(" LIMIT 1");
    }

    @Test
    void session_variables_become_parameters_never_names() throws SqlParseException {
        String sql = "SELECT @total, @@session.sql_mode, @`odd name` FROM t";

        String masked = Masker.mask(sql, MARIADB).text();

        assertThat(masked).isEqualTo("SELECT ?     , ?                 , ?           FROM t");
        SqlSelect select = (SqlSelect) parse(masked, MARIADB).get(0);
        assertThat(select.getSelectList()).allMatch(SqlDynamicParam.class::isInstance);
    }

    @Test
    void nothing_inside_strings_comments_or_quoted_names_is_taken_for_syntax() {
        String sql = "SELECT \"for update\", 'RETURNING x; -- y' FROM t /* FOR UPDATE */ WHERE a = 'ON CONFLICT DO NOTHING'";

        Masked masked = Masker.mask(sql, POSTGRESQL);

        assertThat(masked.carved()).isEmpty();
        assertThat(masked.text()).isEqualTo(
                "SELECT \"for update\", 'RETURNING x; -- y' FROM t " + " ".repeat("/* FOR UPDATE */".length()) + " WHERE a = 'ON CONFLICT DO NOTHING'");
    }

    @Test
    void a_name_spelled_like_a_keyword_after_a_dot_stays_a_name() {
        String sql = "UPDATE t SET a = 1 WHERE t.returning = 2 AND t.for = 3";

        assertThat(Masker.mask(sql, POSTGRESQL).text()).isSameAs(sql);
    }

    @Test
    void mysql_escapes_are_neutralised_inside_the_string_without_moving_its_quotes() {
        String sql = "SELECT 'a\\'b\\\\', \"c\\\"d'e\" FROM t";

        assertThat(Masker.mask(sql, MARIADB).text()).isEqualTo("SELECT 'a''b \\', 'c \"d e' FROM t");
    }

    @Test
    void postgresql_string_forms_become_plain_strings() {
        String sql = "SELECT E'a\\'b', $$c'd$$, $x$e$x$, B'101' FROM t";

        assertThat(Masker.mask(sql, POSTGRESQL).text()).isEqualTo("SELECT  'a''b', ' c d ', '  e  ',  '101' FROM t");
    }

    @Test
    void postgresql_standard_strings_keep_their_backslashes() {
        String sql = "SELECT 'C:\\temp\\' FROM t";

        assertThat(Masker.mask(sql, POSTGRESQL).text()).isSameAs(sql);
    }

    @Test
    void json_and_array_operators_become_a_concatenation_of_the_same_length() {
        String sql = "SELECT a->'k', a->>'k', a#>'{k}', a#>>'{k}', a@>b, a<@b, a??'k', a??|b, a??&b, a&&b FROM t";

        assertThat(Masker.mask(sql, POSTGRESQL).text())
                .isEqualTo("SELECT a||'k', a|| 'k', a||'{k}', a|| '{k}', a||b, a||b, a||'k', a|| b, a|| b, a||b FROM t");
    }

    @Test
    void a_parameter_followed_by_a_concatenation_stays_a_parameter() {
        String sql = "SELECT ?||'x', ? || 'y' FROM t";

        assertThat(Masker.mask(sql, POSTGRESQL).text()).isSameAs(sql);
    }

    @Test
    void mysql_needs_a_space_after_a_double_dash_to_start_a_comment() {
        String sql = "SELECT 5--1, 2 -- two\nFROM t";

        assertThat(Masker.mask(sql, MARIADB).text()).isEqualTo("SELECT 5- 1, 2       \nFROM t");
    }

    @Test
    void a_limit_with_offset_and_count_keeps_its_parameters_in_order() throws SqlParseException {
        String sql = "SELECT id FROM t LIMIT ?, ?";

        SqlOrderBy orderBy = (SqlOrderBy) parse(Masker.mask(sql, MARIADB).text(), MARIADB).get(0);

        assertThat(((SqlDynamicParam) orderBy.offset).getIndex()).isZero();
        assertThat(((SqlDynamicParam) orderBy.fetch).getIndex()).isEqualTo(1);
    }

    @Test
    void straight_join_between_tables_becomes_a_join() throws SqlParseException {
        String sql = "SELECT a FROM t STRAIGHT_JOIN u ON t.id = u.id";

        String masked = Masker.mask(sql, MARIADB).text();

        assertThat(masked).isEqualTo("SELECT a FROM t          JOIN u ON t.id = u.id");
        assertThat(parse(masked, MARIADB)).hasSize(1);
    }

    @Test
    void a_function_named_replace_stays_a_function() {
        String sql = "SELECT REPLACE(name, 'a', 'b') FROM t";

        assertThat(Masker.mask(sql, MARIADB).text()).isSameAs(sql);
    }

    @Test
    void a_statement_with_nothing_to_mask_comes_back_as_the_same_string() {
        String sql = "SELECT id FROM users WHERE id = ?";

        Masked masked = Masker.mask(sql, H2);

        assertThat(masked.text()).isSameAs(sql);
        assertThat(masked.carved()).isEmpty();
    }

    @Test
    void unterminated_strings_comments_and_quotes_are_masked_to_the_end_without_failing() {
        for (Dialect d : Dialect.values()) {
            for (String sql : List.of("SELECT 'abc", "SELECT \"abc", "SELECT `abc", "SELECT /* abc", "SELECT $$abc", "SELECT E'a\\",
                    "SELECT a FROM t FOR UPDATE OF (", "SELECT DISTINCT ON (a", "SELECT @", "SELECT $", "INSERT INTO t VALUES (1) ON")) {
                assertThat(Masker.mask(sql, d).text()).as("%s %s", d, sql).hasSameSizeAs(sql);
            }
        }
    }

    @Test
    void deep_nesting_is_scanned_without_recursion() {
        String sql = "SELECT " + "(".repeat(50_000) + "1" + ")".repeat(50_000) + " FROM t FOR UPDATE";

        Masked masked = Masker.mask(sql, POSTGRESQL);

        assertThat(masked.carved()).singleElement().extracting(Carve::kind).isEqualTo(LOCK);
    }

    @Test
    void random_text_keeps_its_length_and_lines_and_never_gains_a_name() {
        List<String> pieces = List.of("SELECT ", "a", "t.", " ", "'", "\"", "`", "\\", "--", "-", "#", "/*", "*/", "/*+", "$$", "$x$",
                "$1", "@", "@@", "v", "?", "??|", "->>", "::", "[]", "(", ")", ";", "\n", "\r\n", "\t", "FOR UPDATE ", "RETURNING ",
                "ON CONFLICT (", "ON DUPLICATE KEY ", "DISTINCT ON (", "E'", "b'", "_utf8mb4'", "INTERVAL '1'", "REPLACE INTO ",
                "SQL_CALC_FOUND_ROWS ", "STRAIGHT_JOIN ", "USE INDEX (", " LIMIT ", " ORDER BY ", "UPDATE ", "DELETE ", "INSERT ",
                "MERGE ", "KEY (", "COLLATE \"C\"", "WITH ROLLUP", ":=", "&&", "<@", "#>", "é", "REGEXP ", "DIV ", "DISTINCTROW ");
        Set<String> written = Set.of("INSERT", "LIKE", "JOIN", "DISTINCT", "OR");
        Random random = new Random(42);
        for (int round = 0; round < 3_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(30); k >= 0; k--) {
                b.append(pieces.get(random.nextInt(pieces.size())));
            }
            String sql = b.toString();
            for (Dialect d : Dialect.values()) {
                String masked = Masker.mask(sql, d).text();
                assertThat(masked).as("%s %s", d, sql).hasSameSizeAs(sql);
                for (int k = 0; k < sql.length(); k++) {
                    char o = sql.charAt(k);
                    char m = masked.charAt(k);
                    if (o == m) {
                        continue;
                    }
                    assertThat(o == '\n' || o == '\r' || m == '\n' || m == '\r').as("%s %s: a line break moved at %d", d, sql, k).isFalse();
                    if (m == '?') {
                        assertThat(o).as("%s %s at %d", d, sql, k).isIn('@', '$');
                    }
                    if (Character.isLetterOrDigit(m) || m == '_') {
                        assertThat(written).as("%s %s: %s at %d", d, sql, masked, k).contains(wordAt(masked, k));
                    }
                }
            }
        }
    }

    private static String wordAt(String s, int k) {
        int from = k;
        int to = k;
        while (from > 0 && Character.isLetterOrDigit(s.charAt(from - 1))) {
            from--;
        }
        while (to < s.length() && Character.isLetterOrDigit(s.charAt(to))) {
            to++;
        }
        return s.substring(from, to);
    }

    private static boolean parses(String sql, Dialect d) {
        try {
            parse(sql, d);
            return true;
        } catch (SqlParseException | RuntimeException e) {
            return false;
        }
    }

    /** Every name the parser reports, as [start, end) offsets into {@code text}. */
    private static List<int[]> names(SqlNodeList statements, String text) {
        int[] lineStarts = lineStarts(text);
        List<int[]> names = new ArrayList<>();
        statements.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                SqlParserPos pos = id.getParserPosition();
                if (pos.getLineNum() > 0) {
                    names.add(new int[] {
                        lineStarts[pos.getLineNum() - 1] + pos.getColumnNum() - 1,
                        lineStarts[pos.getEndLineNum() - 1] + pos.getEndColumnNum()});
                }
                return null;
            }

            @Override
            public Void visit(SqlNodeList list) {
                for (SqlNode node : list) {
                    if (node != null) {
                        node.accept(this);
                    }
                }
                return null;
            }
        });
        return names;
    }

    /** Where each line starts, counting line breaks as Calcite's lexer does ({@code \r\n} is one). */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\n' || (c == '\r' && (k + 1 == text.length() || text.charAt(k + 1) != '\n'))) {
                starts.add(k + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
