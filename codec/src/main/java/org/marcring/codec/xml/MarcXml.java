package org.marcring.codec.xml;

/** Names of the MARCXML schema (MARC 21 XML, "slim"), shared by the reader and the encoder. */
public final class MarcXml {
    /** The MARCXML namespace. */
    public static final String NAMESPACE = "http://www.loc.gov/MARC21/slim";

    private MarcXml() {
    }
}
