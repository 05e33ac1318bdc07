package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TandemUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " -> ", value = {
        "jdbc:tandem:h2:mem:app -> jdbc:h2:mem:app",
        "jdbc:tandem:postgresql://db:5432/app -> jdbc:postgresql://db:5432/app",
        "jdbc:tandem:postgresql://db/app?tandem.client=billing -> jdbc:postgresql://db/app",
        "jdbc:tandem:postgresql://db/app?tandem.client=billing&user=app -> jdbc:postgresql://db/app?user=app",
        "jdbc:tandem:postgresql://db/app?user=app&tandem.client=billing -> jdbc:postgresql://db/app?user=app",
        "jdbc:tandem:postgresql://db/app?user=app&tandem.client=billing&ssl=true -> jdbc:postgresql://db/app?user=app&ssl=true",
        "jdbc:tandem:mariadb://db/app?tandem.client=a&tandem.schemaVersion=2 -> jdbc:mariadb://db/app",
        "jdbc:tandem:h2:mem:app;DB_CLOSE_DELAY=-1;tandem.client=billing -> jdbc:h2:mem:app;DB_CLOSE_DELAY=-1",
        "jdbc:tandem:h2:mem:app;tandem.client=billing;DB_CLOSE_DELAY=-1 -> jdbc:h2:mem:app;DB_CLOSE_DELAY=-1",
        "jdbc:tandem:postgresql://db/app?user=x&mytandem.client=1 -> jdbc:postgresql://db/app?user=x&mytandem.client=1",
    })
    void parse_removesTandemParameters_andKeepsEverythingElse(String url, String real) throws SQLException {
        assertThat(TandemUrl.parse(url).realUrl()).isEqualTo(real);
    }

    @Test
    void parse_collectsParameters_decodingOnlyQueryStyleValues() throws SQLException {
        assertThat(TandemUrl.parse("jdbc:tandem:postgresql://db/app?tandem.client=team%20a&tandem.reload=0").parameters())
                .isEqualTo(Map.of("tandem.client", "team a", "tandem.reload", "0"));
        assertThat(TandemUrl.parse("jdbc:tandem:h2:mem:app;tandem.config=/etc/tandem/a%20b.yaml").parameters())
                .isEqualTo(Map.of("tandem.config", "/etc/tandem/a%20b.yaml"));
    }

    @Test
    void parse_refusesParameterWithoutValue() {
        assertThatThrownBy(() -> TandemUrl.parse("jdbc:tandem:h2:mem:app;tandem.client"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("tandem.client has no value")
                .hasMessageContaining("expected tandem.client=<value>");
    }

    @Test
    void parse_refusesTandemNamedTwice() {
        assertThatThrownBy(() -> TandemUrl.parse("jdbc:tandem:tandem:h2:mem:app"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("names tandem twice");
    }

    @Test
    void accepts_onlyTandemUrls() {
        assertThat(TandemUrl.accepts("jdbc:tandem:h2:mem:x")).isTrue();
        assertThat(TandemUrl.accepts("jdbc:h2:mem:x")).isFalse();
        assertThat(TandemUrl.accepts("jdbc:postgresql://db/tandem")).isFalse();
        assertThat(TandemUrl.accepts("JDBC:TANDEM:h2:mem:x")).isFalse();
        assertThat(TandemUrl.accepts(null)).isFalse();
    }

    @Test
    void mask_hidesPasswordsAndUserInfo() {
        assertThat(TandemUrl.mask("jdbc:postgresql://db/app?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/app?user=app&password=***&ssl=true");
        assertThat(TandemUrl.mask("jdbc:h2:mem:app;PASSWORD=s3cret;USER=sa"))
                .isEqualTo("jdbc:h2:mem:app;PASSWORD=***;USER=sa");
        assertThat(TandemUrl.mask("jdbc:mariadb://app:s3cret@db:3306/app"))
                .isEqualTo("jdbc:mariadb://app:***@db:3306/app");
        assertThat(TandemUrl.mask("jdbc:postgresql://db/app?sslpassword=k3y")).doesNotContain("k3y");
    }
}
