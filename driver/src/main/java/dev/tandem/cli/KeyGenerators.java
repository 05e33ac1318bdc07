package dev.tandem.cli;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.tandem.jdbc.KeyGenerator;
import dev.tandem.jdbc.LiveDatabase;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.Side;

/**
 * Whether the target's key generator is past every key the source issued (DESIGN §5): in target-only the
 * target's own generator issues keys, and one it issues that the source already did collides with a
 * copied row. The generators are read by {@link KeyGenerator}, which the backfill and the driver (as it
 * applies {@code target-only}) advance them with.
 */
final class KeyGenerators {

    /**
     * What was found for one migration.
     *
     * @param lagging whether a generator would issue a key at or below the source's largest
     * @param text    what was found, and for a lagging generator how to advance it
     */
    record Finding(boolean lagging, String text) {
    }

    private KeyGenerators() {
    }

    /** Checks every key column of {@code migration}'s target that has a generator. */
    static Finding check(LiveDatabase database, Migration migration) throws SQLException {
        Dialect dialect = database.dialect();
        List<String> sourceKey = migration.key(dialect, Side.SOURCE);
        List<String> targetKey = migration.key(dialect, Side.TARGET);
        List<String> found = new ArrayList<>();
        boolean lagging = false;
        for (int i = 0; i < targetKey.size(); i++) {
            String column = targetKey.get(i);
            if (column == null) {
                continue;
            }
            BigDecimal largest = KeyGenerator.largest(database.connection(), migration.source(), sourceKey.get(i));
            KeyGenerator generator = KeyGenerator.of(database.connection(), dialect, database.currentSchema(),
                    migration.target(), column, largest);
            if (generator == null) {
                continue;
            }
            String where = migration.target() + "." + column;
            if (largest == null) {
                found.add("target key " + where + " issues " + generator.next() + " next; the source is empty");
            } else if (generator.past(largest)) {
                found.add("target key " + where + " issues " + generator.next() + " next, past the source's largest key "
                        + largest);
            } else {
                lagging = true;
                found.add("target key " + where + " issues " + generator.next() + " next, but the source's largest key"
                        + " is " + largest + ": in target-only the target would issue keys the source already issued;"
                        + " the driver advances it when it applies target-only (see its WARN if it could not),"
                        + " tandem backfill " + migration.id() + " when it finishes, or by hand: "
                        + generator.advance());
            }
        }
        if (found.isEmpty()) {
            return new Finding(false, "no generator on the target's key (" + migration.target() + "."
                    + String.join(", ", targetKey.stream().filter(c -> c != null).toList()) + "): nothing to advance");
        }
        return new Finding(lagging, String.join("; ", found));
    }
}
