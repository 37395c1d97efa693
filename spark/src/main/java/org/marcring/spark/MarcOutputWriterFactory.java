package org.marcring.spark;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.types.StructType;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcException;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.marc8.Marc8Encoder;
import org.marcring.codec.text.ProblemSink;

/**
 * Makes the writer of each part file of {@code df.write.format("marc")}: one ISO 2709 file, MARCXML collection,
 * MARC-in-JSON array or NDJSON file per part, through the codec's encoders (option {@code format}: {@code iso2709}
 * by default, {@code marcxml}, {@code json}, {@code ndjson}; option {@code encoding=marc8} writes ISO 2709 text in
 * MARC-8, failing on a character MARC-8 cannot hold).
 */
final class MarcOutputWriterFactory extends OutputWriterFactory {
    private static final long serialVersionUID = 1L;

    /** Fails the write on text that MARC-8 cannot hold, rather than writing something else. */
    private static final ProblemSink FAIL_UNREPRESENTABLE = (severity, index, message) -> {
        if (severity.compareTo(MarcError.Severity.ERROR) >= 0) {
            throw new MarcException("not representable in MARC-8: " + message);
        }
    };

    private final MarcFormat format;
    private final boolean marc8;

    MarcOutputWriterFactory(String format, String encoding) {
        this.format = format == null ? MarcFormat.ISO2709 : MarcFormat.of(format);
        this.marc8 = encoding != null && encoding.trim().replace("-", "").equalsIgnoreCase("marc8");
        if (this.format != MarcFormat.ISO2709 && this.format != MarcFormat.MARCXML && this.format != MarcFormat.JSON
                && this.format != MarcFormat.NDJSON) {
            throw new IllegalArgumentException("the marc source writes iso2709, marcxml, json or ndjson, not " + format);
        }
        if (marc8 && this.format != MarcFormat.ISO2709) {
            throw new IllegalArgumentException("encoding marc8 is for format iso2709; " + format + " is Unicode");
        }
    }

    @Override
    public String getFileExtension(TaskAttemptContext context) {
        switch (format) {
            case MARCXML: return ".xml";
            case JSON: return ".json";
            case NDJSON: return ".ndjson";
            default: return ".mrc";
        }
    }

    @Override
    public OutputWriter newInstance(String path, StructType dataSchema, TaskAttemptContext context) {
        RecordEncoder encoder = marc8 ? new Iso2709Encoder(Marc8Encoder.INSTANCE, FAIL_UNREPRESENTABLE, false)
                : format.newEncoder();
        try {
            Path file = new Path(path);
            MarcWriter writer = MarcFormats.openWriter(
                    file.getFileSystem(context.getConfiguration()).create(file, false), encoder);
            return new PartWriter(path, writer, new RowRecords(dataSchema));
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes the rows of one part file. */
    private static final class PartWriter extends OutputWriter {
        private final String path;
        private final MarcWriter writer;
        private final RowRecords records;

        PartWriter(String path, MarcWriter writer, RowRecords records) {
            this.path = path;
            this.writer = writer;
            this.records = records;
        }

        @Override
        public void write(InternalRow row) {
            writer.write(records.record(row));
        }

        @Override
        public void close() {
            writer.close();
        }

        @Override
        public String path() {
            return path;
        }
    }
}
