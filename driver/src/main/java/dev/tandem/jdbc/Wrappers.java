package dev.tandem.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/** {@code unwrap} and {@code isWrapperFor} for every Tandem wrapper, in three steps. */
final class Wrappers {

    private Wrappers() {
    }

    /** This object, then the real one, then whatever the real one wraps (a vendor class behind a pool). */
    static <T> T unwrap(Object self, Wrapper delegate, Class<T> iface) throws SQLException {
        if (iface.isInstance(self)) {
            return iface.cast(self);
        }
        if (iface.isInstance(delegate)) {
            return iface.cast(delegate);
        }
        return delegate.unwrap(iface);
    }

    static boolean isWrapperFor(Object self, Wrapper delegate, Class<?> iface) throws SQLException {
        return iface.isInstance(self) || iface.isInstance(delegate) || delegate.isWrapperFor(iface);
    }
}
