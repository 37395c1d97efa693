package org.marcring.codec.xml;

/**
 * What the MARCXML encoder does with a character that XML 1.0 does not allow anywhere in a document
 * (the C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF and unpaired
 * surrogates). Such characters cannot be escaped either ({@code &#1;} is not well-formed XML 1.0),
 * so they are never written: they are replaced or the record is refused.
 */
public enum InvalidXmlCharacters {
    /**
     * Each such character becomes U+FFFD REPLACEMENT CHARACTER; the encoder counts the replacements
     * ({@link MarcXmlEncoder#replacedCharacters()}). The default: one stray control character does
     * not stop a conversion.
     */
    REPLACE,
    /** The record is refused with a {@link org.marcring.codec.MarcException} naming the field and character. */
    FAIL
}
