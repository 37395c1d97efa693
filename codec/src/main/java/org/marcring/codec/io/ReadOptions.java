package org.marcring.codec.io;

import java.util.Objects;
import java.util.function.Consumer;

import org.marcring.codec.MarcFormatException;

/**
 * How records are read: decoding mode, character coding, what happens to a record that cannot be read,
 * and the limits that keep memory bounded. Immutable; the {@code with…} methods return a changed copy.
 *
 * <pre>{@code
 * ReadOptions options = ReadOptions.defaults().withMode(DecodeMode.STRICT);
 * List<MarcFormatException> rejects = new ArrayList<>();
 * ReadOptions collecting = ReadOptions.defaults().withRejectHandler(rejects::add);
 * }</pre>
 *
 * <p><b>Rejects.</b> A record that holds nothing readable (a record too damaged to repair, any fault in
 * strict mode) is <em>rejected</em> as a {@link MarcFormatException} naming its ordinal and byte offset; bytes
 * between records that hold no record come the same way, as a
 * {@link org.marcring.codec.SkippedBytesException}, but are no record (counted apart, as regions skipped). What a reader does with it is the {@link #rejectHandler()}: by default a permissive reader
 * skips it and reports it (to the {@link System.Logger} {@code org.marcring.rejects}, at {@code WARNING}),
 * so that {@code for (MarcRecord r : reader)} reads every record that can be read; a strict reader throws it
 * from {@code next()}. {@link #withRejectHandler(Consumer)} sends rejects to a handler of one's own, and
 * {@link #withRejectsThrown()} makes a permissive reader throw them too (the reader stays usable: the next
 * call goes on with the next record). Either way {@code recordsRead() + rejectedCount()} counts every record.
 */
public final class ReadOptions {
    /** Default largest record accepted: 16 MiB (ISO 2709 allows 99,999 bytes; real files exceed it). */
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;
    /** Default most fields in one record. */
    public static final int DEFAULT_MAX_FIELDS = 100_000;
    /**
     * Default deepest nesting of elements (MARCXML) or arrays and objects (MARC-in-JSON): 64, far more than
     * a record needs (MARCXML 4 levels, MARC-in-JSON 6) even inside an OAI-PMH or SRU envelope.
     */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

    /** The default reject handler of permissive reading: a warning to the logger {@code org.marcring.rejects}. */
    private static final Consumer<MarcFormatException> LOG_REJECTS = new Consumer<>() {
        private final System.Logger log = System.getLogger("org.marcring.rejects");

        @Override
        public void accept(MarcFormatException e) {
            log.log(System.Logger.Level.WARNING, "skipped: {0}", e.getMessage());
        }

        @Override
        public String toString() {
            return "logged";
        }
    };
    /** The handler that stands for "throw from next()": no handler. */
    private static final Consumer<MarcFormatException> THROW = null;

    private static final ReadOptions DEFAULTS = new ReadOptions(DecodeMode.PERMISSIVE, CharacterCoding.AUTO,
            DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_FIELDS, DEFAULT_MAX_NESTING_DEPTH, false, false, THROW);

    private final DecodeMode mode;
    private final CharacterCoding characterCoding;
    private final int maxRecordBytes;
    private final int maxFields;
    private final int maxNestingDepth;
    private final boolean normalizeNfc;
    /** Whether {@link #rejectHandler} was chosen; if not, it follows the mode. */
    private final boolean handlerChosen;
    private final Consumer<MarcFormatException> rejectHandler;

    private ReadOptions(DecodeMode mode, CharacterCoding characterCoding, int maxRecordBytes, int maxFields,
                        int maxNestingDepth, boolean normalizeNfc, boolean handlerChosen,
                        Consumer<MarcFormatException> rejectHandler) {
        this.handlerChosen = handlerChosen;
        this.rejectHandler = rejectHandler;
        this.mode = mode;
        this.characterCoding = characterCoding;
        this.maxRecordBytes = maxRecordBytes;
        this.maxFields = maxFields;
        this.maxNestingDepth = maxNestingDepth;
        this.normalizeNfc = normalizeNfc;
    }

    /** Permissive (rejects skipped and logged), character coding by leader/09, 16 MiB records at most. */
    public static ReadOptions defaults() {
        return DEFAULTS;
    }

    /** Strict defaults: as {@link #defaults()} but any fault rejects the record, and rejects are thrown. */
    public static ReadOptions strict() {
        return DEFAULTS.withMode(DecodeMode.STRICT);
    }

    /** Strict or permissive. */
    public DecodeMode mode() {
        return mode;
    }

