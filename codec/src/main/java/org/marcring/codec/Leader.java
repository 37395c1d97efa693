package org.marcring.codec;

/**
 * The 24-character leader of a MARC record, with typed accessors for its positions.
 *
 * <p>A leader is immutable; the {@code with…} methods return a changed copy. The positions that
 * an encoder computes (record length 00-04, base address of data 12-16) are kept as read, so that
 * a record decoded from damaged input still shows what its leader said.
 *
 * <pre>{@code
 * Leader leader = record.leader();
 * if (leader.kind() == RecordKind.BIBLIOGRAPHIC && leader.isUnicode()) { ... }
 * }</pre>
 */
public final class Leader {
    /** Number of characters in every leader. */
    public static final int LENGTH = 24;

    private static final Leader DEFAULT = new Leader("00000nam a2200000 i 4500");

    private final String value;

    private Leader(String value) {
        this.value = value;
    }

    /**
     * Creates a leader from exactly 24 characters.
     *
     * @throws IllegalArgumentException if {@code value} is not 24 characters long
     */
    public static Leader of(String value) {
        if (value == null || value.length() != LENGTH) {
            throw new IllegalArgumentException("a leader has 24 characters, got "
                    + (value == null ? "null" : value.length() + ": '" + value + "'"));
        }
        return new Leader(value);
    }

    /**
     * Creates a leader from the 24 bytes at {@code offset}, mapping each byte to the character of
     * the same value (leaders are ASCII; other bytes are kept, not replaced, so they can be reported).
     */
    public static Leader of(byte[] bytes, int offset) {
        return new Leader(new String(bytes, offset, LENGTH, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** A leader for a new bibliographic record of a monograph, in Unicode: {@code 00000nam a2200000 i 4500}. */
    public static Leader defaultBibliographic() {
        return DEFAULT;
    }

    /** The character at {@code position} (0 to 23). */
    public char charAt(int position) {
        return value.charAt(position);
    }

    /** Record length (00-04) as written in the leader, or -1 where those positions are not digits. */
    public int recordLength() {
        return digits(0, 5);
    }

    /** Record status (05): {@code a, c, d, n, p} for bibliographic records. */
    public char recordStatus() {
        return value.charAt(5);
    }

    /** Type of record (06): {@code a} language material, {@code z} authority, {@code u/v/x/y} holdings, … */
    public char typeOfRecord() {
        return value.charAt(6);
    }

    /** Bibliographic level (07): {@code m} monograph, {@code s} serial, … */
    public char bibliographicLevel() {
        return value.charAt(7);
    }

    /** Type of control (08). */
    public char typeOfControl() {
        return value.charAt(8);
    }

    /**
     * Character coding scheme (09) as read: blank for MARC-8, {@code a} for UCS/Unicode. A decoded record keeps
     * it as its input said, though its values are Unicode text whatever the input's coding; each encoder writes
     * the value for what it writes ({@code a} for UTF-8 ISO 2709, MARCXML, JSON and the line format, blank for
     * MARC-8 ISO 2709; MRK keeps the leader as the record holds it).
     */
    public char characterCoding() {
        return value.charAt(9);
    }

    /** Whether position 09 says the record is in Unicode (UTF-8), as read; see {@link #characterCoding()}. */
    public boolean isUnicode() {
        return value.charAt(9) == 'a';
    }

    /** Indicator count (10), normally 2; -1 where it is not a digit. */
    public int indicatorCount() {
        return digits(10, 11);
    }

    /** Subfield code count (11), normally 2; -1 where it is not a digit. */
    public int subfieldCodeCount() {
        return digits(11, 12);
    }

    /** Base address of data (12-16) as written, or -1 where those positions are not digits. */
    public int baseAddress() {
        return digits(12, 17);
    }

    /** Encoding level (17). */
    public char encodingLevel() {
        return value.charAt(17);
    }

    /** Descriptive cataloguing form (18). */
    public char descriptiveCatalogingForm() {
        return value.charAt(18);
    }

    /** Multipart resource record level (19). */
    public char multipartLevel() {
        return value.charAt(19);
    }

    /** The entry map (20-23), normally {@code 4500}. */
    public String entryMap() {
        return value.substring(20, 24);
    }

    /** Which kind of MARC 21 record this leader describes, from its type of record (06). */
    public RecordKind kind() {
        return RecordKind.of(typeOfRecord());
    }

    /** A copy with {@code c} at {@code position}. */
    public Leader with(int position, char c) {
        if (value.charAt(position) == c) {
            return this;
        }
        char[] chars = value.toCharArray();
        chars[position] = c;
        return new Leader(new String(chars));
    }

    /** A copy with the record length (00-04) set; {@code length} must be 0 to 99999. */
    public Leader withRecordLength(int length) {
        return withDigits(0, 5, length);
    }

    /** A copy with the base address of data (12-16) set; {@code address} must be 0 to 99999. */
    public Leader withBaseAddress(int address) {
        return withDigits(12, 17, address);
    }

    /** A copy with the character coding scheme (09) set: {@code 'a'} for Unicode, {@code ' '} for MARC-8. */
    public Leader withCharacterCoding(char coding) {
        return with(9, coding);
    }

    private Leader withDigits(int from, int to, int number) {
        if (number < 0 || number > 99999) {
            throw new IllegalArgumentException("not a 5-digit number: " + number);
        }
        char[] chars = value.toCharArray();
        for (int i = to - 1; i >= from; i--) {
            chars[i] = (char) ('0' + number % 10);
            number /= 10;
        }
        return new Leader(new String(chars));
    }

    private int digits(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Leader && ((Leader) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The 24 characters. */
    @Override
    public String toString() {
        return value;
    }
}
