package org.marcring.engine;

import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;

/**
 * Turns the raw bytes of one slot into a record, on a parser thread. Each parser thread has its own
 * instance, so an implementation may keep scratch space.
 */
@FunctionalInterface
public interface RecordParser {

    /**
     * Decodes the record in {@code slot} ({@link RecordSlot#raw()}, {@link RecordSlot#rawLength()}).
     *
     * @throws MarcFormatException if the bytes hold no readable record; it names the slot's ordinal and
     *                             byte offset
     */
    MarcRecord parse(RecordSlot slot);
}
