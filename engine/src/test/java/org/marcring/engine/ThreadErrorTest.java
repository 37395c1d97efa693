package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.Iso2709Reader;

/**
 * An {@link Error} ({@link OutOfMemoryError}, {@link StackOverflowError}) thrown in any engine thread - the I/O
 * thread, a parser, the writer, the one thread of a one-parser run - stops the run of a {@link Pipeline}, a
 * {@link ParallelReader} and a {@link ParallelWriter}: the caller gets an exception that carries the error and
 * names the thread, no engine thread is left, and no caller waits forever. Each case runs many times, to catch
 * races between the dying thread and the others.
 */
class ThreadErrorTest {
    private static final int REPEAT = 50;
    private static final int RECORDS = 400;
    /** The record (by position) at which a parser or the writer dies, well inside the input. */
    private static final int FATAL_RECORD = 150;
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private static byte[] input;
    private static List<MarcRecord> records;

    @BeforeAll
    static void makeInput() throws Exception {
        input = Fixtures.concat(Fixtures.numberedRecords(RECORDS));
        try (Iso2709Reader r = Iso2709Reader.of(new ByteArrayInputStream(input))) {
            records = new java.util.ArrayList<>();
            r.forEachRemaining(records::add);
        }
        assertEquals(RECORDS, records.size());
    }

    static Stream<Arguments> errors() {
        return Stream.of(Arguments.of("OutOfMemoryError"), Arguments.of("StackOverflowError"));
    }

    /** Each error with two parsers (the ring's threads) and with one (one thread runs the stages). */
    static Stream<Arguments> errorsAndParsers() {
        return errors().flatMap(e -> Stream.of(Arguments.of(e.get()[0], 2), Arguments.of(e.get()[0], 1)));
    }

    /** The thread a pipeline with {@code parsers} parsers runs stage {@code thread} on. */
    private static String stage(String thread, int parsers) {
        return parsers == 1 ? EngineThreads.WORKER : thread;
    }

    private static Error error(String kind) {
        return kind.equals("OutOfMemoryError") ? new OutOfMemoryError("injected") : new StackOverflowError("injected");
    }

    // ---------------------------------------------------------------- Pipeline

    @ParameterizedTest(name = "{0}, {1} parsers")
    @MethodSource("errorsAndParsers")
    void anErrorInThePipelinesIoThreadStopsTheRunNamingIt(String kind, int parsers) {
        repeat(() -> {
            Error e = error(kind);
            EngineException thrown = assertThrows(EngineException.class, () -> Pipeline.builder()
                    .source(dyingStream(input.length / 3, e)).parsers(parsers).ringSize(8).batchBytes(4096)
                    .sink(new ByteArrayOutputStream(), Iso2709Encoder::new).build().run());
            assertCarries(thrown, e, stage(EngineThreads.IO, parsers));
        });
    }

    @ParameterizedTest(name = "{0}, {1} parsers")
    @MethodSource("errorsAndParsers")
    void anErrorInAPipelineParserStopsTheRunNamingIt(String kind, int parsers) {
        repeat(() -> {
            Error e = error(kind);
            Function<MarcRecord, MarcRecord> dies = r -> {
                if (Integer.parseInt(r.controlNumber()) == FATAL_RECORD) {
                    throw e;
                }
                return r;
            };
            EngineException thrown = assertThrows(EngineException.class, () -> Pipeline.builder()
                    .source(new ByteArrayInputStream(input)).parsers(parsers).ringSize(8).batchBytes(4096)
                    .transform(dies).sink(new ByteArrayOutputStream(), Iso2709Encoder::new).build().run());
            assertCarries(thrown, e, stage(EngineThreads.PARSER, parsers));
            assertEquals(FATAL_RECORD, thrown.partialResult().recordsWritten(), "the records before it were written");
        });
    }

    @ParameterizedTest(name = "{0}, {1} parsers")
    @MethodSource("errorsAndParsers")
    void anErrorInThePipelinesWriterStopsTheRunNamingIt(String kind, int parsers) {
        repeat(() -> {
            Error e = error(kind);
            EngineException thrown = assertThrows(EngineException.class, () -> Pipeline.builder()
                    .source(new ByteArrayInputStream(input)).parsers(parsers).ringSize(8).batchBytes(4096)
                    .sink(dyingSink(input.length / 3, e), Iso2709Encoder::new).build().run());
            assertCarries(thrown, e, stage(EngineThreads.WRITER, parsers));
        });
    }

