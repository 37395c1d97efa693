package org.marcring.codec.io;

/** How a reader treats records that are not well formed. */
public enum DecodeMode {
    /** Any structural or encoding fault throws {@link org.marcring.codec.MarcFormatException}. */
    STRICT,
    /**
     * Repair what can be repaired and keep the problems with the record
     * ({@link org.marcring.codec.MarcRecord#errors()}); only what cannot be read at all is rejected.
     */
    PERMISSIVE
}
