package org.marcring.spark;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.unsafe.types.UTF8String;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Decoder;
import org.marcring.codec.iso2709.RangeFramer;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;

/**
 * Reads the records of one partition's splits, one after the other, sequentially with the codec: a plain
 * file's split through a {@link RangeFramer} (records starting in the split by the verified-start rule), a
 * compressed file whole through Hadoop's codec for its name. Applies the read mode to each record.
 */
final class MarcPartitionReader implements PartitionReader<InternalRow> {
    private final FileSplit[] splits;
    private final RecordRows rows;
    private final MarcReadOptions options;
    private final Configuration conf;
    private final Iso2709Decoder decoder;
    private final RawRecord raw = new RawRecord();

    private int next;
    private RangeFramer range;
    private RecordFramer whole;
    private UTF8String file;
    private InternalRow current;

    MarcPartitionReader(MarcPartition partition, RecordRows rows, MarcReadOptions options, Configuration conf) {
        this.splits = partition.splits;
        this.rows = rows;
        this.options = options;
        this.conf = conf;
        this.decoder = new Iso2709Decoder(options.readOptions());
    }

    @Override
    public boolean next() throws IOException {
        while (true) {
            if (range == null && whole == null) {
                if (next >= splits.length) {
                    return false;
                }
                open(splits[next++]);
            }
            boolean framed = range != null ? range.next(raw) : whole.next(raw);
            if (!framed) {
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
        if (split.compressed) {
            CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
            InputStream in = fs.open(path);
            try {
                whole = RecordFramer.of(codec == null ? in : codec.createInputStream(in));
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        } else {
            range = RangeFramer.open(new HadoopChannel(fs.open(path), split.fileLength), split.start,
                    split.start + split.length);
        }
    }

    /** The row of the frame in {@code raw}, or null where the mode drops it. */
    private InternalRow row() {
        if (!rows.needsRecord() && options.mode() == ReadMode.PERMISSIVE) {
            return rows.row(null, file, raw.byteOffset(), raw.length());
        }
        MarcRecord record;
        try {
            record = decoder.decode(raw);
        } catch (MarcFormatException e) {
            switch (options.mode()) {
                case PERMISSIVE:
                    return rows.corruptRow(e.getMessage(), raw.copy(), file, raw.byteOffset(), raw.length());
                case DROPMALFORMED: return null;
                default: throw failure(e.getMessage(), e);
            }
        }
        if (record.hasErrors() && options.mode() != ReadMode.PERMISSIVE) {
            if (options.mode() == ReadMode.DROPMALFORMED) {
                return null;
            }
            throw failure(record.errors().get(0).toString(), null);
        }
        return rows.row(record, file, raw.byteOffset(), raw.length());
    }

    private MarcException failure(String reason, Throwable cause) {
        return new MarcException("malformed record in " + file + " at byte " + raw.byteOffset()
                + " (mode FAILFAST): " + reason, cause);
    }

    @Override
    public InternalRow get() {
        return current;
    }

    private void closeSplit() {
        try {
            if (range != null) {
                range.close();
            }
            if (whole != null) {
                whole.close();
            }
        } finally {
            range = null;
            whole = null;
        }
    }

    @Override
    public void close() {
        closeSplit();
    }
}
