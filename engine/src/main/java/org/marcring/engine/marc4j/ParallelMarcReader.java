package org.marcring.engine.marc4j;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Objects;

import org.marc4j.MarcException;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.CharacterCoding;
import org.marcring.codec.io.DecodeMode;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.ReadOptions;
import org.marcring.engine.Iso2709Source;
import org.marcring.engine.ParallelReader;
import org.marcring.engine.PipelineBuilder;
import org.marcring.engine.RecordSource;
import org.marcring.engine.RecordSources;

/**
 * A marc4j {@link org.marc4j.MarcReader} that parses on several threads: code written against marc4j's
 * {@code MarcReader} and {@code Record} gets marcring's parallel decoding by changing the line that creates
 * its reader.
 *
 * <pre>{@code
 * MarcReader reader = new ParallelMarcReader(in, true, true);   // was new MarcPermissiveStreamReader(in, true, true)
 * while (reader.hasNext()) {
 *     Record record = reader.next();
 *     ...
 * }
 * }</pre>
 *
 * <p>Records come in file order as {@link Record}s built with marc4j's own {@link MarcFactory}, in Unicode:
 * MARC-8 is converted (and leader/09 set to {@code a}) unless {@code convertToUtf8} is {@code false}, in
 * which case a record not marked UTF-8 comes through byte for char, as marc4j gives it. The input may be
 * ISO 2709, MARCXML, MARC-in-JSON (NDJSON or an array), or MARCMaker, gzip-compressed or not: named in
 * {@link Options#format(MarcFormat)} or told from its first bytes (as
 * {@link org.marcring.engine.RecordSources} does); every format is decoded on the parser threads.
 *
 * <h2>Errors</h2>
 * <ul>
 * <li>Permissive mode (the default): what a record's decoding repaired is attached to it with
 * {@link Record#addError(String, String, int, String)}, as marc4j's permissive reader does.</li>
 * <li>A record that cannot be read at all (permissive mode), or any fault at all (strict mode), is thrown
 * from {@link #next()} as a {@link MarcException} whose message names the record, counting from 1 as every
 * message of marcring does, and its byte offset: {@code record 12 at byte 34567: ...} for the 12th record.
 * Bytes between records that hold no record come the same way ({@code 66 bytes skipped at byte 32317, after
 * record 21: ...}); they are not a record, and the records after them keep their numbers. The reader stays usable: the next call to
 * {@link #next()} returns the record after it. A marc4j reader would instead either hand back what it could
 * salvage or stop; skipping exactly the bad record and saying which it was is marcring's choice.</li>
 * <li>A failure to read the input (an {@link IOException}) is thrown from {@link #hasNext()} as a
 * {@link MarcException}, or from the constructor where it happens in the first bytes, read to tell the
 * format; the reader is then finished.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * Each reader runs its own daemon threads ({@code marcring-io}, {@code marcring-parser-N}). They stop and
 * the input is closed when {@link #hasNext()} has returned {@code false}, when a read failure has been
 * thrown, or on {@link #close()}; so code written for marc4j, which reads to the end and never closes,
 * leaks nothing. A reader dropped half-way without {@code close()} has its threads stopped once it is
 * garbage collected; close it to stop them at once. Iterate from one thread at a time; constructing and
 * using several readers at once, on different threads, is safe.
 */
