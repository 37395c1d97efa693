package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Read options: defaults, withers that copy, and the limits they check. */
class ReadOptionsTest {

    @Test
    void readOptionsWithersAndLimits() {
        ReadOptions o = ReadOptions.defaults();
        assertEquals(DecodeMode.PERMISSIVE, o.mode());
        assertEquals(CharacterCoding.AUTO, o.characterCoding());
        assertEquals(ReadOptions.DEFAULT_MAX_RECORD_BYTES, o.maxRecordBytes());
        assertEquals(ReadOptions.DEFAULT_MAX_FIELDS, o.maxFields());
        assertEquals(64, o.maxNestingDepth());
        ReadOptions changed = o.withMode(DecodeMode.STRICT).withCharacterCoding(CharacterCoding.LATIN1)
                .withMaxRecordBytes(64).withMaxFields(1).withMaxNestingDepth(8).withNormalizeNfc(true);
        assertEquals(true, changed.isStrict());
        assertEquals(CharacterCoding.LATIN1, changed.characterCoding());
        assertEquals(64, changed.maxRecordBytes());
        assertEquals(1, changed.maxFields());
        assertEquals(8, changed.maxNestingDepth());
        assertEquals(true, changed.normalizeNfc());
        assertEquals("ReadOptions[STRICT, LATIN1, maxRecordBytes=64, maxFields=1, maxNestingDepth=8, NFC, rejects thrown]",
                changed.toString());
        assertEquals(DecodeMode.PERMISSIVE, o.mode(), "the defaults are unchanged");
        assertEquals(DecodeMode.STRICT, ReadOptions.strict().mode());
        assertThrows(IllegalArgumentException.class, () -> o.withMaxRecordBytes(63));
        assertThrows(IllegalArgumentException.class, () -> o.withMaxFields(0));
        assertThrows(IllegalArgumentException.class, () -> o.withMaxNestingDepth(7));
        assertThrows(NullPointerException.class, () -> o.withMode(null));
        assertThrows(NullPointerException.class, () -> o.withCharacterCoding(null));
    }
}
