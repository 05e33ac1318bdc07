package dev.tandem.ops;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new raw connection (never {@code jdbc:tandem:}) to the database a migration lives in. */
@FunctionalInterface
public interface Connections {
    Connection open() throws SQLException;
}
