package dev.tandem.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WordScanTest {

    private final WordScan scan = new WordScan(Set.of("users", "Users_V2"));

    private List<String> found(String sql) {
        return scan.find(sql).stream().map(span -> span[0] + ":" + sql.substring(span[0], span[1])).toList();
    }

    @Test
    void names_areFoundAsWholeWords_inAnyCase_andAnyQuotes() {
        assertThat(found("users")).containsExactly("0:users");
        assertThat(found("SELECT u.id FROM USERS u, \"users_v2\" v, `Users`.x"))
                .containsExactly("17:USERS", "27:users_v2", "41:Users");
        assertThat(found("SELECT users.id FROM app.users")).containsExactly("7:users", "25:users");
    }

    @Test
    void longerWords_holdingAName_areNotIt() {
        for (String sql : List.of("xusers", "users2", "users_v3", "$users", "users$", "user", "üusers", "usersé",
                "users_v2x", "SELECT 1 FROM orders_users_archive", "")) {
            assertThat(scan.mayName(sql)).as(sql).isFalse();
        }
        assertThat(scan.mayName("(users)")).isTrue();
        assertThat(scan.mayName("1+users-")).isTrue();
    }
}