public final class ParallelMarcReader implements org.marc4j.MarcReader, Closeable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final MarcReader records;
    private final MarcFactory factory;
    private final boolean convertToUtf8;
    private final Cleaner.Cleanable cleanable;
    private boolean finished;

    /** A permissive reader converting MARC-8 to Unicode; the format is told from the first bytes. */
    public ParallelMarcReader(InputStream in) {
        this(in, Options.defaults());
    }

    /**
     * As marc4j's {@code MarcStreamReader(in, encoding)}: permissive, with {@code encoding} ({@code UTF8},
     * {@code MARC8}, {@code ISO8859_1}, {@code BESTGUESS}, or {@code null} for leader/09) for every record.
     */
    public ParallelMarcReader(InputStream in, String encoding) {
        this(in, Options.defaults().encoding(encoding));
    }

    /** As marc4j's {@code MarcPermissiveStreamReader(in, permissive, convertToUtf8)}. */
    public ParallelMarcReader(InputStream in, boolean permissive, boolean convertToUtf8) {
        this(in, Options.defaults().permissive(permissive).convertToUtf8(convertToUtf8));
    }

    /** As marc4j's {@code MarcPermissiveStreamReader(in, permissive, convertToUtf8, defaultEncoding)}. */
    public ParallelMarcReader(InputStream in, boolean permissive, boolean convertToUtf8, String defaultEncoding) {
        this(in, Options.defaults().permissive(permissive).convertToUtf8(convertToUtf8).encoding(defaultEncoding));
    }

    /**
     * A reader of {@code in} with {@code options}; closing the reader (or reading it to the end) closes
     * {@code in}.
     *
     * @throws MarcException where the format is to be told from the first bytes and they match none, or
     *                       reading those fails
     */
    public ParallelMarcReader(InputStream in, Options options) {
        this(null, Objects.requireNonNull(in, "in"), options);
    }

    private ParallelMarcReader(Path file, InputStream in, Options options) {
        Objects.requireNonNull(options, "options");
        this.factory = options.factory();
        this.convertToUtf8 = options.convertToUtf8;
        MarcReader opened;
        try {
            opened = open(file, in, options);
        } catch (org.marcring.codec.MarcException e) {
            closeQuietly(in);
            throw new MarcException(e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(in);
            Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
            throw new MarcException("cannot read the input: " + cause.getMessage(), cause);
        }
        this.records = opened;
        this.cleanable = CLEANER.register(this, new Stop(opened));
    }

    /** A reader of a file with {@code options}. */
    public static ParallelMarcReader open(Path file, Options options) {
        return new ParallelMarcReader(Objects.requireNonNull(file, "file"), null, options);
    }

    /** A permissive reader of a file, converting MARC-8 to Unicode. */
    public static ParallelMarcReader open(Path file) {
        return open(file, Options.defaults());
    }

    @Override
    public boolean hasNext() {
        if (finished) {
            return false;
        }
        boolean more;
        try {
            more = records.hasNext();
        } catch (RuntimeException e) {
            finish();
            throw e instanceof MarcException ? e : new MarcException(describe(e), e);
        }
        if (!more) {
            finish();
        }
        return more;
    }

    /**
     * The next record.
     *
     * @throws MarcException for a record that cannot be read, naming its ordinal and byte offset; the
     *                       following call returns the record after it
     * @throws NoSuchElementException at the end of the input
     */
    @Override
    public Record next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        MarcRecord record;
        try {
            record = records.next();
        } catch (NoSuchElementException e) {
            throw e;
        } catch (org.marcring.codec.MarcException e) {
            throw new MarcException(e.getMessage(), e);
        } catch (RuntimeException e) {
            finish();
            throw new MarcException(describe(e), e);
        }
        Record out = Marc4jRecords.toMarc4j(record, factory);
        if (convertToUtf8) {
            out.getLeader().setCharCodingScheme('a'); // as marc4j: the converted record now holds Unicode
        }
        return out;
    }

    /** Number of records returned by {@link #next()} so far. */
    public long recordsRead() {
        return records.recordsRead();
    }

    /** Stops the reader's threads and closes the input; reading after it finds no more records. */
    @Override
    public void close() {
        finish();
    }

    private void finish() {
        finished = true;
        cleanable.clean();
    }

    private static String describe(RuntimeException e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return "cannot read the input: " + cause.getMessage();
    }

    /** Closes the marcring reader: on close, at the end, or when the marc4j reader is garbage collected. */
    private static final class Stop implements Runnable {
        private final MarcReader records;

        Stop(MarcReader records) {
            this.records = records;
        }

        @Override
        public void run() {
            records.close();
        }
    }

    /** The marcring reader of {@code file}, or where it is {@code null} of {@code in}. */
    private static MarcReader open(Path file, InputStream in, Options options) throws IOException {
        ReadOptions read = options.readOptions();
        RecordSource source = file != null ? RecordSources.open(file, options.format, read)
                : RecordSources.of(in, options.format, read);
        if (!options.convertToUtf8 && read.characterCoding() == CharacterCoding.AUTO
                && source instanceof Iso2709Source) {
            source = new UnconvertedIso2709Source((Iso2709Source) source);
        }
        if (file == null && (isRegularFile(in) || in instanceof ByteArrayInputStream)) {
            source = new NonBlockingSource(source); // never waits for data: publish in batches
        }
        return new ParallelReader(source, options.threads, PipelineBuilder.DEFAULT_RING_SIZE, null);
    }

    /** Whether {@code in} reads a regular file (not a pipe or a device, whose channel has no size). */
    private static boolean isRegularFile(InputStream in) {
        if (!(in instanceof FileInputStream)) {
            return false;
        }
        try {
            return ((FileInputStream) in).getChannel().size() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // the failure being reported matters more
        }
    }

    /**
     * How a {@link ParallelMarcReader} reads: permissive or strict, whether MARC-8 is converted, which
     * encoding, which format, how many parser threads, which {@link MarcFactory}. Immutable; each setter
     * returns a changed copy.
     *
     * <pre>{@code
     * new ParallelMarcReader(in, ParallelMarcReader.Options.defaults().threads(4).format(MarcFormat.MARCXML));
     * }</pre>
     */
    public static final class Options {
        private static final Options DEFAULTS = new Options(true, true, CharacterCoding.AUTO, MarcFormat.AUTO,
                Runtime.getRuntime().availableProcessors(), null, ReadOptions.defaults());

        private final boolean permissive;
        private final boolean convertToUtf8;
        private final CharacterCoding coding;
        private final MarcFormat format;
        private final int threads;
        private final MarcFactory factory;
        private final ReadOptions base;

        private Options(boolean permissive, boolean convertToUtf8, CharacterCoding coding, MarcFormat format,
                        int threads, MarcFactory factory, ReadOptions base) {
            this.permissive = permissive;
            this.convertToUtf8 = convertToUtf8;
            this.coding = coding;
            this.format = format;
            this.threads = threads;
            this.factory = factory;
            this.base = base;
        }

        /**
         * Permissive, MARC-8 converted to Unicode, encoding by leader/09, format told from the first bytes,
         * one parser thread per available processor, marc4j's default {@link MarcFactory}.
         */
        public static Options defaults() {
            return DEFAULTS;
        }

        /** Permissive (repairs and attaches errors) or strict (throws on any fault). */
        public Options permissive(boolean permissive) {
            return new Options(permissive, convertToUtf8, coding, format, threads, factory, base);
        }

        /** Whether MARC-8 text is converted to Unicode (otherwise it comes through byte for char). */
        public Options convertToUtf8(boolean convert) {
            return new Options(permissive, convert, coding, format, threads, factory, base);
        }

        /**
         * The encoding of every record, by marc4j's names: {@code UTF8}/{@code UTF-8}, {@code MARC8}/
         * {@code MARC-8}, {@code ISO8859_1}/{@code ISO-8859-1}; {@code BESTGUESS} or {@code null} to go by
         * leader/09 (and, when permissive, by the bytes).
         *
         * @throws IllegalArgumentException for another name
         */
        public Options encoding(String encoding) {
            return new Options(permissive, convertToUtf8, Marc4jEncodings.of(encoding), format, threads, factory,
                    base);
        }

        /** The input's format, or {@link MarcFormat#AUTO} (the default) to tell it from the first bytes. */
        public Options format(MarcFormat format) {
            Objects.requireNonNull(format, "format (MarcFormat.AUTO to detect it)");
            if (!format.isReadable()) {
                throw new IllegalArgumentException("the " + format.displayName() + " format is written only");
            }
            return new Options(permissive, convertToUtf8, coding, format, threads, factory, base);
        }

        /** Number of parser threads, 1 to 256. */
        public Options threads(int threads) {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads must be 1 to 256: " + threads);
            }
            return new Options(permissive, convertToUtf8, coding, format, threads, factory, base);
        }

        /** The factory the marc4j records are built with. */
        public Options factory(MarcFactory factory) {
            return new Options(permissive, convertToUtf8, coding, format, threads,
                    Objects.requireNonNull(factory, "factory"), base);
        }

        /**
         * marcring's limits and NFC choice (its mode and coding are replaced by {@link #permissive(boolean)}
         * and {@link #encoding(String)}).
         */
        public Options readOptions(ReadOptions options) {
            return new Options(permissive, convertToUtf8, coding, format, threads, factory,
                    Objects.requireNonNull(options, "options"));
        }

        /** The marcring options these stand for. */
        ReadOptions readOptions() {
            CharacterCoding c = coding;
            if (!convertToUtf8 && c == CharacterCoding.MARC8) {
                c = CharacterCoding.LATIN1; // MARC-8 left as it is
            }
            return base.withMode(permissive ? DecodeMode.PERMISSIVE : DecodeMode.STRICT).withCharacterCoding(c);
        }

        MarcFactory factory() {
            return factory != null ? factory : MarcFactory.newInstance();
        }
    }
}
