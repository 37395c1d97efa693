package org.marcring.spark;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.unsafe.types.UTF8String;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.SkippedBytesException;
import org.marcring.codec.io.LineFramer;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.TextFramer;
import org.marcring.codec.iso2709.RangeFramer;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;
import org.marcring.codec.json.MarcJsonFramer;
import org.marcring.codec.xml.MarcXmlFramer;

/**
 * Reads the records of one partition's splits, one after the other, sequentially with the codec: a plain
 * ISO 2709 file's split through a {@link RangeFramer} (records starting in the split by the verified-start
 * rule), a bzip2 ISO 2709 file's split through a {@link BlockRangeFramer}, a plain NDJSON file's split as the
 * lines {@link LineSplit} gives it, a bzip2 NDJSON file's as the lines {@link BlockLineStream} gives it, a
 * MARCXML or MARC-in-JSON document or another compressed file whole (through Hadoop's codec for its name).
 * Applies the read mode to each record.
 */
final class MarcPartitionReader implements PartitionReader<InternalRow> {
    private final FileSplit[] splits;
    private final RecordRows rows;
    private final RecordRows.Writer writer;
    private final MarcReadOptions options;
    private final Configuration conf;
    private final ReadOptions readOptions;
    private final RawRecord raw = new RawRecord();

    private int next;
    private SplitFrames frames;
    private UTF8String file;
    private boolean fromFileStart; // whether the frames' ordinals count from the file's first record
    private InternalRow current;

    MarcPartitionReader(MarcPartition partition, RecordRows rows, MarcReadOptions options, Configuration conf) {
        this.splits = partition.splits;
        this.rows = rows;
        this.writer = rows.newWriter();
        this.options = options;
        this.conf = conf;
        this.readOptions = options.readOptions();
    }

    @Override
    public boolean next() throws IOException {
        while (true) {
            if (frames == null) {
                if (next >= splits.length) {
                    return false;
                }
                open(splits[next++]);
            }
            if (!frames.next(raw)) {
                closeSplit();
                continue;
            }
            current = row();
            if (current != null) {
                return true;
            }
        }
    }

    private void open(FileSplit split) throws IOException {
        Path path = new Path(split.path);
        FileSystem fs = path.getFileSystem(conf);
        file = UTF8String.fromString(split.path);
        // a document or compressed file is read whole; a split of an ISO 2709 or NDJSON file numbers its
        // records from its own start, so a record number in a message would be another one's
        fromFileStart = split.compressed || split.start == 0 || split.format == SourceFormat.MARCXML
                || split.format == SourceFormat.JSON;
        FSDataInputStream in = fs.open(path);
        try {
            CompressionCodec codec = split.compressed ? new CompressionCodecFactory(conf).getCodec(path) : null;
            if (codec instanceof SplittableCompressionCodec && split.format == SourceFormat.ISO2709) {
                frames = SplitFrames.iso2709(BlockRangeFramer.open((SplittableCompressionCodec) codec, in,
                        () -> fs.open(path), split.start, split.start + split.length, split.fileLength),
                        readOptions);
            } else if (codec instanceof SplittableCompressionCodec && split.format == SourceFormat.NDJSON) {
                InputStream lines = BlockLineStream.open((SplittableCompressionCodec) codec, in, split.start,
                        split.start + split.length);
                frames = SplitFrames.text(textFramer(lines, split.format),
                        split.start == 0 ? 0 : BlockRangeFramer.UNKNOWN_OFFSET, split.format, readOptions);
            } else if (split.compressed) {
                InputStream whole = codec == null ? in : codec.createInputStream(in);
                frames = split.format == SourceFormat.ISO2709
                        ? SplitFrames.iso2709(RecordFramer.of(whole), readOptions)
                        : SplitFrames.text(textFramer(whole, split.format), 0, split.format, readOptions);
            } else if (split.format == SourceFormat.ISO2709) {
                frames = SplitFrames.iso2709(RangeFramer.open(new HadoopChannel(in, split.fileLength), split.start,
                        split.start + split.length), readOptions);
            } else {
                long start = 0;
                long end = split.fileLength;
                if (split.format == SourceFormat.NDJSON) {
                    start = LineSplit.lineStart(in, split.start, split.fileLength);
                    end = LineSplit.lineStart(in, split.start + split.length, split.fileLength);
                }
                frames = SplitFrames.text(textFramer(new RangeStream(in, start, end), split.format), start,
                        split.format, readOptions);
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private TextFramer textFramer(InputStream in, SourceFormat format) {
        switch (format) {
            case NDJSON: return LineFramer.of(in, LineFramer.Framing.LINES, readOptions);
            case MARCXML: return MarcXmlFramer.of(in, readOptions);
            default: return MarcJsonFramer.of(in, readOptions);
        }
    }

    /** The row of the frame in {@code raw}, or null where the mode drops it. */
    private InternalRow row() {
        if (!rows.needsRecord() && options.mode() == ReadMode.PERMISSIVE) {
            return writer.row(null, file, frames.byteOffset(raw), raw.length());
        }
        MarcRecord record;
        try {
            record = frames.decode(raw);
        } catch (MarcFormatException e) {
            switch (options.mode()) {
                case PERMISSIVE:
                    return rows.corruptRow(reason(e), raw.copy(), file, frames.byteOffset(raw), raw.length());
                case DROPMALFORMED: return null;
                default: throw failure(reason(e), e);
            }
        }
        if (record.hasErrors() && options.mode() != ReadMode.PERMISSIVE) {
            if (options.mode() == ReadMode.DROPMALFORMED) {
                return null;
            }
            throw failure(record.errors().get(0).toString(), null);
        }
        return writer.row(record, file, frames.byteOffset(raw), raw.length());
    }

    /**
     * What the {@code errors} column says of bytes that hold no readable record: the library's message, which
     * numbers the record from 1 as every reader does (the record after garbage keeps its number), where the
     * split starts at the file's start; without a record number where it does not, as the split cannot know how
     * many records come before it (the row's file and byte offset name it).
     */
    private String reason(MarcFormatException e) {
        if (fromFileStart) {
            return e.getMessage();
        }
        long offset = frames.byteOffset(raw);
        return e instanceof SkippedBytesException
                ? SkippedBytesException.describeSkipped(-1, offset, ((SkippedBytesException) e).length(), e.fault())
                : "record at byte " + offset + ": " + e.fault();
    }

    private MarcException failure(String reason, Throwable cause) {
        return new MarcException("malformed record in " + file + " at byte " + frames.byteOffset(raw)
                + " (mode FAILFAST): " + reason, cause);
    }

    @Override
    public InternalRow get() {
        return current;
    }

    private void closeSplit() {
        if (frames != null) {
            try {
                frames.close();
            } finally {
                frames = null;
            }
        }
    }

    @Override
    public void close() {
        closeSplit();
    }
}
