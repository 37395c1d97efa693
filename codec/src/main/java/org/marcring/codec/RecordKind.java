package org.marcring.codec;

/** The MARC 21 formats a record can belong to, told apart by leader position 06. */
public enum RecordKind {
    /** Books, serials, maps, music, visual and mixed materials: 06 = a c d e f g i j k m o p r t. */
    BIBLIOGRAPHIC,
    /** Authority records: 06 = z. */
    AUTHORITY,
    /** Holdings records: 06 = u v x y. */
    HOLDINGS,
    /** Classification records: 06 = w. */
    CLASSIFICATION,
    /** Community information records: 06 = q. */
    COMMUNITY,
    /** Any other value of 06. */
    UNKNOWN;

    /** The kind for a leader/06 value. */
    public static RecordKind of(char typeOfRecord) {
        switch (typeOfRecord) {
            case 'a': case 'c': case 'd': case 'e': case 'f': case 'g': case 'i':
            case 'j': case 'k': case 'm': case 'o': case 'p': case 'r': case 't':
                return BIBLIOGRAPHIC;
            case 'z':
                return AUTHORITY;
            case 'u': case 'v': case 'x': case 'y':
                return HOLDINGS;
            case 'w':
                return CLASSIFICATION;
            case 'q':
                return COMMUNITY;
            default:
                return UNKNOWN;
        }
    }
}
