package dev.tandem.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;

final class SchemaCheck {
    private SchemaCheck() {
    }

    static List<String> problems(Connection connection, Dialect dialect, Migration migration, String currentSchema)
            throws SQLException {
        return List.of();
    }
}
