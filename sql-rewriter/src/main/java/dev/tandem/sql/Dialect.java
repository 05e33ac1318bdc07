package dev.tandem.sql;

import java.util.Locale;

/**
 * The SQL dialects Tandem reads, with each one's rules for identifiers: how unquoted names fold,
 * which character quotes a name, and whether table names compare with or without regard to case.
 */
public enum Dialect {

    /** Unquoted names fold to lower case; {@code "Name"} keeps its case. */
    POSTGRESQL('"'),
    /**
     * MariaDB and MySQL with {@code lower_case_table_names=0} (the default on Linux): table, schema and
     * table alias names are compared exactly as written, so {@code Users} and {@code users} are two
     * tables; column names and column aliases are compared without regard to case. {@code `name`}
     * quotes, and {@code "…"} is a string.
     */
    MARIADB('`'),
    /**
     * MariaDB and MySQL with {@code lower_case_table_names} 1 or 2 (the default on Windows and macOS):
     * every name is compared without regard to case.
     */
    MARIADB_LOWER_CASE_TABLES('`'),
    /** Unquoted names fold to upper case; {@code "Name"} keeps its case. */
    H2('"');

    private final char quote;

    Dialect(char quote) {
        this.quote = quote;
    }

    /** The character that quotes an identifier. */
    public char quote() {
        return quote;
    }

    /** Whether this is MariaDB's (and MySQL's) syntax. */
    public boolean mariadb() {
        return this == MARIADB || this == MARIADB_LOWER_CASE_TABLES;
    }

    /**
     * The name the database sees for a column or column alias written as {@code text} (quotes
     * included when quoted): what two spellings must agree on to name the same column.
     */
    public String canonical(String text) {
        String inner = unquoted(text);
        if (inner != null) {
            return mariadb() ? inner.toLowerCase(Locale.ROOT) : inner;
        }
        return this == H2 ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT);
    }

    /**
     * The name the database sees for a table, schema, table alias or common table expression written
     * as {@code text}: what two spellings must agree on to name the same table. It is also the form
     * the {@link Catalog} is asked with.
     */
    public String canonicalTable(String text) {
        if (this != MARIADB) {
            return canonical(text);
        }
        String inner = unquoted(text);
        return inner != null ? inner : text;
    }

    /**
     * {@code stored}, a name as the database stores it, written so that this dialect reads it back as
     * that name: as it is when it is a plain word that folds to itself, quoted otherwise.
     */
    public String identifier(String stored) {
        boolean plain = !stored.isEmpty() && (Character.isLetter(stored.charAt(0)) || stored.charAt(0) == '_');
        for (int i = 1; plain && i < stored.length(); i++) {
            char c = stored.charAt(i);
            plain = Character.isLetterOrDigit(c) || c == '_';
        }
        if (plain && canonical(stored).equals(stored) && canonicalTable(stored).equals(stored)) {
            return stored;
        }
        String q = String.valueOf(quote);
        return q + stored.replace(q, q + q) + q;
    }

    /** The name inside its quotes, doubled quotes undone; null when {@code text} is not quoted. */
    private String unquoted(String text) {
        if (text.length() >= 2 && text.charAt(0) == quote && text.charAt(text.length() - 1) == quote) {
            return text.substring(1, text.length() - 1).replace(String.valueOf(quote) + quote, String.valueOf(quote));
        }
        return null;
    }
}
