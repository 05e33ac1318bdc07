package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class TandemPropertiesTest {

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void resolve_takesConnectPropertiesOverUrlOverSystemOverEnvironment() throws SQLException {
        Properties given = properties("tandem.client", "from-properties");
        Map<String, String> url = Map.of("tandem.client", "from-url", "tandem.schemaVersion", "3");
        Properties system = properties("tandem.client", "from-system", "tandem.schemaVersion", "4", "tandem.reload", "7");
        Map<String, String> environment = Map.of("TANDEM_CLIENT", "from-env", "TANDEM_SCHEMA_VERSION", "5",
                "TANDEM_RELOAD", "9");

        assertThat(TandemProperties.resolve(given, url, system, environment))
                .isEqualTo(new TandemProperties(null, "from-properties", 3, 7));
        assertThat(TandemProperties.resolve(new Properties(), Map.of(), new Properties(), environment))
                .isEqualTo(new TandemProperties(null, "from-env", 5, 9));
    }

    @Test
    void resolve_withNothingSet_isPassThroughWithDefaultReload() throws SQLException {
        assertThat(TandemProperties.resolve(new Properties(), Map.of(), new Properties(), Map.of()))
                .isEqualTo(TandemProperties.NONE);
    }

    @Test
    void resolve_refusesUnknownTandemKey_namingTheKnownOnes() {
        assertThatThrownBy(() -> TandemProperties.resolve(properties("tandem.confg", "x"), Map.of(), new Properties(),
                Map.of()))
                .isInstanceOf(SQLException.class)
                .hasMessage("tandem: unknown connection property tandem.confg; expected one of tandem.config, "
                        + "tandem.client, tandem.schemaVersion, tandem.reload");
        assertThatThrownBy(() -> TandemProperties.resolve(new Properties(), Map.of("tandem.cleint", "x"),
                new Properties(), Map.of()))
                .hasMessageStartingWith("tandem: unknown URL parameter tandem.cleint");
    }

    @Test
    void resolve_refusesValuesOfTheWrongShape() {
        assertThatThrownBy(() -> TandemProperties.resolve(properties("tandem.schemaVersion", "two"), Map.of(),
                new Properties(), Map.of()))
                .hasMessage("tandem: tandem.schemaVersion is \"two\"; expected an integer");
        assertThatThrownBy(() -> TandemProperties.resolve(properties("tandem.reload", "-1"), Map.of(),
                new Properties(), Map.of()))
                .hasMessage("tandem: tandem.reload is \"-1\"; expected a whole number of seconds, 0 or more");
    }

    @Test
    void resolve_takesTheRoutingFile_fromTheEnvironmentToo() throws SQLException {
        assertThat(TandemProperties.resolve(new Properties(), Map.of(), new Properties(),
                Map.of("TANDEM_CONFIG", "routing.yaml")).config()).isEqualTo("routing.yaml");
    }

    @Test
    void withoutTandemKeys_keepsOnlyTheRealDriversProperties() {
        Properties real = TandemProperties.withoutTandemKeys(
                properties("user", "app", "password", "pw", "tandem.client", "billing"));
        assertThat(real).containsOnlyKeys("user", "password");
    }

    @Test
    void environmentVariable_isUpperSnakeCase() {
        assertThat(TandemProperty.SCHEMA_VERSION.environmentVariable()).isEqualTo("TANDEM_SCHEMA_VERSION");
        assertThat(TandemProperty.CONFIG.environmentVariable()).isEqualTo("TANDEM_CONFIG");
    }
}
