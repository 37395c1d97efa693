package org.marcring.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;

/**
 * Plans the partitions of a read the way Spark plans those of its own file sources: splits of at most
 * {@code maxSplitBytes = min(maxPartitionBytes, max(openCostInBytes, totalBytes / minPartitions))}, where
 * {@code totalBytes} counts each file's length plus the open cost, then packed largest first into partitions
 * of up to {@code maxSplitBytes}, each file charged its open cost, so that many small files share a task.
 * ISO 2709 and NDJSON files in a codec Hadoop can split (bzip2) split by compressed byte range
 * ({@link BlockRangeFramer}, {@link BlockLineStream});
 * other compressed files, MARCXML and MARC-in-JSON documents are one split each.
 */
final class SplitPlanner {
    private final long maxPartitionBytes;
    private final long openCostInBytes;
    private final int minPartitions;
    private final SourceFormat format;   // null: each file's by its name

    SplitPlanner(long maxPartitionBytes, long openCostInBytes, int minPartitions) {
        this(maxPartitionBytes, openCostInBytes, minPartitions, null);
    }

    SplitPlanner(long maxPartitionBytes, long openCostInBytes, int minPartitions, SourceFormat format) {
        this.maxPartitionBytes = maxPartitionBytes;
        this.openCostInBytes = openCostInBytes;
        this.minPartitions = Math.max(1, minPartitions);
        this.format = format;
    }

    /** The files under {@code paths} (globs allowed; a directory gives its files, not hidden or '_' ones). */
    static List<FileStatus> list(List<String> paths, Configuration conf) {
        List<FileStatus> files = new ArrayList<>();
        try {
            for (String p : paths) {
                Path path = new Path(p);
                FileSystem fs = path.getFileSystem(conf);
                FileStatus[] matched = fs.globStatus(path);
                if (matched == null || matched.length == 0) {
                    throw new IllegalArgumentException("no such file: " + p);
                }
                for (FileStatus s : matched) {
                    if (s.isDirectory()) {
                        for (FileStatus child : fs.listStatus(s.getPath())) {
                            String name = child.getPath().getName();
                            if (child.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                                files.add(child);
                            }
                        }
                    } else {
                        files.add(s);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The largest split for files of {@code totalBytes} bytes in {@code fileCount} files. */
    long maxSplitBytes(long totalBytes, int fileCount) {
        long total = totalBytes + (long) fileCount * openCostInBytes;
        return Math.min(maxPartitionBytes, Math.max(openCostInBytes, total / minPartitions));
    }

    /** The partitions for {@code files}; compressed ones (by file name) and unsplittable formats read whole. */
    List<MarcPartition> plan(List<FileStatus> files, Configuration conf) {
        CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
        long totalBytes = 0;
        for (FileStatus f : files) {
            totalBytes += f.getLen();
        }
        long maxSplit = maxSplitBytes(totalBytes, files.size());
        List<FileSplit> splits = new ArrayList<>();
        for (FileStatus f : files) {
            String path = f.getPath().toString();
            long len = f.getLen();
            if (len == 0) {
                continue;
            }
            CompressionCodec codec = codecs.getCodec(f.getPath());
            SourceFormat fileFormat = format != null ? format : SourceFormat.ofFileName(f.getPath().getName(),
                    codec == null ? null : codec.getDefaultExtension());
            if (codec instanceof SplittableCompressionCodec
                    && (fileFormat == SourceFormat.ISO2709 || fileFormat == SourceFormat.NDJSON)) {
                for (long start = 0; start < len; start += maxSplit) {
                    splits.add(new FileSplit(path, start, Math.min(maxSplit, len - start), len, true, fileFormat));
                }
                continue;
            }
            if (codec != null || !fileFormat.splittable()) {
                splits.add(new FileSplit(path, 0, len, len, codec != null, fileFormat));
                continue;
            }
            for (long start = 0; start < len; start += maxSplit) {
                splits.add(new FileSplit(path, start, Math.min(maxSplit, len - start), len, false, fileFormat));
            }
        }
        splits.sort(Comparator.comparingLong((FileSplit s) -> s.length).reversed());
        List<MarcPartition> partitions = new ArrayList<>();
        List<FileSplit> current = new ArrayList<>();
        long currentSize = 0;
        for (FileSplit s : splits) {
            if (!current.isEmpty() && currentSize + s.length > maxSplit) {
                partitions.add(new MarcPartition(current));
                current = new ArrayList<>();
                currentSize = 0;
            }
            current.add(s);
            currentSize += s.length + openCostInBytes;
        }
        if (!current.isEmpty()) {
            partitions.add(new MarcPartition(current));
        }
        return partitions;
    }
}
