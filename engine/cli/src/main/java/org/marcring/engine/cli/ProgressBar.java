package org.marcring.engine.cli;

import java.io.PrintStream;

import org.marcring.engine.Progress;
import org.marcring.engine.ProgressListener;

/**
 * A one-line progress display on standard error: records, MB/s, and where the input size is known the
 * percentage done and the time left. Spans several pipeline runs (one per input): {@link #nextRun()} adds
 * the finished run's counts to the base.
 */
final class ProgressBar implements ProgressListener {
    private final PrintStream err;
    private final long totalBytes;
    private final long started = System.nanoTime();
    private long baseRecords;
    private long baseBytes;
    private long lastRecords;
    private long lastBytes;
    private long lastDraw;
    private boolean drawn;

    /** @param totalBytes input size in bytes, or -1 when not known */
    ProgressBar(PrintStream err, long totalBytes) {
        this.err = err;
        this.totalBytes = totalBytes;
    }

    @Override
    public void onProgress(Progress p) {
        lastRecords = p.recordsDone();
        lastBytes = p.bytesIn();
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        long records = baseRecords + lastRecords;
        long bytes = baseBytes + lastBytes;
        double seconds = (now - started) / 1e9;
        StringBuilder sb = new StringBuilder("\r");
        sb.append(String.format("%,d records  %.1f MB/s", records, seconds > 0 ? bytes / 1e6 / seconds : 0));
        if (totalBytes > 0) {
            double done = Math.min(1.0, (double) bytes / totalBytes);
            int width = 24;
            int filled = (int) (done * width);
            sb.append("  [").append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ");
            sb.append(String.format("%3d%%", (int) (done * 100)));
            if (done > 0.001) {
                long eta = (long) (seconds / done - seconds);
                sb.append(String.format("  ETA %d:%02d", eta / 60, eta % 60));
            }
        }
        sb.append("   ");
        err.print(sb);
        err.flush();
        drawn = true;
    }

    /** A run ended: its counts become the base of the next. */
    void nextRun() {
        baseRecords += lastRecords;
        baseBytes += lastBytes;
        lastRecords = 0;
        lastBytes = 0;
    }

    /** Ends the line if anything was drawn. */
    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(79) + "\r");
            err.flush();
        }
    }
}
