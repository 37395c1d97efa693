package org.marcring.codec.io;

/** Which character set a reader uses to turn a record's bytes into text. */
public enum CharacterCoding {
    /** As leader/09 says: {@code a} is UTF-8, blank is MARC-8; permissive readers also look at the bytes. */
    AUTO,
    /** Always UTF-8, whatever leader/09 says. */
    UTF8,
    /** Always MARC-8, whatever leader/09 says. */
    MARC8,
    /** ISO 8859-1: each byte is the character of the same value (for non-MARC-21 data such as some UNIMARC). */
    LATIN1
}
