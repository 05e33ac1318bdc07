package dev.tandem.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@code jdbc:tandem:} URL taken apart: the real driver's URL, with Tandem's own {@code tandem.*}
 * parameters removed from it in both the {@code ?a=b&c=d} and the {@code ;a=b} style.
 *
 * @param realUrl    the URL for the real driver, {@code jdbc:} + what followed {@code jdbc:tandem:}
 * @param parameters Tandem's parameters, in URL order; values in the {@code ?}/{@code &} style are
 *                   percent-decoded, values in the {@code ;} style are taken as written
 */
public record TandemUrl(String realUrl, Map<String, String> parameters) {

    public static final String PREFIX = "jdbc:tandem:";

    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)((?:password|pwd|secret|token|sslpassword)[^=;&?]*=)[^;&]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?;]*:)[^@/]*@");

    public TandemUrl {
        parameters = Map.copyOf(parameters);
    }

    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /** Parses a URL that {@link #accepts} said is Tandem's. */
    public static TandemUrl parse(String url) throws SQLException {
        StringBuilder real = new StringBuilder(url.length()).append("jdbc:").append(url, PREFIX.length(), url.length());
        if (accepts(real.toString())) {
            throw Errors.connection("tandem: the URL names tandem twice: " + mask(url)
                    + "; expected jdbc:tandem: followed by the real driver's URL without its jdbc:");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        int at = 0;
        while ((at = nextTandemParameter(real, at)) >= 0) {
            char separator = real.charAt(at);
            int end = at + 1;
            while (end < real.length() && real.charAt(end) != '&' && real.charAt(end) != ';') {
                end++;
            }
            String segment = real.substring(at + 1, end);
            int equals = segment.indexOf('=');
            if (equals < 0) {
                throw Errors.connection("tandem: URL parameter " + segment + " has no value in " + mask(url)
                        + "; expected " + segment + "=<value>");
            }
            String key = segment.substring(0, equals);
            String value = segment.substring(equals + 1);
            parameters.put(key, separator == ';' ? value : URLDecoder.decode(value, StandardCharsets.UTF_8));
            if (separator == '?' && end < real.length() && real.charAt(end) == '&') {
                real.delete(at + 1, end + 1); // "?tandem.x=1&a=b" keeps its "?" for "a=b"
            } else {
                real.delete(at, end);
            }
        }
        return new TandemUrl(real.toString(), parameters);
    }

    /** Where the next {@code ?tandem.}, {@code &tandem.} or {@code ;tandem.} starts, or -1. */
    private static int nextTandemParameter(CharSequence url, int from) {
        for (int i = from; i < url.length(); i++) {
            char c = url.charAt(i);
            if ((c == '?' || c == '&' || c == ';') && startsWith(url, i + 1, TandemProperty.PREFIX)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(CharSequence text, int offset, String prefix) {
        if (offset + prefix.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(offset + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The URL with passwords and other secrets replaced by {@code ***}, for messages and logs. */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = SECRET_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("$1***@");
    }
}
