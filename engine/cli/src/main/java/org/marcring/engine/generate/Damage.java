package org.marcring.engine.generate;

/**
 * The kinds of byte-level damage {@link CorpusGenerator} applies to encoded records, as found in real
 * files, for testing and measuring error paths. Each damaged record gets exactly one kind. Every kind
 * but {@link #GARBAGE} leaves a record that a permissive reader repairs and returns with errors, and
 * that a strict reader rejects.
 */
public enum Damage {
    /** The record length in the leader (00-04) is 1 to 20 bytes off; the record is found by its terminator. */
    LYING_LENGTH,
    /** One directory entry has a non-digit in its field length or starting position. */
    BAD_DIRECTORY_DIGITS,
    /** One field's terminator (0x1E) is overwritten by a full stop. */
    MISSING_FIELD_TERMINATOR,
    /**
     * The record terminator (0x1D) is dropped, so readers take this record and the next one as one
     * (a damaged record); the generator writes the next record undamaged and without garbage before it.
     * On the last record of the output, the record is cut short instead.
     */
    MISSING_RECORD_TERMINATOR,
    /**
     * One byte of a subfield value is replaced by one that is not valid UTF-8: 0xFF, a lone lead byte
     * 0xC3 or a stray continuation byte 0x80 (only 0xFF, undefined in MARC-8 too, in MARC-8 output).
     */
    INVALID_UTF8,
    /**
     * 8 to 200 bytes that are not a record (no digits, no record terminator) written between two
     * records; the record after them is written undamaged. Readers reject these bytes as one unit.
     */
    GARBAGE
}
