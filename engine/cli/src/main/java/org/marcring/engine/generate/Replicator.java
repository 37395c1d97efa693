package org.marcring.engine.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;

/**
 * Builds a large ISO 2709 file from an existing one by repeating its records, in order, until an
 * {@link Amount} is reached: benchmarks on real records at any size. Records are copied byte for byte
 * (any character set), except that with {@code renumber} each gets a new control number (001)
 * {@code r} followed by its 10-digit ordinal in the output, so that control numbers stay unique.
 * Units of the source whose framing is damaged are left out (and counted in the report).
 *
 * <pre>{@code
 * ReplicationReport report = new Replicator(Path.of("real.mrc"), Amount.parse("1g"), true)
 *         .writeTo(Path.of("real-1g.mrc"));
 * }</pre>
 */
public final class Replicator {
    private final Path source;
    private final Amount amount;
    private final boolean renumber;

    /**
     * @param source   the ISO 2709 file whose records are repeated
     * @param amount   how much to write
     * @param renumber whether to give every record a new, unique control number
     */
    public Replicator(Path source, Amount amount, boolean renumber) {
        this.source = Objects.requireNonNull(source, "source");
        this.amount = Objects.requireNonNull(amount, "amount");
        this.renumber = renumber;
    }

    /** The control number given to the record at {@code ordinal} (0-based) of the output. */
    public static String controlNumber(long ordinal) {
        String digits = Long.toString(ordinal + 1);
        return "r" + "0000000000".substring(Math.min(10, digits.length())) + digits;
    }

    /** Writes to a new or truncated file. */
    public ReplicationReport writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return writeTo(out);
        }
    }

    /**
     * Writes to {@code out} (buffered here; flushed, not closed).
     *
     * @throws IllegalArgumentException if the source holds no sound record
     */
    public ReplicationReport writeTo(OutputStream out) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        RawRecord raw = new RawRecord();
        ByteArrayBuilder rewritten = new ByteArrayBuilder(1 << 16);
        long records = 0;
        long bytes = 0;
        long passes = 0;
        long sourceRecords = 0;
        long skipped = 0;
        long notRenumbered = 0;
        while (!amount.isReached(records, bytes)) {
            long inPass = 0;
            try (RecordFramer framer = RecordFramer.open(source)) {
                while (!amount.isReached(records, bytes) && framer.next(raw)) {
                    if (!raw.isClean()) {
                        if (passes == 0) {
                            skipped++;
                        }
                        continue;
                    }
                    inPass++;
                    rewritten.reset();
                    if (renumber && ControlNumberRewriter.rewrite(raw.buffer(), raw.offset(), raw.length(),
                            controlNumber(records), rewritten)) {
                        rewritten.writeTo(buffered);
                        bytes += rewritten.length();
                    } else {
                        if (renumber) {
                            notRenumbered++;
                        }
                        buffered.write(raw.buffer(), raw.offset(), raw.length());
                        bytes += raw.length();
                    }
                    records++;
                }
            }
            if (passes == 0) {
                sourceRecords = inPass;
                if (inPass == 0 && !amount.isReached(records, bytes)) {
                    throw new IllegalArgumentException("no sound ISO 2709 record in " + source);
                }
            }
            passes++;
        }
        buffered.flush();
        return new ReplicationReport(records, bytes, passes, sourceRecords, skipped, notRenumbered);
    }
}
