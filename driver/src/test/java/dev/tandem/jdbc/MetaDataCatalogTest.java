package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalog the rewriter resolves columns with, read from each real database's metadata. */
class MetaDataCatalogTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void columns_inTableOrder_asStored_exactTableOnly_perSchema(TestDatabase database) throws SQLException {
        boolean mariadb = database == TestDatabase.MARIADB;
        String other = "tandem_cat_other";
        String quote = mariadb ? "`" : "\"";
        try (Connection raw = database.raw(); Statement statement = raw.createStatement()) {
            statement.execute(mariadb ? "CREATE DATABASE IF NOT EXISTS " + other : "CREATE SCHEMA IF NOT EXISTS " + other);
            for (String table : List.of("cat_users", "catxusers", other + ".cat_users")) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
            statement.execute("CREATE TABLE cat_users (id INT PRIMARY KEY, " + quote + "Full Name" + quote
                    + " VARCHAR(20), email VARCHAR(20))");
            statement.execute("CREATE TABLE catxusers (wildcard_match INT)");
            statement.execute("CREATE TABLE " + other + ".cat_users (other_id INT)");
            String home = mariadb ? raw.getCatalog() : raw.getSchema();
            String table = database == TestDatabase.H2 ? "CAT_USERS" : "cat_users";
            String otherSchema = database == TestDatabase.H2 ? other.toUpperCase(Locale.ROOT) : other;
            String id = database == TestDatabase.H2 ? "ID" : "id";
            String email = database == TestDatabase.H2 ? "EMAIL" : "email";

            try (MetaDataCatalog catalog = new MetaDataCatalog(database::raw, mariadb)) {
                assertThat(catalog.columns(home, table)).containsExactly(id, "Full Name", email);
                assertThat(catalog.columns(otherSchema, table)).containsExactly(database == TestDatabase.H2 ? "OTHER_ID" : "other_id");
                assertThat(catalog.columns(null, table)).as("in two schemas: not known").isNull();
                assertThat(catalog.columns(home, "no_such_table")).isNull();

                statement.execute("ALTER TABLE cat_users ADD COLUMN added INT");
                assertThat(catalog.columns(home, table)).as("kept until forgotten").hasSize(3);
                catalog.forget();
                assertThat(catalog.columns(home, table)).hasSize(4);
            }
            for (String drop : List.of("cat_users", "catxusers", other + ".cat_users")) {
                statement.execute("DROP TABLE " + drop);
            }
        }
    }
}
