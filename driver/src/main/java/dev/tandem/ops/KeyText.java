package dev.tandem.ops;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A key ({@code Object[]} of the key columns' values) as text for the checkpoint tables, and back as
 * values of the same Java types, so that a resumed run binds them as the first run read them. Each
 * value is {@code <tag>:<text>} with {@code \} and {@code ,} escaped, joined by commas.
 */
final class KeyText {

    private KeyText() {
    }

    static String encode(Object[] key) {
        if (key == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Object value : key) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(tag(value)).append(':').append(escape(plain(value)));
        }
        return text.toString();
    }

    static Object[] decode(String text) {
        if (text == null) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '\\' && i + 1 < text.length()) {
                part.append(text.charAt(++i));
            } else if (c == ',') {
                values.add(value(part.toString()));
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        return values.toArray();
    }

    /** The key for people: {@code id=42}, {@code tenant=7, id=42}. */
    static String show(List<String> columns, Object[] key) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < key.length; i++) {
            text.append(i == 0 ? "" : ", ").append(i < columns.size() ? columns.get(i) : "key" + i).append('=');
            text.append(key[i] instanceof String s ? "'" + s.replace("'", "''") + "'" : plain(key[i]));
        }
        return text.toString();
    }

    private static char tag(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return 'i';
        }
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            return 'n';
        }
        if (value instanceof String) {
            return 's';
        }
        if (value instanceof UUID) {
            return 'u';
        }
        if (value instanceof LocalDate) {
            return 'd';
        }
        if (value instanceof LocalDateTime) {
            return 't';
        }
        if (value instanceof LocalTime) {
            return 'h';
        }
        if (value instanceof OffsetDateTime) {
            return 'z';
        }
        if (value instanceof Boolean) {
            return 'b';
        }
        if (value instanceof byte[]) {
            return 'x';
        }
        throw new IllegalArgumentException("a key value of type " + (value == null ? "null" : value.getClass().getName())
                + " cannot be kept in the checkpoint; keys of numbers, strings, UUIDs, dates and times can");
    }

    private static String plain(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return String.valueOf(value);
    }

    private static Object value(String part) {
        String text = part.substring(2);
        return switch (part.charAt(0)) {
            case 'i' -> Long.valueOf(text);
            case 'n' -> new BigDecimal(text);
            case 's' -> text;
            case 'u' -> UUID.fromString(text);
            case 'd' -> LocalDate.parse(text);
            case 't' -> LocalDateTime.parse(text);
            case 'h' -> LocalTime.parse(text);
            case 'z' -> OffsetDateTime.parse(text);
            case 'b' -> Boolean.valueOf(text);
            case 'x' -> HexFormat.of().parseHex(text);
            default -> throw new IllegalArgumentException("not a key in the checkpoint: " + part);
        };
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(",", "\\,");
    }
}
