package dev.tandem.sql;

import java.util.Locale;

/**
 * The SQL dialects Tandem reads, with each one's rules for identifiers: how unquoted names fold and
 * which character quotes a name.
 */
public enum Dialect {

    /** Unquoted names fold to lower case; {@code "Name"} keeps its case. */
    POSTGRESQL('"'),
    /**
     * Names compare without regard to case (table names as {@code lower_case_table_names=1} and on
     * every platform for columns); {@code `name`} quotes, and {@code "…"} is a string.
     */
    MARIADB('`'),
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

    /**
     * The name the database sees for an identifier written as {@code text} (quotes included when
     * quoted): what two spellings must agree on to name the same table or column.
     */
    public String canonical(String text) {
        if (text.length() >= 2 && text.charAt(0) == quote && text.charAt(text.length() - 1) == quote) {
            String inner = text.substring(1, text.length() - 1).replace(String.valueOf(quote) + quote, String.valueOf(quote));
            return this == MARIADB ? inner.toLowerCase(Locale.ROOT) : inner;
        }
        return switch (this) {
            case POSTGRESQL, MARIADB -> text.toLowerCase(Locale.ROOT);
            case H2 -> text.toUpperCase(Locale.ROOT);
        };
    }
}
