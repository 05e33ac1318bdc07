package dev.tandem.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Outcome of comparing two reads; describe() never contains a value from a row: a difference is told
 * in counts, column numbers and row numbers only, since rows hold what logs must not (and a column
 * label may too: MariaDB labels {@code SELECT 'x'} with its text).
 *
 * @param matches    whether the shadow read returned what the primary read returned; also true when
 *                   the reads were not compared because one had more rows than the limit
 * @param difference how the reads differ, or why they were not compared; null when they match
 */
record RowComparison(boolean matches, String difference) {

    private static final RowComparison SAME = new RowComparison(true, null);

    /** What to log: the difference, or that the reads match. */
    String describe() {
        return difference == null ? "same rows" : difference;
    }

    /** Whether the rows were compared: false when a read had more rows than the limit. */
    boolean compared() {
        return !matches || difference == null;
    }

    /**
     * Compares the rows of {@code primary} (the source read) with those of {@code shadow} (the same
     * read translated for the target): column count and labels, then the rows, as sequences when
     * {@code ordered}, as multisets otherwise. Reads at most {@code maxRows + 1} rows of each, from
     * where their cursors stand; the caller closes them. When either read has more than {@code maxRows}
     * rows, they are not compared: the result matches and says so, because a comparison cut short
     * would report rows that lie past the cut as missing.
     *
     * <p>Values are equal when the application would take them for the same value, whatever the
     * column types: numbers by value ({@code 5}, {@code 5L} and {@code 5.00} are equal; a double by
     * its shortest decimal form, so that it equals the {@code DECIMAL} it was written as, and a float
     * as the double it widens to, so that a {@code REAL} moved to a {@code DOUBLE} still equals it),
     * strings exactly, binary by content, a date as midnight of that day, times and timestamps
     * without a zone by their local value, with a zone by their instant, arrays element by element,
     * UUIDs as their text, null equal to null; anything else by {@code equals}.
     */
    static RowComparison compare(ResultSet primary, ResultSet shadow, boolean ordered, int maxRows) throws SQLException {
        ResultSetMetaData sourceColumns = primary.getMetaData();
        ResultSetMetaData targetColumns = shadow.getMetaData();
        int columns = sourceColumns.getColumnCount();
        if (columns != targetColumns.getColumnCount()) {
            return new RowComparison(false, "column count " + columns + " vs " + targetColumns.getColumnCount());
        }
        List<String> facts = new ArrayList<>();
        List<Integer> relabelled = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
            if (!sourceColumns.getColumnLabel(column).equals(targetColumns.getColumnLabel(column))) {
                relabelled.add(column);
            }
        }
        if (!relabelled.isEmpty()) {
            facts.add(relabelled.size() == 1 ? "column " + relabelled.get(0) + " label differs"
                    : "labels of columns " + numbers(relabelled) + " differ");
        }
        List<List<Object>> source = read(primary, columns, maxRows);
        List<List<Object>> target = source == null ? null : read(shadow, columns, maxRows);
        if (target == null) {
            String notCompared = "not compared: more than " + maxRows + " rows";
            if (facts.isEmpty()) {
                return new RowComparison(true, notCompared);
            }
            facts.add("rows " + notCompared);
            return new RowComparison(false, String.join("; ", facts));
        }
        compareRows(source, target, columns, ordered, facts);
        return facts.isEmpty() ? SAME : new RowComparison(false, String.join("; ", facts));
    }

    private static void compareRows(List<List<Object>> source, List<List<Object>> target, int columns, boolean ordered,
            List<String> facts) {
        if (source.size() != target.size()) {
            facts.add("row count " + source.size() + " vs " + target.size());
        }
        Map<List<Object>, Integer> balance = new HashMap<>();
        source.forEach(row -> balance.merge(row, 1, Integer::sum));
        target.forEach(row -> balance.merge(row, -1, Integer::sum));
        int onlySource = 0;
        int onlyTarget = 0;
        for (int count : balance.values()) {
            if (count > 0) {
                onlySource += count;
            } else {
                onlyTarget -= count;
            }
        }
        if (onlySource + onlyTarget > 0) {
            StringJoiner only = new StringJoiner(", ");
            if (onlySource > 0) {
                only.add(rows(onlySource) + " only in the source read");
            }
            if (onlyTarget > 0) {
                only.add((onlySource > 0 ? String.valueOf(onlyTarget) : rows(onlyTarget)) + " only in the target read");
            }
            facts.add(only.toString());
            if (source.size() == target.size()) {
                List<Integer> differing = differingColumns(source, target, columns);
                if (!differing.isEmpty()) {
                    facts.add((differing.size() == 1 ? "values differ in column " : "values differ in columns ")
                            + numbers(differing));
                }
            }
        } else if (ordered && !source.equals(target)) {
            int row = 0;
            while (source.get(row).equals(target.get(row))) {
                row++;
            }
            facts.add("same rows in a different order, from row " + (row + 1));
        }
    }

    /** The columns whose values, taken as multisets over all rows, differ: where a translation went wrong. */
    private static List<Integer> differingColumns(List<List<Object>> source, List<List<Object>> target, int columns) {
        List<Integer> differing = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
            Map<Object, Integer> balance = new HashMap<>();
            for (List<Object> row : source) {
                balance.merge(row.get(column), 1, Integer::sum);
            }
            for (List<Object> row : target) {
                balance.merge(row.get(column), -1, Integer::sum);
            }
            if (balance.values().stream().anyMatch(count -> count != 0)) {
                differing.add(column + 1);
            }
        }
        return differing;
    }

    private static String rows(int count) {
        return count == 1 ? "1 row" : count + " rows";
    }

    private static String numbers(List<Integer> columns) {
        StringJoiner joined = new StringJoiner(", ");
        columns.forEach(column -> joined.add(column.toString()));
        return joined.toString();
    }

    /** The rows left in {@code rows}, each as its values made comparable; null when there are more than {@code maxRows}. */
    private static List<List<Object>> read(ResultSet rows, int columns, int maxRows) throws SQLException {
        List<List<Object>> read = new ArrayList<>();
        while (rows.next()) {
            if (read.size() == maxRows) {
                return null;
            }
            Object[] row = new Object[columns];
            for (int column = 1; column <= columns; column++) {
                row[column - 1] = comparable(rows.getObject(column));
            }
            read.add(Arrays.asList(row));
        }
        return read;
    }

    /**
     * {@code value} in a form whose {@code equals} and {@code hashCode} say whether the application
     * would see the same value: see {@link #compare}.
     */
    static Object comparable(Object value) throws SQLException {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return comparableNumber(number);
        }
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        if (value instanceof Character character) {
            return character.toString();
        }
        if (value instanceof java.util.Date date) {
            if (value instanceof java.sql.Date day) {
                return day.toLocalDate().atStartOfDay();
            }
            if (value instanceof Timestamp timestamp) {
                return timestamp.toLocalDateTime();
            }
            if (value instanceof Time time) {
                // toLocalTime() drops the milliseconds
                return time.toLocalTime().withNano((int) Math.floorMod(time.getTime(), 1000L) * 1_000_000);
            }
            return date.toInstant();
        }
        if (value instanceof LocalDate day) {
            return day.atStartOfDay();
        }
        if (value instanceof LocalDateTime || value instanceof LocalTime || value instanceof Instant) {
            return value;
        }
        if (value instanceof OffsetDateTime moment) {
            return moment.toInstant();
        }
        if (value instanceof ZonedDateTime moment) {
            return moment.toInstant();
        }
        if (value instanceof OffsetTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        return comparableObject(value);
    }

    private static Object comparableNumber(Number number) {
        BigDecimal decimal;
        if (number instanceof BigDecimal exact) {
            decimal = exact;
        } else if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            decimal = BigDecimal.valueOf(number.longValue());
        } else if (number instanceof BigInteger big) {
            decimal = new BigDecimal(big);
        } else if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                return d;
            }
            decimal = BigDecimal.valueOf(d);
        } else {
            try {
                decimal = new BigDecimal(number.toString());
            } catch (NumberFormatException notDecimal) {
                return number;
            }
        }
        // 5.00 and 5 differ in scale only; with trailing zeros stripped they are equal and hash alike
        return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
    }

    private static Object comparableObject(Object value) throws SQLException {
        if (value instanceof Clob clob) {
            try {
                return clob.getSubString(1, Math.toIntExact(clob.length()));
            } finally {
                clob.free();
            }
        }
        if (value instanceof Blob blob) {
            try {
                return ByteBuffer.wrap(blob.getBytes(1, Math.toIntExact(blob.length())));
            } finally {
                blob.free();
            }
        }
        if (value instanceof SQLXML xml) {
            try {
                return xml.getString();
            } finally {
                xml.free();
            }
        }
        if (value instanceof Array array) {
            try {
                return comparable(array.getArray());
            } finally {
                array.free();
            }
        }
        if (value instanceof Struct struct) {
            return elements(struct.getAttributes());
        }
        if (value.getClass().isArray()) {
            return elements(value);
        }
        return value;
    }

    /** The elements of an array of objects or primitives, each made comparable. */
    private static List<Object> elements(Object array) throws SQLException {
        int length = java.lang.reflect.Array.getLength(array);
        Object[] elements = new Object[length];
        for (int i = 0; i < length; i++) {
            elements[i] = comparable(java.lang.reflect.Array.get(array, i));
        }
        return Arrays.asList(elements);
    }
}
