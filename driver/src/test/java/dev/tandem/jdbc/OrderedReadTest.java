package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whether a read promises the order of its rows: only an ORDER BY of its outermost query does. */
class OrderedReadTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT id, name FROM users ORDER BY id",
        "select id from users order by id limit 5",
        "SELECT id FROM users ORDER\n  BY id DESC FETCH FIRST 5 ROWS ONLY",
        "SELECT id FROM users ORDER /* why */ BY id",
        "SELECT id FROM users -- latest first\nORDER BY id",
        "SELECT a FROM t UNION SELECT b FROM u ORDER BY 1",
        "(SELECT a FROM t) UNION ALL (SELECT b FROM u) ORDER BY 1",
        "WITH recent AS (SELECT * FROM users WHERE id > 5) SELECT * FROM recent ORDER BY id",
        "SELECT ROW_NUMBER() OVER (ORDER BY id) AS n, id FROM users ORDER BY n",
        "SELECT 'it''s' AS a, \"Order\" FROM users ORDER BY a",
        "SELECT `order` FROM users ORDER BY `order`",
        "SELECT $$ ( $$ AS a FROM users ORDER BY a",
        "SELECT id FROM users WHERE name <> '' ORDER BY id FOR UPDATE",
    })
    void anOrderByOfTheOutermostQuery_ordersRows(String sql) {
        assertThat(OrderedRead.ordersRows(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT id, name FROM users",
        "SELECT * FROM (SELECT id FROM users ORDER BY id) t",
        "SELECT * FROM (SELECT id FROM users ORDER BY id LIMIT 5) t WHERE id > 2",
        "(SELECT a FROM t ORDER BY a) UNION (SELECT b FROM u ORDER BY b)",
        "WITH recent AS (SELECT * FROM users ORDER BY id LIMIT 5) SELECT * FROM recent",
        "SELECT ROW_NUMBER() OVER (ORDER BY id) FROM users",
        "SELECT string_agg(name, ',' ORDER BY name) FROM users",
        "SELECT id FROM users WHERE name = 'order by id'",
        "SELECT id FROM users WHERE name = 'it''s ORDER BY id'",
        "SELECT \"order by\" FROM users",
        "SELECT `order by` FROM users",
        "SELECT id FROM users -- ORDER BY id",
        "SELECT id FROM users /* ORDER BY id */",
        "SELECT id FROM users # ORDER BY id",
        "SELECT $$ORDER BY id$$ FROM users",
        "SELECT $q$ ) ORDER BY id $q$ FROM users",
        "SELECT id FROM users ORDER_BY",
        "SELECT border, by_name FROM users",
        "SELECT id FROM users ORDER",
        // MariaDB reads \\' as a quote inside the string, PostgreSQL and H2 as the string's end: not known, so not ordered
        "SELECT id FROM users WHERE name = 'x\\' ORDER BY id --'",
        "SELECT id FROM users WHERE name = 'unclosed ORDER BY id",
        "SELECT id FROM users ORDER BY id, 'unclosed",
        "SELECT id FROM users) ORDER BY id",
        "SELECT id FROM (users ORDER BY id",
    })
    void noOrderByOfTheOutermostQuery_ordersNothing(String sql) {
        assertThat(OrderedRead.ordersRows(sql)).isFalse();
    }
}
