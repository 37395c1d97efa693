package org.marcring.engine.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.marcring.codec.MarcException;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.json.MarcJsonEncoder;
import org.marcring.codec.json.MarcJsonReader;
import org.marcring.engine.ReaderParser;
import org.marcring.engine.RecordParser;
import org.marcring.engine.RecordSlot;
import org.marcring.engine.RecordSource;

/**
 * A {@link RecordSource} for a format the engine cannot frame without parsing (a MARC-in-JSON array): the
 * I/O thread reads the records with the format's streaming reader and hands each on as one line of
 * MARC-in-JSON, which the parser threads decode again. Slower than a framing source, but any reader fits.
 * A record the reader rejects is passed on as a reject with the reader's message.
 */
final class ReaderSource implements RecordSource {
    private final MarcReader reader;
    private final ReadOptions options;
    private final MarcJsonEncoder encoder = MarcJsonEncoder.lines();
    private final ByteArrayBuilder buffer = new ByteArrayBuilder(4096);
    private final Map<Long, MarcFormatException> faults = new ConcurrentHashMap<>();
    private long ordinal;

    ReaderSource(MarcReader reader, ReadOptions options) {
        this.reader = reader;
        this.options = options;
    }

    @Override
    public boolean next(RecordSlot slot) {
        if (!reader.hasNext()) {
            return false;
        }
        long n = ordinal++;
        buffer.reset();
        try {
            MarcRecord record = reader.next();
            encoder.encode(record, buffer);
        } catch (MarcFormatException e) {
            faults.put(n, e);
            byte[] raw = e.rawBytes() != null ? e.rawBytes() : new byte[0];
            buffer.append(raw, 0, raw.length);
        } catch (MarcException e) {
            faults.put(n, new MarcFormatException(n, -1, e.getMessage(), new byte[0]));
        }
        slot.copyRaw(buffer.array(), 0, buffer.length());
        slot.describe(n, -1, 0, -1);
        return true;
    }

    @Override
    public long position() {
        return 0;
    }

    @Override
    public RecordParser newParser() {
        ReaderParser lines = new ReaderParser(in -> MarcJsonReader.openLines(in, options));
        return slot -> {
            MarcFormatException fault = faults.remove(slot.ordinal());
            if (fault != null) {
                throw new MarcFormatException(slot.ordinal(), fault.byteOffset(), fault.fault(),
                        java.util.Arrays.copyOf(slot.raw(), slot.rawLength()));
            }
            return lines.parse(slot);
        };
    }

    @Override
    public void close() {
        reader.close();
    }
}
