package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcException;
import org.marcring.codec.MarcRecord;

/** The generic writer: header, separators and footer, buffering, refused records, closing and I/O failures. */
class EncodingWriterTest {

    /** Writes each record's 001 in brackets; refuses a record whose 001 is "bad". */
    static final class BracketEncoder implements RecordEncoder {
        @Override
        public void encode(MarcRecord record, ByteArrayBuilder out) {
            out.appendAscii("<" + record.controlNumber());
            if ("bad".equals(record.controlNumber())) {
                throw new MarcException("refused");
            }
            out.appendAscii(">");
        }

        @Override
        public byte[] header() {
            return "[".getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public byte[] separator() {
            return ",".getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public byte[] footer() {
            return "]".getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static MarcRecord rec(String id) {
        return MarcRecord.builder().controlField("001", id).build();
    }

    /** Records what happens to it. */
    static final class Sink extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int closes;
        int flushes;
        boolean failing;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (failing) {
                throw new IOException("disk full");
            }
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
            closes++;
        }

        String text() {
            return bytes.toString(StandardCharsets.US_ASCII);
        }
    }

    @Test
    void headerSeparatorsAndFooterSurroundTheRecords() {
        Sink sink = new Sink();
        try (EncodingWriter w = new EncodingWriter(sink, new BracketEncoder())) {
            w.write(rec("a"));
            w.write(rec("b"));
            w.write(rec("c"));
            assertEquals(3, w.recordsWritten());
        }
        assertEquals("[<a>,<b>,<c>]", sink.text());
        assertEquals(1, sink.closes);
    }

    @Test
    void noRecordsStillGivesHeaderAndFooter() {
        Sink sink = new Sink();
        new EncodingWriter(sink, new BracketEncoder()).close();
        assertEquals("[]", sink.text());
    }

    @Test
    void refusedRecordLeavesNoTraceNotEvenItsSeparator() {
        Sink sink = new Sink();
        try (EncodingWriter w = new EncodingWriter(sink, new BracketEncoder())) {
            assertThrows(MarcException.class, () -> w.write(rec("bad")));
            w.write(rec("a"));
            assertThrows(MarcException.class, () -> w.write(rec("bad")));
            w.write(rec("b"));
            assertEquals(2, w.recordsWritten());
        }
        assertEquals("[<a>,<b>]", sink.text());
    }

    @Test
    void bytesReachTheStreamOnFlushAndWhenTheBufferFills() {
        Sink sink = new Sink();
        EncodingWriter w = new EncodingWriter(sink, new BracketEncoder());
        w.write(rec("a"));
        assertEquals("", sink.text(), "buffered");
        w.flush();
        assertEquals("[<a>", sink.text());
        assertEquals(1, sink.flushes);
        String id = "x".repeat(1000);
        for (int i = 0; i < 100; i++) {
            w.write(rec(id));
        }
        assertTrue(sink.bytes.size() >= 64 * 1024, "drained at 64 KiB without a flush: " + sink.bytes.size());
        w.close();
        assertEquals(4 + 100 * 1003 + 1, sink.bytes.size());
    }

    @Test
    void closeIsIdempotentAndWritingAfterItFails() {
        Sink sink = new Sink();
        EncodingWriter w = new EncodingWriter(sink, new BracketEncoder());
        w.close();
        w.close();
        assertEquals(1, sink.closes);
        assertEquals("[]", sink.text());
        assertThrows(IllegalStateException.class, () -> w.write(rec("a")));
    }

    @Test
    void ioFailureIsUnchecked() {
        Sink sink = new Sink();
        EncodingWriter w = new EncodingWriter(sink, new BracketEncoder());
        w.write(rec("a"));
        sink.failing = true;
        UncheckedIOException e = assertThrows(UncheckedIOException.class, w::flush);
        assertEquals("disk full", e.getCause().getMessage());
        assertThrows(UncheckedIOException.class, w::close);
        assertEquals(1, sink.closes, "the stream is closed even when the last write fails");
    }
}
