package org.marcring.spark;

import java.io.Serializable;

/**
 * One byte range {@code [start, start + length)} of a file, as planned on the driver; a task reads the records
 * that start in it by the rule of its format (ISO 2709: the codec's verified record starts; NDJSON: line ends;
 * ISO 2709 and NDJSON in bzip2: compressed positions of blocks, see {@link BlockRangeFramer} and
 * {@link BlockLineStream}). A file that cannot be split (other compressed files, or a MARCXML or MARC-in-JSON
 * document) is one split covering the whole file.
 */
final class FileSplit implements Serializable {
    private static final long serialVersionUID = 1L;

    final String path;
    final long start;
    final long length;
    final long fileLength;
    final boolean compressed;
    final SourceFormat format;

    FileSplit(String path, long start, long length, long fileLength, boolean compressed, SourceFormat format) {
        this.path = path;
        this.start = start;
        this.length = length;
        this.fileLength = fileLength;
        this.compressed = compressed;
        this.format = format;
    }

    @Override
    public String toString() {
        return path + "[" + start + ", " + (start + length) + ")";
    }
}