    // ---------------------------------------------------------------- ParallelReader

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void anErrorInTheReadersIoThreadReachesTheCallerNamingIt(String kind) {
        repeat(() -> {
            Error e = error(kind);
            Throwable thrown = readAll(new ParallelReader(
                    Iso2709Source.of(dyingStream(input.length / 3, e), ReadOptions.defaults()), 2, 8, null));
            assertCarries(thrown, e, EngineThreads.IO);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void anErrorInAReaderParserReachesTheCaller(String kind) {
        repeat(() -> {
            Error e = error(kind);
            RecordSource source = new ParserDiesAt(Iso2709Source.of(input, ReadOptions.defaults()), FATAL_RECORD, e);
            Throwable thrown = readAll(new ParallelReader(source, 2, 8, null));
            assertSame(e, thrown, "the parser's error comes out of next(), at the record it died on");
        });
    }

    // ---------------------------------------------------------------- ParallelWriter

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void anErrorInAWriterParserStopsTheWriterNamingIt(String kind) {
        repeat(() -> {
            Error e = error(kind);
            Supplier<RecordEncoder> encoders = () -> {
                Iso2709Encoder iso = new Iso2709Encoder();
                return (record, out) -> {
                    if (Integer.parseInt(record.controlNumber()) == FATAL_RECORD) {
                        throw e;
                    }
                    iso.encode(record, out);
                };
            };
            Throwable thrown = writeAll(new ParallelWriter(new ByteArrayOutputStream(), encoders, 2, 8,
                    ErrorPolicy.skip()));
            assertCarries(thrown, e, EngineThreads.PARSER);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void anErrorInTheWriterThreadStopsTheWriterNamingIt(String kind) {
        repeat(() -> {
            Error e = error(kind);
            Throwable thrown = writeAll(new ParallelWriter(dyingSink(input.length / 3, e), Iso2709Encoder::new, 2, 8,
                    ErrorPolicy.skip()));
            assertCarries(thrown, e, EngineThreads.WRITER);
        });
    }

    // ---------------------------------------------------------------- helpers

    private static void repeat(Runnable run) {
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int i = 0; i < REPEAT; i++) {
                run.run();
                Fixtures.assertNoEngineThreads();
            }
        });
    }

    /** Reads everything, expecting a failure; the failure. */
    private static Throwable readAll(ParallelReader reader) {
        try (reader) {
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (RuntimeException | Error t) {
            return t;
        }
        return fail("the reader ended without the error");
    }

    /** Writes every record and closes, expecting a failure; the failure. */
    private static Throwable writeAll(ParallelWriter writer) {
        try {
            try (writer) {
                for (MarcRecord r : records) {
                    writer.write(r);
                }
            }
        } catch (RuntimeException | Error t) {
            return t;
        }
        return fail("the writer ended without the error");
    }

    /** {@code thrown} is or wraps {@code error}, and its message chain names the thread {@code thread...}. */
    private static void assertCarries(Throwable thrown, Error error, String thread) {
        boolean found = false;
        StringBuilder messages = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            found |= t == error;
            messages.append(t).append(" / ");
        }
        assertTrue(found, "the error is the cause: " + messages);
        assertTrue(messages.toString().contains("thread " + thread), "names the thread " + thread + ": " + messages);
    }

    /** A stream of the input that throws {@code error} once {@code after} bytes are read. */
    private static InputStream dyingStream(int after, Error error) {
        return new ByteArrayInputStream(input) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (pos >= after) {
                    throw error;
                }
                return super.read(b, off, Math.min(len, Math.max(1, after - pos)));
            }
        };
    }

    /** A sink that throws {@code error} once it holds {@code after} bytes. */
    private static OutputStream dyingSink(int after, Error error) {
        return new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                if (count + len > after) {
                    throw error;
                }
                super.write(b, off, len);
            }
        };
    }

    /** A source whose parsers throw {@code error} at the record at position {@code at}. */
    private static final class ParserDiesAt implements RecordSource {
        private final RecordSource source;
        private final int at;
        private final Error error;

        ParserDiesAt(RecordSource source, int at, Error error) {
            this.source = source;
            this.at = at;
            this.error = error;
        }

        @Override
        public boolean next(RecordSlot slot) {
            return source.next(slot);
        }

        @Override
        public long position() {
            return source.position();
        }

        @Override
        public RecordParser newParser() {
            RecordParser parser = source.newParser();
            return slot -> {
                if (slot.ordinal() == at) {
                    throw error;
                }
                return parser.parse(slot);
            };
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
