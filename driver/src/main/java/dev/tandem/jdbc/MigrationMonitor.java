package dev.tandem.jdbc;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import javax.management.JMException;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tandem.routing.MigrationConfig;
import dev.tandem.routing.RoutingFile;
import dev.tandem.sql.Side;
import dev.tandem.sql.SqlRewriter;

/**
 * The counters of one migration of one routing file, shared by every connection and database that
 * uses the file, and registered with the platform MBean server as a {@link MigrationMXBean}.
 */
final class MigrationMonitor implements MigrationMXBean {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationMonitor.class);

    private record Key(RoutingFile file, String id) {
    }

    private static final ConcurrentMap<Key, MigrationMonitor> ALL = new ConcurrentHashMap<>();

    private final RoutingFile file;
    private final String id;
    final LongAdder readsFromSource = new LongAdder();
    final LongAdder readsFromTarget = new LongAdder();
    final LongAdder mirroredWrites = new LongAdder();
    final LongAdder translatedWrites = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder shadowReads = new LongAdder();
    final LongAdder shadowMismatches = new LongAdder();
    final LongAdder shadowFailures = new LongAdder();
    private final ConcurrentMap<String, String> schemaChecks = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, SqlRewriter> rewriters = new ConcurrentHashMap<>();

    private MigrationMonitor(RoutingFile file, String id) {
        this.file = file;
        this.id = id;
    }

    /** The monitor of migration {@code id} of {@code file}, registered with JMX when first asked for. */
    static MigrationMonitor of(RoutingFile file, String id) {
        return ALL.computeIfAbsent(new Key(file, id), key -> {
            MigrationMonitor monitor = new MigrationMonitor(file, id);
            monitor.register();
            return monitor;
        });
    }

    /** The JMX name: {@code dev.tandem:type=Migration,routing="<file>",id="<id>"}. */
    ObjectName objectName() throws JMException {
        return new ObjectName("dev.tandem:type=Migration,routing=" + ObjectName.quote(file.path().toString())
                + ",id=" + ObjectName.quote(id));
    }

    private void register() {
        try {
            ObjectName name = objectName();
            if (!ManagementFactory.getPlatformMBeanServer().isRegistered(name)) {
                ManagementFactory.getPlatformMBeanServer().registerMBean(this, name);
            }
        } catch (JMException | RuntimeException e) {
            LOG.warn("tandem: migration {} could not be registered with JMX: {}", id, e.toString());
        }
    }

    void read(Side side) {
        (side == Side.TARGET ? readsFromTarget : readsFromSource).increment();
    }

    /** Records the live-schema check on database {@code database}: null problems for a pass. */
    void schemaChecked(String database, String problems) {
        schemaChecks.put(database, problems == null ? "ok" : problems);
    }

    /** The rewriter now serving this migration on {@code database}, whose cache counters are shown. */
    void servedBy(String database, SqlRewriter rewriter) {
        rewriters.put(database, rewriter);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getOwner() {
        MigrationConfig config = file.current().migration(id);
        return config == null ? null : config.owner();
    }

    @Override
    public String getPhase() {
        MigrationConfig config = file.current().migration(id);
        return config == null ? "removed" : config.phase().fileName();
    }

    @Override
    public String getRoutingFile() {
        return file.path().toString();
    }

    @Override
    public String getSchemaCheck() {
        Map<String, String> sorted = new TreeMap<>(schemaChecks);
        StringBuilder text = new StringBuilder();
        sorted.forEach((database, result) -> text.append(text.length() == 0 ? "" : "; ").append(database)
                .append(": ").append(result));
        return text.toString();
    }

    @Override
    public long getReadsFromSource() {
        return readsFromSource.sum();
    }

    @Override
    public long getReadsFromTarget() {
        return readsFromTarget.sum();
    }

    @Override
    public long getMirroredWrites() {
        return mirroredWrites.sum();
    }

    @Override
    public long getTranslatedWrites() {
        return translatedWrites.sum();
    }

    @Override
    public long getRefusedStatements() {
        return refused.sum();
    }

    @Override
    public long getShadowReads() {
        return shadowReads.sum();
    }

    @Override
    public long getShadowMismatches() {
        return shadowMismatches.sum();
    }

    @Override
    public long getShadowFailures() {
        return shadowFailures.sum();
    }

    @Override
    public long getRewriteCacheHits() {
        return rewriters.values().stream().mapToLong(SqlRewriter::cacheHits).sum();
    }

    @Override
    public long getRewriteCacheMisses() {
        return rewriters.values().stream().mapToLong(SqlRewriter::cacheMisses).sum();
    }

    @Override
    public String getLastReload() {
        return file.lastReload().at().toString();
    }

    @Override
    public String getLastReloadResult() {
        RoutingFile.Reload last = file.lastReload();
        String outcome = last.outcome().name().toLowerCase(java.util.Locale.ROOT);
        return last.outcome() == RoutingFile.Outcome.REFUSED ? outcome + ": " + last.message() : outcome;
    }
}
