package org.marcring.engine.marc4j;

import java.util.Locale;

import org.marcring.codec.io.CharacterCoding;

/**
 * marc4j's encoding names ({@code "UTF8"}, {@code "MARC8"}, {@code "ISO8859_1"}, {@code "BESTGUESS"} and
 * their hyphenated spellings) as marcring's {@link CharacterCoding}.
 */
final class Marc4jEncodings {
    private Marc4jEncodings() {
    }

    /**
     * The coding marc4j means by {@code name}; {@code null} and {@code "BESTGUESS"} leave it to each record
     * (leader/09, and in permissive mode the bytes).
     *
     * @throws IllegalArgumentException for a name marc4j's readers do not know as a MARC encoding
     */
    static CharacterCoding of(String name) {
        if (name == null) {
            return CharacterCoding.AUTO;
        }
        switch (name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "UTF8":
                return CharacterCoding.UTF8;
            case "MARC8":
                return CharacterCoding.MARC8;
            case "ISO88591":
            case "LATIN1":
                return CharacterCoding.LATIN1;
            case "BESTGUESS":
                return CharacterCoding.AUTO;
            default:
                throw new IllegalArgumentException("unknown encoding '" + name
                        + "'; known: UTF8 (UTF-8), MARC8 (MARC-8), ISO8859_1 (ISO-8859-1), BESTGUESS");
        }
    }
}
