package dev.tandem.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as an application meets it: loaded beside Guava 18, SLF4J and H2 and nothing else
 * (the parent is the platform class loader, so this module's own class path, which holds the unshaded
 * driver, is out of sight), it routes a read to the target and mirrors a write into both tables.
 */
class BundleIsolationIT {

    private static Path jar;
    private static URLClassLoader application;
    private static Driver tandem;
    private static Driver h2;

    @TempDir
    static Path dir;

    @BeforeAll
    static void loadTheJarBesideAnOldGuava() throws Exception {
        jar = Path.of(System.getProperty("tandem.bundle.jar"));
        Path libraries = Path.of(System.getProperty("tandem.bundle.application"));
        List<URL> urls = new ArrayList<>();
        urls.add(jar.toUri().toURL());
        try (Stream<Path> files = Files.list(libraries)) {
            for (Path file : files.sorted().toList()) {
                urls.add(file.toUri().toURL());
            }
        }
        application = new URLClassLoader("application", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        // DriverManager only hands a driver to callers whose class loader sees its class; calling the
        // drivers directly keeps this test's own loader out of the question.
        tandem = (Driver) Class.forName("dev.tandem.jdbc.TandemDriver", true, application)
                .getDeclaredConstructor().newInstance();
        h2 = (Driver) Class.forName("org.h2.Driver", true, application).getDeclaredConstructor().newInstance();
    }

    @AfterAll
    static void close() throws IOException {
        application.close();
    }

    @Test
    void theApplicationSeesItsOwnOldGuava_andTandemItsShadedOne() throws Exception {
        Class<?> objects = Class.forName("com.google.common.base.Objects", false, application);
        // Objects.toStringHelper was removed in Guava 21; ImmutableList.toImmutableList came in 21
        assertThat(objects.getMethod("toStringHelper", Object.class)).isNotNull();
        assertThat(objects.getProtectionDomain().getCodeSource().getLocation().getPath()).contains("guava-18.0");
        assertThat(methodNames(Class.forName("com.google.common.collect.ImmutableList", false, application)))
                .doesNotContain("toImmutableList");
        Class<?> shaded = Class.forName("dev.tandem.shaded.com.google.common.collect.ImmutableList", false, application);
        assertThat(methodNames(shaded)).contains("toImmutableList");
        assertThat(shaded.getClassLoader()).isSameAs(application);
    }

    @Test
    void aRoutedReadIsServedFromTheTarget_andAMirroredWriteReachesBothTables() throws Exception {
        String h2Url = "jdbc:h2:mem:bundle_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection seed = h2.connect(h2Url, new Properties()); Statement ddl = seed.createStatement()) {
            ddl.execute("CREATE TABLE users(id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, balance BIGINT NOT NULL)");
            ddl.execute("CREATE TABLE users_v2(id BIGINT PRIMARY KEY, full_name VARCHAR(64) NOT NULL, balance BIGINT NOT NULL)");
            ddl.execute("INSERT INTO users VALUES (1, 'ada', 10), (2, 'grace', 20)");
            ddl.execute("INSERT INTO users_v2 VALUES (1, 'v2 ada', 10), (2, 'v2 grace', 20)");
        }
        Path routing = dir.resolve("routing.yaml");
        Files.writeString(routing, """
                migrations:
                  users-v2:
                    source: users
                    target: users_v2
                    key: [id]
                    columns: {name: full_name}
                    phase: cutover
                    reads: {percent: 100}
                """, StandardCharsets.UTF_8);
        Properties properties = new Properties();
        properties.setProperty("tandem.config", routing.toString());
        properties.setProperty("tandem.reload", "0");

        ClassLoader context = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(application);
        try (Connection connection = tandem.connect("jdbc:tandem:" + h2Url.substring("jdbc:".length()), properties)) {
            assertThat(connection.getClass().getName()).isEqualTo("dev.tandem.jdbc.TandemConnection");
            assertThat(connection.getClass().getClassLoader()).isSameAs(application);

            try (PreparedStatement read = connection.prepareStatement("SELECT name FROM users WHERE id = ?")) {
                read.setLong(1, 2);
                try (ResultSet rows = read.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString("name")).isEqualTo("v2 grace");
                }
            }

            try (PreparedStatement write = connection.prepareStatement(
                    "INSERT INTO users (id, name, balance) VALUES (?, ?, ?)")) {
                write.setLong(1, 3);
                write.setString(2, "edsger");
                write.setLong(3, 30);
                assertThat(write.executeUpdate()).isEqualTo(1);
            }
            try (Statement update = connection.createStatement()) {
                assertThat(update.executeUpdate("UPDATE users SET balance = balance + 1 WHERE id = 1")).isEqualTo(1);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(context);
        }

        try (Connection raw = h2.connect(h2Url, new Properties()); Statement check = raw.createStatement()) {
            assertThat(rows(check, "SELECT id, name, balance FROM users ORDER BY id"))
                    .containsExactly("1 ada 11", "2 grace 20", "3 edsger 30");
            assertThat(rows(check, "SELECT id, full_name, balance FROM users_v2 ORDER BY id"))
                    // the mirror copies the source's row whole: id 1 is the source's again
                    .containsExactly("1 ada 11", "2 v2 grace 20", "3 edsger 30");
            check.execute("SHUTDOWN");
        }
    }

