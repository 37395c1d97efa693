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
 * <p>In permissive mode (the default) most damage is repaired and listed in {@link MarcRecord#errors()},
 * and a record that cannot be read at all is skipped and reported to the reject handler of the
 * {@link ReadOptions} (a logged warning unless another is set with
 * {@link ReadOptions#withRejectHandler}), so a {@code for} loop reads every record that can be read. In
 * strict mode, or with {@link ReadOptions#withRejectsThrown()}, such a record makes {@link #next()} throw
 * a {@link org.marcring.codec.MarcFormatException} naming its ordinal and byte offset; the reader stays
 * usable, and the next call goes on with the following record.
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
