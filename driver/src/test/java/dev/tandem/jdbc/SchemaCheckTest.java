package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tandem.sql.ColumnMapping;
import dev.tandem.sql.ColumnMapping.Computed;
import dev.tandem.sql.ColumnMapping.Rename;
import dev.tandem.sql.ColumnMapping.SourceOnly;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.TableName;

/** The live-schema check of one migration, against each real database's metadata. */
class SchemaCheckTest {

    private static final String OTHER = "sc_other";

    /** What the check says of a copied column whose type changes. */
    private enum Verdict { FITS, NARROWER, OTHER_KIND }

    /** A source and a target column type, and the verdict on copying from one to the other. */
    private record TypeCase(String source, String target, Verdict verdict) {
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void fittingMigration_withEveryKindOfColumn_hasNoProblem(TestDatabase database) throws SQLException {
        String nick = quoted(database, "Nick Name");
        String town = quoted(database, "Home Town");
        try (Connection raw = database.raw()) {
            recreate(raw, "sc_users (id INT PRIMARY KEY, name VARCHAR(20), legacy_flag INT NOT NULL, status INT,"
                            + " email VARCHAR(40) NOT NULL, " + nick + " VARCHAR(10), " + town + " VARCHAR(10))",
                    "sc_users_v2 (id BIGINT PRIMARY KEY, full_name VARCHAR(30), status_code VARCHAR(8),"
                            + " email VARCHAR(60) NOT NULL, nick_name VARCHAR(10), " + town + " VARCHAR(10),"
                            + " version INT DEFAULT 1 NOT NULL, note VARCHAR(10), seq " + identity(database) + ")");
            Migration migration = migration("sc_users", "sc_users_v2", List.of("id"),
                    new Rename("name", "full_name"),
                    new SourceOnly("legacy_flag"),
                    // INT to VARCHAR: types are not compared where expressions convert
                    new Computed("status", "status_code", "CAST(status AS VARCHAR(8))", "CAST(status_code AS INT)"),
                    new Rename(nick, "nick_name"));

            assertThat(check(database, raw, migration)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void renamedCompositeKey_fitsAPrimaryKeyOrUniqueIndexInAnyOrder(TestDatabase database) throws SQLException {
        String tenant = quoted(database, "Tenant Id"); // mixed case: each database compares it its own way
        try (Connection raw = database.raw()) {
            recreate(raw,
                    "sc_users (" + tenant + " INT NOT NULL, code VARCHAR(10) NOT NULL, UNIQUE (code, " + tenant + "))",
                    "sc_users_v2 (" + tenant + " INT NOT NULL, sku VARCHAR(10) NOT NULL,"
                            + " PRIMARY KEY (sku, " + tenant + "))");
            Rename sku = new Rename("code", "sku");

            assertThat(check(database, raw, migration("sc_users", "sc_users_v2", List.of(tenant, "code"), sku)))
                    .isEmpty();
            assertThat(check(database, raw, migration("sc_users", "sc_users_v2", List.of(tenant), sku)))
                    .as("a part of a key is not a key")
                    .containsExactly(notAKey(tenant, "source table sc_users"),
                            notAKey(tenant, "target table sc_users_v2"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keyWithOnlyANonUniqueOrPartialIndex_isReported(TestDatabase database) throws SQLException {
        try (Connection raw = database.raw()) {
            recreate(raw, "sc_users (id INT PRIMARY KEY, email VARCHAR(40) NOT NULL)",
                    "sc_users_v2 (id INT PRIMARY KEY, email VARCHAR(40) NOT NULL UNIQUE)");
            // PostgreSQL's partial index is unique only among the rows it covers
            execute(raw, database == TestDatabase.POSTGRES
                    ? "CREATE UNIQUE INDEX sc_users_email ON sc_users (email) WHERE id > 0"
                    : "CREATE INDEX sc_users_email ON sc_users (email)");

            assertThat(check(database, raw, migration("sc_users", "sc_users_v2", List.of("email"))))
                    .containsExactly(notAKey("email", "source table sc_users"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void missingTables_areReported(TestDatabase database) throws SQLException {
        try (Connection raw = database.raw()) {
            recreate(raw, "sc_users (id INT PRIMARY KEY)");

            assertThat(check(database, raw, migration("sc_users", "sc_missing", List.of("id"))))
                    .containsExactly("migration sc-users: target table sc_missing does not exist in schema "
                            + currentSchema(database, raw) + "; create it or fix target: in the routing file");
            assertThat(check(database, raw, migration("sc_nowhere.sc_users", "sc_missing", List.of("id"))))
                    .satisfiesExactly(
                            source -> assertThat(source).startsWith("migration sc-users: source table"
                                    + " sc_nowhere.sc_users does not exist in schema "),
                            target -> assertThat(target).startsWith("migration sc-users: target table sc_missing"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void tablesNamedAlike_areNotTakenForTheTable(TestDatabase database) throws SQLException {
        // the same name in the other case is another table, and _ in a metadata pattern matches any character
        String twin = quoted(database, database == TestDatabase.H2 ? "sc_users_v2" : "SC_USERS_V2");
        try (Connection raw = database.raw()) {
            execute(raw, "DROP TABLE IF EXISTS " + twin, "DROP TABLE IF EXISTS sc_usersxv2");
            recreate(raw, "sc_users (id INT PRIMARY KEY)", twin + " (id INT PRIMARY KEY, extra INT NOT NULL)",
                    "sc_usersxv2 (id INT PRIMARY KEY, extra INT NOT NULL)");
            Migration migration = migration("sc_users", "sc_users_v2", List.of("id"));

            String home = currentSchema(database, raw);
            assertThat(check(database, raw, migration)).singleElement(STRING).satisfiesAnyOf(
                    problem -> assertThat(problem).isEqualTo("migration sc-users: target table sc_users_v2 does not"
                            + " exist in schema " + home + "; create it or fix target: in the routing file"),
                    // MariaDB's metadata spans the server: another database on it may hold a real sc_users_v2
                    problem -> assertThat(problem).startsWith("migration sc-users: target table sc_users_v2 is not in"
                            + " the current schema " + home + " but in ").doesNotContain(home + ","));
            recreate(raw, "sc_users (id INT PRIMARY KEY)", "sc_users_v2 (id INT PRIMARY KEY)");
            assertThat(check(database, raw, migration)).as("extra is in the look-alikes only").isEmpty();

            execute(raw, "DROP TABLE " + twin, "DROP TABLE sc_usersxv2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unqualifiedTable_isInTheCurrentSchema_orAmbiguousWithoutOne(TestDatabase database) throws SQLException {
        boolean mariadb = database == TestDatabase.MARIADB;
        try (Connection raw = database.raw()) {
            execute(raw, (mariadb ? "CREATE DATABASE" : "CREATE SCHEMA") + " IF NOT EXISTS " + OTHER,
                    "DROP TABLE IF EXISTS " + OTHER + ".sc_users", "DROP TABLE IF EXISTS " + OTHER + ".sc_elsewhere");
            recreate(raw, "sc_users (id INT PRIMARY KEY)", "sc_users_v2 (id INT PRIMARY KEY)",
                    OTHER + ".sc_users (id INT PRIMARY KEY)", OTHER + ".sc_elsewhere (id INT PRIMARY KEY)");
            Dialect dialect = dialect(database);
            String home = currentSchema(database, raw);
            Migration users = migration("sc_users", "sc_users_v2", List.of("id"));

            assertThat(SchemaCheck.problems(raw, dialect, users, home)).isEmpty();
            assertThat(SchemaCheck.problems(raw, dialect,
                    migration(OTHER + ".sc_users", "sc_users_v2", List.of("id")), home)).isEmpty();
            // MariaDB's metadata spans the server: another database on it may make the target ambiguous too
            assertThat(SchemaCheck.problems(raw, dialect, users, null))
                    .filteredOn(problem -> !mariadb || problem.contains(" source table ")).singleElement(STRING)
                    .startsWith("migration sc-users: source table sc_users is in several schemas (")
                    .containsIgnoringCase(OTHER).contains(home);
            assertThat(SchemaCheck.problems(raw, dialect,
                    migration("sc_elsewhere", "sc_users_v2", List.of("id")), home)).singleElement(STRING)
                    .startsWith("migration sc-users: source table sc_elsewhere is not in the current schema " + home
                            + " but in ")
                    .containsIgnoringCase(OTHER);

            execute(raw, "DROP TABLE " + OTHER + ".sc_users", "DROP TABLE " + OTHER + ".sc_elsewhere",
                    (mariadb ? "DROP DATABASE " : "DROP SCHEMA ") + OTHER);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void missingKeyColumn_isReportedInBothTables(TestDatabase database) throws SQLException {
        try (Connection raw = database.raw()) {
            recreate(raw, "sc_users (id INT PRIMARY KEY)", "sc_users_v2 (id INT PRIMARY KEY)");

            assertThat(check(database, raw, migration("sc_users", "sc_users_v2", List.of("uid")))).containsExactly(
                    "migration sc-users: source table sc_users has no column uid (named in key:); add it or fix key:"
                            + " in the routing file",
                    "migration sc-users: target table sc_users_v2 has no column uid (key column sc_users.uid); add it"
                            + " or fix key: in the routing file");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keyColumnLeftOutOfTheTargetOrComputed_isReported(TestDatabase database) throws SQLException {
        try (Connection raw = database.raw()) {
            recreate(raw, "sc_users (id INT PRIMARY KEY)", "sc_users_v2 (id INT PRIMARY KEY)");

            assertThat(check(database, raw, migration("sc_users", "sc_users_v2", List.of("id"), new SourceOnly("id"))))
                    .satisfiesExactly(
                            key -> assertThat(key).startsWith("migration sc-users: key column id is source-only in"
                                    + " columns:"),
                            // and so nothing writes the target's id any more
                            id -> assertThat(id).isEqualTo(notNullWithoutDefault(stored(database, "id"))));
            assertThat(check(database, raw, migration("sc_users", "sc_users_v2", List.of("id"),
                    new Computed("id", "id", "id + 0", "id - 0"))))
                    .singleElement(STRING).startsWith("migration sc-users: key column id is computed in columns:");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void mappedColumnMissing_isReportedInItsTable(TestDatabase database) throws SQLException {
        try (Connection raw = database.raw()) {
            recreate(raw, "sc_users (id INT PRIMARY KEY, name VARCHAR(20))",
                    "sc_users_v2 (id INT PRIMARY KEY, fname VARCHAR(20))");
            Migration migration = migration("sc_users", "sc_users_v2", List.of("id"),
                    new Rename("name", "full_name"), new SourceOnly("legacy_flag"));

            assertThat(check(database, raw, migration)).containsExactly(
                    "migration sc-users: source table sc_users has no column legacy_flag (listed in columns:); add it"
                            + " or remove it from columns: in the routing file",
                    "migration sc-users: target table sc_users_v2 has no column full_name (the rename of"
                            + " sc_users.name); add it or fix columns: in the routing file");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unlistedColumnMissingInTheTarget_isReported(TestDatabase database) throws SQLException {
        try (Connection raw = database.raw()) {
            recreate(raw, "sc_users (id INT PRIMARY KEY, email VARCHAR(40))", "sc_users_v2 (id INT PRIMARY KEY)");
            String email = stored(database, "email");

            assertThat(check(database, raw, migration("sc_users", "sc_users_v2", List.of("id")))).containsExactly(
                    "migration sc-users: target table sc_users_v2 has no column " + email + " (copied from sc_users."
                            + email + ", which columns: does not list); add it, or list " + email + " in columns:"
                            + " with its new name, or null to keep it out of the target");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void notNullTargetColumnThatNothingWrites_withoutDefault_isReported(TestDatabase database) throws SQLException {
        try (Connection raw = database.raw()) {
            recreate(raw, "sc_users (id INT PRIMARY KEY, legacy_flag INT)",
                    "sc_users_v2 (id INT PRIMARY KEY, created_by INT NOT NULL, legacy_flag INT NOT NULL,"
                            + " version INT DEFAULT 1 NOT NULL, seq " + identity(database) + ")");
            Migration migration = migration("sc_users", "sc_users_v2", List.of("id"), new SourceOnly("legacy_flag"));

            assertThat(check(database, raw, migration)).containsExactly(
                    notNullWithoutDefault(stored(database, "created_by")),
                    notNullWithoutDefault(stored(database, "legacy_flag")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void copiedColumnTypes_mayWidenButNotNarrowOrChangeKind(TestDatabase database) throws SQLException {
        String single = database == TestDatabase.MARIADB ? "FLOAT" : "REAL"; // MariaDB's REAL is a DOUBLE
        List<TypeCase> cases = new ArrayList<>(List.of(
                narrower("VARCHAR(20)", "VARCHAR(10)"),
                fits("VARCHAR(10)", "VARCHAR(20)"),
                fits("CHAR(4)", "VARCHAR(4)"),
                fits("VARCHAR(10)", database == TestDatabase.H2 ? "CLOB" : "TEXT"),
                otherKind("INT", "VARCHAR(20)"),
                narrower("BIGINT", "INT"),
                narrower("INT", "SMALLINT"),
                fits("SMALLINT", "BIGINT"),
                otherKind("INT", "DECIMAL(12,0)"),
                fits("DECIMAL(10,2)", "DECIMAL(12,2)"),
                narrower("DECIMAL(10,2)", "DECIMAL(10,3)"),
                narrower("DECIMAL(10,2)", "DECIMAL(12,1)"),
                fits(single, "DOUBLE PRECISION"),
                narrower("DOUBLE PRECISION", single),
                fits("BOOLEAN", "BOOLEAN"),
                otherKind("DATE", "TIMESTAMP"),
                fits("TIME", "TIME")));
        switch (database) {
            case H2 -> cases.addAll(List.of(
                    otherKind("TIMESTAMP", "TIMESTAMP WITH TIME ZONE"),
                    otherKind("BOOLEAN", "INT"),
                    fits("UUID", "UUID")));
            case POSTGRES -> cases.addAll(List.of(
                    otherKind("TIMESTAMP", "TIMESTAMPTZ"), // the driver reports both as TIMESTAMP
                    fits("TIMESTAMPTZ", "TIMESTAMPTZ"),
                    otherKind("BOOLEAN", "BIT(1)"), // the driver reports both as BIT
                    narrower("NUMERIC", "NUMERIC(10,2)"),
                    fits("NUMERIC(10,2)", "NUMERIC"),
                    fits("JSONB", "JSONB"),
                    otherKind("JSONB", "JSON")));
            case MARIADB -> cases.addAll(mariadbCases());
        }
        try (Connection raw = database.raw()) {
            assertTypeCases(database, raw, cases);
        }
    }

    /** MariaDB's BOOLEAN is TINYINT(1), whatever the driver's settings make it report. */
    @ParameterizedTest
    @ValueSource(strings = {"", "tinyInt1isBit=false", "transformedBitIsBoolean=false",
            "tinyInt1isBit=false&transformedBitIsBoolean=false"})
    void mariadbBooleans_areCheckedAsTinyint_whateverTheDriverReports(String settings) throws SQLException {
        String url = TestDatabase.MARIADB.rawUrl();
        if (!settings.isEmpty()) {
            url += (url.contains("?") ? "&" : "?") + settings;
        }
        try (Connection raw = DriverManager.getConnection(url)) {
            assertTypeCases(TestDatabase.MARIADB, raw, mariadbCases());
        }
    }

    private static List<TypeCase> mariadbCases() {
        return List.of(
                fits("BOOLEAN", "TINYINT(1)"),
                fits("BOOLEAN", "INT"),
                narrower("INT", "BOOLEAN"),
                fits("BIT(1)", "BOOLEAN"),
                narrower("BOOLEAN", "BIT(1)"),
                fits("BIT(4)", "BIT(8)"),
                narrower("BIT(8)", "BIT(4)"),
                fits("INT UNSIGNED", "BIGINT"),
                fits("INT UNSIGNED", "INT UNSIGNED"),
                narrower("INT UNSIGNED", "INT"),
                narrower("INT", "INT UNSIGNED"),
                fits("MEDIUMINT", "INT"),
                narrower("INT", "MEDIUMINT"),
                narrower("TEXT", "VARCHAR(100)"),
                otherKind("YEAR", "DATE")); // the driver reports YEAR as DATE
    }

    /** Runs each case on a fresh pair of tables whose column v has the source and the target type. */
    private static void assertTypeCases(TestDatabase database, Connection raw, List<TypeCase> cases)
            throws SQLException {
        Migration migration = migration("sc_users", "sc_users_v2", List.of("id"));
        String v = stored(database, "v");
        for (TypeCase typeCase : cases) {
            recreate(raw, "sc_users (id INT PRIMARY KEY, v " + typeCase.source() + ")",
                    "sc_users_v2 (id INT PRIMARY KEY, v " + typeCase.target() + ")");
            List<String> problems = check(database, raw, migration);
            switch (typeCase.verdict()) {
                case FITS -> assertThat(problems).as(typeCase.toString()).isEmpty();
                case NARROWER -> assertThat(problems).as(typeCase.toString()).singleElement(STRING)
                        .startsWith("migration sc-users: target column sc_users_v2." + v + " is ")
                        .contains(", narrower than source column sc_users." + v + " (", "so some values would not fit");
                case OTHER_KIND -> assertThat(problems).as(typeCase.toString()).singleElement(STRING)
                        .startsWith("migration sc-users: source column sc_users." + v + " is ")
                        .contains(" but target column sc_users_v2." + v + " is ", ", a different kind of value;");
            }
        }
    }

    private static TypeCase fits(String source, String target) {
        return new TypeCase(source, target, Verdict.FITS);
    }

    private static TypeCase narrower(String source, String target) {
        return new TypeCase(source, target, Verdict.NARROWER);
    }

    private static TypeCase otherKind(String source, String target) {
        return new TypeCase(source, target, Verdict.OTHER_KIND);
    }

    // ------------------------------------------------------------------ helpers

    private static String notAKey(String key, String table) {
        return "migration sc-users: key (" + key + ") is neither the primary key nor a unique index of " + table
                + "; add a unique index on exactly those columns or fix key: in the routing file";
    }

    private static String notNullWithoutDefault(String column) {
        return "migration sc-users: target column sc_users_v2." + column + " is NOT NULL without a default and no"
                + " source column is written to it, so every mirrored insert would fail; give it a default, allow"
                + " NULL, or map a source column to it in columns:";
    }

    private static List<String> check(TestDatabase database, Connection raw, Migration migration) throws SQLException {
        return SchemaCheck.problems(raw, dialect(database), migration, currentSchema(database, raw));
    }

    private static Migration migration(String source, String target, List<String> key, ColumnMapping... columns) {
        return new Migration("sc-users", TableName.parse(source), TableName.parse(target), key, List.of(columns));
    }

    private static Dialect dialect(TestDatabase database) {
        return switch (database) {
            case H2 -> Dialect.H2;
            case POSTGRES -> Dialect.POSTGRESQL;
            case MARIADB -> Dialect.MARIADB;
        };
    }

    private static String currentSchema(TestDatabase database, Connection raw) throws SQLException {
        return database == TestDatabase.MARIADB ? raw.getCatalog() : raw.getSchema();
    }

    /** An unquoted lower-case name as the database stores it. */
    private static String stored(TestDatabase database, String name) {
        return database == TestDatabase.H2 ? name.toUpperCase(Locale.ROOT) : name;
    }

    private static String quoted(TestDatabase database, String name) {
        String quote = database == TestDatabase.MARIADB ? "`" : "\"";
        return quote + name + quote;
    }

    /** A column the database numbers itself. */
    private static String identity(TestDatabase database) {
        return database == TestDatabase.MARIADB ? "INT NOT NULL AUTO_INCREMENT UNIQUE"
                : "INT GENERATED BY DEFAULT AS IDENTITY";
    }

    /** Drops this test's two tables and creates {@code tables}, each given as {@code name (columns)}. */
    private static void recreate(Connection raw, String... tables) throws SQLException {
        execute(raw, "DROP TABLE IF EXISTS sc_users", "DROP TABLE IF EXISTS sc_users_v2");
        for (String table : tables) {
            execute(raw, "CREATE TABLE " + table);
        }
    }

    private static void execute(Connection raw, String... statements) throws SQLException {
        try (Statement statement = raw.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