    @Test
    void aStatementTheParserCannotRead_reachesTheDatabase() throws Exception {
        String h2Url = "jdbc:h2:mem:bundle_parse_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection seed = h2.connect(h2Url, new Properties()); Statement ddl = seed.createStatement()) {
            ddl.execute("CREATE TABLE users(id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL)");
            ddl.execute("CREATE TABLE users_v2(id BIGINT PRIMARY KEY, full_name VARCHAR(64) NOT NULL)");
        }
        Path routing = dir.resolve("parse.yaml");
        Files.writeString(routing, """
                migrations:
                  users-v2-parse:
                    source: users
                    target: users_v2
                    key: [id]
                    columns: {name: full_name}
                    phase: cutover
                    reads: {percent: 100}
                """, StandardCharsets.UTF_8);
        Properties properties = new Properties();
        properties.setProperty("tandem.config", routing.toString());
        properties.setProperty("tandem.reload", "0");
        try (Connection connection = tandem.connect("jdbc:tandem:" + h2Url.substring("jdbc:".length()), properties);
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT name FROM users WHERE id = = 1"))
                    .isInstanceOf(SQLException.class)
                    // Tandem cannot route what it cannot parse and leaves it to the database to refuse
                    .hasMessageContaining("Syntax error");
        }
        try (Connection raw = h2.connect(h2Url, new Properties()); Statement shutdown = raw.createStatement()) {
            shutdown.execute("SHUTDOWN");
        }
    }

    @Test
    void aParseError_isReportedWithCalcitesMessage() throws Exception {
        // what the routing file's checks say of a computed column that is not an expression
        Class<?> dialect = Class.forName("dev.tandem.sql.Dialect", true, application);
        Object h2Dialect = dialect.getField("H2").get(null);
        Object problem = Class.forName("dev.tandem.sql.SqlRewriter", true, application)
                .getMethod("expressionProblem", String.class, dialect).invoke(null, "price *", h2Dialect);
        assertThat((String) problem).startsWith("cannot parse: ").contains("Encountered").contains("line 1, column");
    }

    @Test
    void calcitesMessages_areReadFromTheirRelocatedPropertiesFile() throws Exception {
        String resource = "dev.tandem.shaded.org.apache.calcite.runtime.CalciteResource";
        ResourceBundle bundle = ResourceBundle.getBundle(resource, Locale.ROOT, application);
        assertThat(bundle.getString("IllegalLiteral")).contains("{0}");
        // and through Calcite's own Resources proxy, which finds the file by the interface's name
        Object messages = Class.forName("dev.tandem.shaded.org.apache.calcite.util.Static", true, application)
                .getField("RESOURCE").get(null);
        Method illegalLiteral = messages.getClass().getMethod("illegalLiteral", String.class, String.class, String.class);
        Object instance = illegalLiteral.invoke(messages, "DATE", "'x'", "bad");
        assertThat((String) instance.getClass().getMethod("str").invoke(instance))
                .isEqualTo(bundle.getString("IllegalLiteral").replace("{0}", "DATE").replace("{1}", "'x'")
                        .replace("{2}", "bad").replace("''", "'"));
    }

    @Test
    void theJarHoldsNoClassOutsideTandemsPackagesAndTheRelocationPrefix() throws IOException {
        List<String> stray = new ArrayList<>();
        List<String> services = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.startsWith("dev/tandem/")) {
                    stray.add(name);
                }
                if (name.startsWith("META-INF/versions/") || name.endsWith("module-info.class")) {
                    stray.add(name);
                }
                if (name.startsWith("META-INF/services/") && !entry.isDirectory()) {
                    services.add(name.substring("META-INF/services/".length()));
                }
            }
            assertThat(stray).as("classes neither Tandem's nor relocated").isEmpty();
            assertThat(services).allMatch(s -> s.equals("java.sql.Driver") || s.startsWith("dev.tandem.shaded."));
            try (var in = file.getInputStream(file.getEntry("META-INF/services/java.sql.Driver"))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")))
                        .containsExactly("dev.tandem.jdbc.TandemDriver");
            }
        }
        assertThat(ServiceLoader.load(Driver.class, application).stream().map(p -> p.type().getName()))
                .contains("dev.tandem.jdbc.TandemDriver", "org.h2.Driver");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getEntry("org/slf4j/Logger.class")).as("SLF4J is the application's").isNull();
        }
    }

    private static List<String> methodNames(Class<?> type) {
        return Stream.of(type.getMethods()).map(Method::getName).toList();
    }

    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3));
            }
        }
        return rows;
    }
}
