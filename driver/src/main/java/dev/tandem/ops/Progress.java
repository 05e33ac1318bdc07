package dev.tandem.ops;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * The progress of a backfill or verify run: on a terminal, one bar redrawn in place with rows, rate and
 * time left; otherwise one plain line per chunk, for logs (and for whatever waits on the output).
 */
public final class Progress {

    private final PrintWriter out;
    private final boolean terminal;
    private final String what;
    private final long started = System.nanoTime();
    private long totalRows;
    private int totalChunks;
    private long rowsDone;
    private int chunksDone;
    private long rowsHere;
    private boolean barShown;

    /**
     * @param out      where to write
     * @param terminal whether {@code out} is a terminal ({@code System.console() != null}): a bar, not lines
     * @param what     the run, as the lines start: {@code backfill users-v2}
     */
    public Progress(PrintWriter out, boolean terminal, String what) {
        this.out = out;
        this.terminal = terminal;
        this.what = what;
    }

    /** Where the run stands when this process joins it; {@code chunks} 0 or less when not known ahead. */
    synchronized void start(int chunks, long rows, int chunksAlreadyDone, long rowsAlreadyDone) {
        totalChunks = chunks;
        totalRows = rows;
        chunksDone = chunksAlreadyDone;
        rowsDone = rowsAlreadyDone;
    }

    /** A message line, above the bar when there is one. */
    public synchronized void line(String message) {
        if (barShown) {
            out.print('\r' + " ".repeat(100) + '\r');
            barShown = false;
        }
        out.println(what + ": " + message);
        out.flush();
    }

    /** One chunk finished by this process, with the rows it handled and a note for the plain line. */
    synchronized void chunk(int number, long rows, String note) {
        chunksDone++;
        rowsDone += rows;
        rowsHere += rows;
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        double rate = rowsHere / seconds;
        long left = Math.max(0, totalRows - rowsDone);
        String eta = rate > 0 ? duration((long) (left / rate)) : "-";
        int percent = totalRows == 0 ? 100 : (int) Math.min(100, rowsDone * 100 / totalRows);
        if (terminal) {
            int width = 30;
            int filled = percent * width / 100;
            out.printf("\r%s [%s%s] %3d%%  %,d/%,d rows  %,.0f rows/s  eta %s   ", what, "#".repeat(filled),
                    ".".repeat(width - filled), percent, Math.min(rowsDone, totalRows), totalRows, rate, eta);
            barShown = true;
        } else {
            out.printf("%s: chunk %d done (%s); %d%s chunks, %,d of %,d rows (%d%%), %,.0f rows/s, eta %s%n", what,
                    number, note, chunksDone, totalChunks > 0 ? " of " + totalChunks : "", Math.min(rowsDone, totalRows),
                    totalRows, percent, rate, eta);
        }
        out.flush();
    }

    /** Seconds since this process joined the run. */
    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    static String duration(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return d.toHours() > 0 ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format("%d:%02d", d.toMinutesPart(), d.toSecondsPart());
    }
}
