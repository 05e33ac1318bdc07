package dev.tandem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calls every method of every JDBC 4.3 interface Tandem wraps, on a wrapper around a recording fake,
 * and checks that the call reached the real object, and that whatever links back to a JDBC object is
 * Tandem's. Catches a default method left to the interface (JDBC 4.2/4.3 defaults throw or do nothing).
 */
class DelegationTest {

    /** Methods answered by Tandem itself, and why. */
    private static final Set<String> ANSWERED_BY_TANDEM = Set.of(
            "getConnection", // the back-link is the Tandem connection
            "unwrap", "isWrapperFor", // this object first, then the real one (see WrappersTest)
            "getURL()"); // DatabaseMetaData: the jdbc:tandem: URL the application connected with

    private static final List<Class<?>> WRAPPED = List.of(Connection.class, Statement.class, PreparedStatement.class,
            CallableStatement.class, ResultSet.class, DatabaseMetaData.class, Array.class);

    static Stream<Arguments> wrappers() {
        return Stream.of(
                Arguments.of(Connection.class, (Function<Object, Object>) real ->
                        new TandemConnection((Connection) real, "jdbc:tandem:fake", TandemProperties.NONE)),
                Arguments.of(Statement.class, (Function<Object, Object>) real ->
                        new TandemStatement(connection(), (Statement) real)),
                Arguments.of(PreparedStatement.class, (Function<Object, Object>) real ->
                        new TandemPreparedStatement(connection(), (PreparedStatement) real, "", "", null)),
                Arguments.of(CallableStatement.class, (Function<Object, Object>) real ->
                        new TandemCallableStatement(connection(), (CallableStatement) real, "")),
                Arguments.of(ResultSet.class, (Function<Object, Object>) real ->
                        new TandemResultSet(connection(), null, (ResultSet) real)),
                Arguments.of(DatabaseMetaData.class, (Function<Object, Object>) real ->
                        new TandemDatabaseMetaData(connection(), (DatabaseMetaData) real)));
    }

    private static TandemConnection connection() {
        return new TandemConnection(fake(Connection.class, new ArrayList<>()), "jdbc:tandem:fake", TandemProperties.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappers")
    void everyMethod_isOverridden_reachesTheRealObject_andReturnsTandemObjects(Class<?> iface,
            Function<Object, Object> wrap) throws Exception {
        List<Method> calls = new ArrayList<>();
        Object wrapper = wrap.apply(fake(iface, calls));
        List<String> problems = new ArrayList<>();
        for (Method method : iface.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String name = method.getName() + Arrays.toString(method.getParameterTypes());
            Method implementation = wrapper.getClass().getMethod(method.getName(), method.getParameterTypes());
            if (implementation.getDeclaringClass().isInterface()) {
                problems.add(name + " is left to the interface's default");
                continue;
            }
            if (ANSWERED_BY_TANDEM.contains(method.getName())
                    || ANSWERED_BY_TANDEM.contains(method.getName() + "()") && method.getParameterCount() == 0) {
                continue;
            }
            calls.clear();
            Object result = implementation.invoke(wrapper, arguments(method));
            if (calls.stream().noneMatch(call -> sameSignature(call, method))) {
                problems.add(name + " did not reach the real object (saw " + calls + ")");
            }
            if (result != null && WRAPPED.contains(method.getReturnType())
                    && !result.getClass().getSimpleName().startsWith("Tandem")) {
                problems.add(name + " returned a raw " + result.getClass().getName());
            }
        }
        assertThat(problems).isEmpty();
    }

    private static boolean sameSignature(Method a, Method b) {
        return a.getName().equals(b.getName()) && Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
    }

    private static Object[] arguments(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            arguments[i] = value(types[i]);
        }
        return arguments;
    }

    /** A harmless value of {@code type}: what a fake returns and what a call passes. */
    private static Object value(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return 'x';
        }
        if (type.isPrimitive()) {
            // not a ternary chain: that would promote every branch to double
            return Map.<Class<?>, Object>of(int.class, 0, long.class, 0L, double.class, 0d, float.class, 0f,
                    short.class, (short) 0, byte.class, (byte) 0).get(type);
        }
        if (type == String.class) {
            return "x";
        }
        if (type == Class.class) {
            return Object.class;
        }
        if (type == Properties.class) {
            return new Properties();
        }
        if (type == Map.class) {
            return Map.of();
        }
        return null;
    }

    /** A fake of {@code iface} that records every call and answers JDBC objects with further fakes. */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> iface, List<Method> calls) {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return "fake " + iface.getSimpleName();
                default:
                    break;
            }
            calls.add(method);
            Class<?> type = method.getReturnType();
            return WRAPPED.contains(type) ? fake(type, new ArrayList<>()) : value(type);
        };
        return (T) Proxy.newProxyInstance(DelegationTest.class.getClassLoader(), new Class<?>[] {iface}, handler);
    }
}
