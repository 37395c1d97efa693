package org.marcring.engine.cli;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.codec.iso2709.Iso2709Fields;
import org.marcring.codec.iso2709.Iso2709Transcoder;

/**
 * An encoder for one of several pipeline runs that write into one output: the command writes the header
 * before the first run and the footer after the last, so this encoder has none; where records were written
 * by an earlier run, every record of this run is preceded by the separator (and none is put between them),
 * so that the output reads as one run's.
 */
final class FramedEncoder implements RecordEncoder, Iso2709Transcoder {
    private final RecordEncoder encoder;
    private final boolean afterEarlierRecords;
    private final byte[] separator;

    FramedEncoder(RecordEncoder encoder, boolean afterEarlierRecords) {
        this.encoder = encoder;
        this.afterEarlierRecords = afterEarlierRecords;
        this.separator = encoder.separator();
    }

    @Override
    public void encode(MarcRecord record, ByteArrayBuilder out) {
        if (afterEarlierRecords) {
            int mark = out.length();
            out.append(separator);
            try {
                encoder.encode(record, out);
            } catch (RuntimeException e) {
                out.truncate(mark);
                throw e;
            }
        } else {
            encoder.encode(record, out);
        }
    }

    @Override
    public boolean transcode(Iso2709Fields fields, ByteArrayBuilder out) {
        if (!(encoder instanceof Iso2709Transcoder)) {
            return false;
        }
        int mark = out.length();
        if (afterEarlierRecords) {
            out.append(separator);
        }
        if (((Iso2709Transcoder) encoder).transcode(fields, out)) {
            return true;
        }
        out.truncate(mark);
        return false;
    }

    @Override
    public boolean transcode(byte[] bytes, int offset, int length, Iso2709Fields fields, ByteArrayBuilder out) {
        if (!(encoder instanceof Iso2709Transcoder)) {
            return false;
        }
        int mark = out.length();
        if (afterEarlierRecords) {
            out.append(separator);
        }
        if (((Iso2709Transcoder) encoder).transcode(bytes, offset, length, fields, out)) {
            return true;
        }
        out.truncate(mark);
        return false;
    }

    @Override
    public byte[] separator() {
        return afterEarlierRecords ? new byte[0] : separator;
    }
}
