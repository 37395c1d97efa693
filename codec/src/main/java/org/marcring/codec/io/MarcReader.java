package org.marcring.codec.io;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.marcring.codec.MarcRecord;

/**
 * Reads records one after the other from one input, in input order, in any format.
 * A reader is an {@link Iterator} (and, once, an {@link Iterable}) and must be closed.
 *
 * <pre>{@code
 * try (MarcReader reader = Iso2709Reader.open(Path.of("books.mrc"))) {
 *     for (MarcRecord record : reader) {
 *         System.out.println(record.title());
 *     }
 * }
 * }</pre>
 *
 * <p>A record that cannot be read at all makes {@link #next()} throw a
 * {@link org.marcring.codec.MarcFormatException} naming its ordinal and byte offset; the reader
 * stays usable, and the next call goes on with the following record. In permissive mode most
 * damage is repaired instead and listed in {@link MarcRecord#errors()}.
 */
public interface MarcReader extends Iterator<MarcRecord>, Iterable<MarcRecord>, AutoCloseable {

    /** The reader itself: it can be iterated once. */
    @Override
    default Iterator<MarcRecord> iterator() {
        return this;
    }

    /** The remaining records as an ordered, sequential stream; closing the stream closes the reader. */
    default Stream<MarcRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    /** Number of records returned so far. */
    long recordsRead();

    /** Closes the input. */
    @Override
    void close();
}