    /** Whether the mode is {@link DecodeMode#STRICT}. */
    public boolean isStrict() {
        return mode == DecodeMode.STRICT;
    }

    /** Which character set turns bytes into text. */
    public CharacterCoding characterCoding() {
        return characterCoding;
    }

    /** Largest record, in bytes, that is read; a larger one is rejected. */
    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /** Most fields one record may have; a record with more is rejected. */
    public int maxFields() {
        return maxFields;
    }

    /**
     * Deepest nesting of XML elements or JSON arrays and objects that is read; deeper input is refused
     * (nesting costs the parser memory per level, so an endless nesting must not be followed).
     */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /**
     * What a reader does with a record it rejects: the handler it hands the {@link MarcFormatException} to
     * before going on with the next record, or {@code null} to throw it from {@code next()}. Unless chosen
     * with {@link #withRejectHandler(Consumer)} or {@link #withRejectsThrown()}: a handler that logs a warning
     * when permissive, {@code null} (throw) when strict.
     */
    public Consumer<MarcFormatException> rejectHandler() {
        if (handlerChosen) {
            return rejectHandler;
        }
        return mode == DecodeMode.STRICT ? THROW : LOG_REJECTS;
    }

    /** A copy whose readers hand rejected records to {@code handler} and go on with the next record. */
    public ReadOptions withRejectHandler(Consumer<MarcFormatException> handler) {
        return new ReadOptions(mode, characterCoding, maxRecordBytes, maxFields, maxNestingDepth, normalizeNfc,
                true, Objects.requireNonNull(handler, "handler"));
    }

    /** A copy whose readers throw each rejected record from {@code next()}, in either mode. */
    public ReadOptions withRejectsThrown() {
        return new ReadOptions(mode, characterCoding, maxRecordBytes, maxFields, maxNestingDepth, normalizeNfc,
                true, THROW);
    }

    /** Whether text decoded from MARC-8 is composed to Unicode NFC (default: decomposed, as LC converts). */
    public boolean normalizeNfc() {
        return normalizeNfc;
    }

    /** A copy with another mode. */
    public ReadOptions withMode(DecodeMode mode) {
        return new ReadOptions(java.util.Objects.requireNonNull(mode), characterCoding, maxRecordBytes, maxFields,
                maxNestingDepth, normalizeNfc, handlerChosen, rejectHandler);
    }

    /** A copy with another character coding. */
    public ReadOptions withCharacterCoding(CharacterCoding coding) {
        return new ReadOptions(mode, java.util.Objects.requireNonNull(coding), maxRecordBytes, maxFields,
                maxNestingDepth, normalizeNfc, handlerChosen, rejectHandler);
    }

    /** A copy with another record size limit (at least 64 bytes). */
    public ReadOptions withMaxRecordBytes(int bytes) {
        if (bytes < 64) {
            throw new IllegalArgumentException("maxRecordBytes must be at least 64: " + bytes);
        }
        return new ReadOptions(mode, characterCoding, bytes, maxFields, maxNestingDepth, normalizeNfc,
                handlerChosen, rejectHandler);
    }

    /** A copy with another field count limit (at least 1). */
    public ReadOptions withMaxFields(int fields) {
        if (fields < 1) {
            throw new IllegalArgumentException("maxFields must be at least 1: " + fields);
        }
        return new ReadOptions(mode, characterCoding, maxRecordBytes, fields, maxNestingDepth, normalizeNfc,
                handlerChosen, rejectHandler);
    }

    /** A copy with another nesting depth limit (at least 8, what a record in an envelope needs). */
    public ReadOptions withMaxNestingDepth(int depth) {
        if (depth < 8) {
            throw new IllegalArgumentException("maxNestingDepth must be at least 8: " + depth);
        }
        return new ReadOptions(mode, characterCoding, maxRecordBytes, maxFields, depth, normalizeNfc,
                handlerChosen, rejectHandler);
    }

    /** A copy that composes MARC-8 text to NFC (or not). */
    public ReadOptions withNormalizeNfc(boolean nfc) {
        return new ReadOptions(mode, characterCoding, maxRecordBytes, maxFields, maxNestingDepth, nfc, handlerChosen,
                rejectHandler);
    }

    @Override
    public String toString() {
        return "ReadOptions[" + mode + ", " + characterCoding + ", maxRecordBytes=" + maxRecordBytes
                + ", maxFields=" + maxFields + ", maxNestingDepth=" + maxNestingDepth + (normalizeNfc ? ", NFC" : "")
                + ", rejects " + (rejectHandler() == null ? "thrown" : rejectHandler() == LOG_REJECTS ? "logged"
                : "handled") + "]";
    }
}
