package org.marcring.engine;

/**
 * Where the engine's I/O thread gets records from: splits one input into records and copies each
 * record's raw bytes into a slot, together with its ordinal and byte offset; the I/O thread gathers the
 * records into the ring's batches. One implementation
 * per input format ({@link Iso2709Source} for ISO 2709); the format's decoding is done in parallel by the
 * {@link RecordParser}s it makes.
 *
 * <p>Only the I/O thread calls {@link #next(RecordSlot)}; it should allocate nothing per record (copy
 * into {@link RecordSlot#rawBuffer(int)}). {@link #close()} may be called from another thread to stop a
 * read that blocks.
 */
public interface RecordSource extends AutoCloseable {

    /**
     * Copies the next record's bytes into {@code slot} and describes it with
     * {@link RecordSlot#setRaw(int, long, long, int, int)}.
     *
     * @return {@code false} at the end of the input (the slot is then left alone)
     * @throws java.io.UncheckedIOException if reading fails
     */
    boolean next(RecordSlot slot);

    /** Offset in the input of the next byte not yet framed. */
    long position();

    /**
     * Whether a read may wait for data indefinitely (a pipe, a socket, a terminal), as opposed to a file or an
     * array. The I/O thread then publishes its batch as soon as the source has no {@link #ready() record ready},
     * instead of filling it, so that no record waits for the next one to arrive. Default: {@code true}.
     */
    default boolean readsMayBlock() {
        return true;
    }

    /**
     * Whether the next record can be framed from what the source has already read, without a read that may
     * wait: where reads may block, the I/O thread gathers records into a batch only while this holds.
     * Default: {@code false} (every record is handed on as soon as it is framed).
     */
    default boolean ready() {
        return false;
    }

    /** A new parser for this source's format; each parser thread gets its own. */
    RecordParser newParser();

    /** Closes the input. */
    @Override
    void close();
}
