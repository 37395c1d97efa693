package org.marcring.spark;

import java.io.Serializable;

/**
 * One byte range {@code [start, start + length)} of a file, as planned on the driver; a task reads the records
 * that start in it by the codec's verified-start rule. A file that cannot be split (compressed by a codec
 * other than a splittable one) is one split covering the whole file.
 */
final class FileSplit implements Serializable {
    private static final long serialVersionUID = 1L;

    final String path;
    final long start;
    final long length;
    final long fileLength;
    final boolean compressed;

    FileSplit(String path, long start, long length, long fileLength, boolean compressed) {
        this.path = path;
        this.start = start;
        this.length = length;
        this.fileLength = fileLength;
        this.compressed = compressed;
    }

    @Override
    public String toString() {
        return path + "[" + start + ", " + (start + length) + ")";
    }
}
