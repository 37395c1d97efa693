package org.marcring.spark;

import java.io.IOException;

import org.apache.hadoop.fs.FSDataInputStream;

/**
 * Where the lines of a split of a line-based file (NDJSON) begin and end, by the rule of Hadoop's
 * {@code LineRecordReader}: a split after the first drops everything up to and including its first line end,
 * and every split reads on through the first line end at or after its end. So the split {@code [s, e)} reads
 * exactly the bytes {@code [lineStart(s), lineStart(e))}: the next split starts where this one stops, and every
 * line is read by exactly one split, the one in which the byte before it lies.
 */
final class LineSplit {
    private LineSplit() {
    }

    /**
     * The first line start after {@code x}: 0 for 0, else the offset just past the first line feed at or after
     * {@code x}, or {@code fileLength} if there is none. Reads from {@code x} up to that line feed.
     */
    static long lineStart(FSDataInputStream in, long x, long fileLength) throws IOException {
        if (x <= 0) {
            return 0;
        }
        if (x >= fileLength) {
            return fileLength;
        }
        in.seek(x);
        byte[] buf = new byte[8192];
        long at = x;
        while (at < fileLength) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, fileLength - at));
            if (n < 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
        }
        return fileLength;
    }
}
