package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class TandemDriverTest {

    @Test
    void driverManager_findsTandemForTandemUrls_throughServiceRegistration() throws SQLException {
        assertThat(DriverManager.getDriver("jdbc:tandem:h2:mem:x")).isInstanceOf(TandemDriver.class);
        assertThat(DriverManager.getDriver("jdbc:h2:mem:x")).isNotInstanceOf(TandemDriver.class);
    }

    @Test
    void connect_returnsNullForAnotherDriversUrl() throws SQLException {
        assertThat(new TandemDriver().connect("jdbc:h2:mem:x", new Properties())).isNull();
    }

    @Test
    void connect_removesTandemParametersBeforeTheRealDriverSeesThem() throws SQLException {
        // H2 refuses settings it does not know, so this only connects if tandem.* was taken out
        Properties info = new Properties();
        info.setProperty("tandem.schemaVersion", "2");
        try (Connection connection = DriverManager.getConnection(
                "jdbc:tandem:h2:mem:driver;DB_CLOSE_DELAY=-1;tandem.client=billing", info)) {
            TandemConnection tandem = connection.unwrap(TandemConnection.class);
            assertThat(tandem.properties().client()).isEqualTo("billing");
            assertThat(tandem.properties().schemaVersion()).isEqualTo(2);
            assertThat(connection.getMetaData().getURL())
                    .isEqualTo("jdbc:tandem:h2:mem:driver;DB_CLOSE_DELAY=-1;tandem.client=billing");
        }
    }

    @Test
    void connect_givesTheRealDriverItsUrlAndProperties_withoutTandems() throws SQLException {
        RecordingDriver real = new RecordingDriver();
        DriverManager.registerDriver(real);
        try {
            Properties info = new Properties();
            info.setProperty("user", "app");
            info.setProperty("tandem.schemaVersion", "2");
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:tandem:recording://db/app?tandem.client=billing&ssl=true;tandem.reload=0", info)) {
                assertThat(connection).isInstanceOf(TandemConnection.class);
                assertThat(((TandemConnection) connection).properties())
                        .isEqualTo(new TandemProperties(null, "billing", 2, 0));
            }
            assertThat(real.url).isEqualTo("jdbc:recording://db/app?ssl=true");
            assertThat(real.info).containsOnlyKeys("user");
            assertThat(info).containsKey("tandem.schemaVersion"); // the caller's Properties are not changed
        } finally {
            DriverManager.deregisterDriver(real);
        }
    }

    /** A driver for {@code jdbc:recording:} that remembers what it was asked to connect to. */
    private static final class RecordingDriver implements java.sql.Driver {
        String url;
        Properties info;

        @Override
        public Connection connect(String url, Properties info) {
            if (!acceptsURL(url)) {
                return null;
            }
            this.url = url;
            this.info = info;
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> null);
        }

        @Override
        public boolean acceptsURL(String url) {
            return url.startsWith("jdbc:recording:");
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return null;
        }
    }

    @Test
    void connect_withoutARealDriver_saysWhichUrl_withItsPasswordMasked() {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:tandem:nosuchdb://db/app?password=s3cret"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("tandem: no JDBC driver accepts jdbc:nosuchdb://db/app?password=***")
                .hasMessageNotContaining("s3cret")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
    }

    @Test
    void connect_withARoutingFileThatCannotBeRead_isRefused_namingTheFile() {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:tandem:h2:mem:x;tandem.config=no-such-routing.yaml"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no-such-routing.yaml", "no such file or directory")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
    }

    @Test
    void getPropertyInfo_listsTandemsPropertiesThenTheRealDrivers() throws SQLException {
        DriverPropertyInfo[] info = new TandemDriver().getPropertyInfo("jdbc:tandem:h2:mem:x;tandem.client=a",
                new Properties());
        assertThat(Arrays.stream(info).map(p -> p.name))
                .startsWith("tandem.config", "tandem.client", "tandem.schemaVersion", "tandem.reload");
        assertThat(info[1].value).isEqualTo("a");
        assertThat(info[3].value).isEqualTo("5");
        assertThat(info).allSatisfy(p -> assertThat(p.description).isNotBlank());
        assertThat(new TandemDriver().getPropertyInfo("jdbc:h2:mem:x", new Properties())).isEmpty();
    }

    @Test
    void versions_comeFromTheBuild() {
        TandemDriver driver = new TandemDriver();
        assertThat(Version.VERSION).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(driver.getMajorVersion() + "." + driver.getMinorVersion() + ".").isSubstringOf(Version.VERSION + ".");
        assertThat(driver.jdbcCompliant()).isFalse();
    }
}
