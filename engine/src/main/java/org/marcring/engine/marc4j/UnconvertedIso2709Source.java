package org.marcring.engine.marc4j;

import org.marcring.codec.io.CharacterCoding;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Decoder;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.engine.Iso2709Source;
import org.marcring.engine.RecordParser;
import org.marcring.engine.RecordSlot;
import org.marcring.engine.RecordSource;

/**
 * ISO 2709 read as marc4j reads it when told not to convert to UTF-8: a record whose leader/09 is
 * {@code a} is decoded as UTF-8, any other one byte for char (ISO 8859-1), so that MARC-8 text reaches the
 * caller unconverted, escape sequences and all.
 */
final class UnconvertedIso2709Source implements RecordSource {
    private final Iso2709Source framing;
    private final ReadOptions options;

    UnconvertedIso2709Source(Iso2709Source framing) {
        this.framing = framing;
        this.options = framing.options();
    }

    @Override
    public boolean next(RecordSlot slot) {
        return framing.next(slot);
    }

    @Override
    public long position() {
        return framing.position();
    }

    @Override
    public boolean readsMayBlock() {
        return framing.readsMayBlock();
    }

    @Override
    public boolean ready() {
        return framing.ready();
    }

    @Override
    public RecordParser newParser() {
        Iso2709Decoder unicode = new Iso2709Decoder(options.withCharacterCoding(CharacterCoding.UTF8));
        Iso2709Decoder bytes = new Iso2709Decoder(options.withCharacterCoding(CharacterCoding.LATIN1));
        RawRecord raw = new RawRecord();
        return slot -> {
            raw.set(slot.raw(), 0, slot.rawLength(), slot.ordinal(), slot.byteOffset(), slot.defects(),
                    slot.declaredLength());
            boolean utf8 = slot.rawLength() > 9 && slot.raw()[9] == 'a';
            return (utf8 ? unicode : bytes).decode(raw);
        };
    }

    @Override
    public void close() {
        framing.close();
    }
}
