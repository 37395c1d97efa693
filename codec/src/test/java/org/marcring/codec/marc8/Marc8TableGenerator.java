package org.marcring.codec.marc8;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Development tool that turns the Library of Congress MARC-8 code tables, in their XML form
 * ({@code codetables.xml}: {@code codeTables/codeTable/characterSet/code} with {@code marc},
 * {@code ucs}, {@code alt} and {@code isCombining}), into the compact binary resource
 * {@code marc8.bin} that {@link Marc8Tables} loads at run time. It is not part of the runtime:
 * it lives with the tests, which also check that the committed resource is exactly what it
 * generates.
 *
 * <p>Run it from the {@code codec} folder after {@code mvn test-compile}:
 * <pre>
 * java -cp target/test-classes:target/classes org.marcring.codec.marc8.Marc8TableGenerator \
 *     ../../shared/corpus/marc4j/src/org/marc4j/converter/impl/resources/codetables.xml \
 *     src/main/resources/org/marcring/codec/marc8/marc8.bin
 * </pre>
 *
 * <p>The format it writes is described in {@link Marc8Tables}. Character sets keep the order of the
 * XML; the codes of one set are sorted ascending.
 */
public final class Marc8TableGenerator {

    private Marc8TableGenerator() {
    }

    /** One {@code <code>} element. */
    record Entry(int code, int ucs, int alt, boolean combining) {
    }

    /** One {@code <characterSet>} element. */
    record CharacterSet(int finalByte, int bytesPerChar, List<Entry> entries) {
    }

    /** Generates {@code args[1]} from the XML tables at {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Marc8TableGenerator codetables.xml marc8.bin");
            System.exit(2);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            bytes = generate(in);
        }
        Files.write(Path.of(args[1]), bytes);
        System.out.println("wrote " + bytes.length + " bytes to " + args[1]);
    }

    /** The binary tables for the XML read from {@code xml}. */
    public static byte[] generate(InputStream xml) throws IOException {
        return write(parse(xml));
    }

    static List<CharacterSet> parse(InputStream xml) throws IOException {
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader r = factory.createXMLStreamReader(xml);
            List<CharacterSet> sets = new ArrayList<>();
            List<Entry> entries = null;
            int finalByte = -1;
            int width = 0;
            String marc = null;
            String ucs = null;
            String alt = null;
            boolean combining = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "characterSet":
                            finalByte = Integer.parseInt(r.getAttributeValue(null, "ISOcode").trim(), 16);
                            entries = new ArrayList<>();
                            width = 0;
                            break;
                        case "code":
                            marc = null;
                            ucs = null;
                            alt = null;
                            combining = false;
                            break;
                        case "marc":
                            marc = r.getElementText().trim();
                            break;
                        case "ucs":
                            ucs = r.getElementText().trim();
                            break;
                        case "alt":
                            alt = r.getElementText().trim();
                            break;
                        case "isCombining":
                            combining = "true".equals(r.getElementText().trim());
                            break;
                        default:
                            break;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if ("code".equals(r.getLocalName()) && entries != null) {
                        if (marc == null || marc.isEmpty() || marc.length() % 2 != 0) {
                            throw new IOException("code without a MARC-8 value at line "
                                    + r.getLocation().getLineNumber());
                        }
                        int w = marc.length() / 2;
                        if (width == 0) {
                            width = w;
                        } else if (width != w) {
                            throw new IOException("mixed code widths in set " + Integer.toHexString(finalByte));
                        }
                        entries.add(new Entry(Integer.parseInt(marc, 16), hex(ucs), hex(alt), combining));
                    } else if ("characterSet".equals(r.getLocalName()) && entries != null) {
                        entries.sort(Comparator.comparingInt(Entry::code));
                        for (int i = 1; i < entries.size(); i++) {
                            if (entries.get(i).code() == entries.get(i - 1).code()) {
                                throw new IOException("duplicate code " + Integer.toHexString(entries.get(i).code()));
                            }
                        }
                        sets.add(new CharacterSet(finalByte, width, List.copyOf(entries)));
                        entries = null;
                    }
                }
            }
            return sets;
        } catch (XMLStreamException e) {
            throw new IOException("bad code table XML: " + e.getMessage(), e);
        }
    }

    private static int hex(String s) {
        return s == null || s.isEmpty() ? -1 : Integer.parseInt(s, 16);
    }

    static byte[] write(List<CharacterSet> sets) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 * 1024);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(Marc8Tables.MAGIC.getBytes(StandardCharsets.US_ASCII));
            out.writeByte(sets.size());
            for (CharacterSet set : sets) {
                out.writeByte(set.finalByte());
                out.writeByte(set.bytesPerChar());
                out.writeShort(set.entries().size());
                for (Entry e : set.entries()) {
                    if (set.bytesPerChar() == 3) {
                        out.writeByte(e.code() >>> 16);
                        out.writeByte(e.code() >>> 8);
                    }
                    out.writeByte(e.code());
                    int flags = (e.combining() ? Marc8Tables.F_COMBINING : 0)
                            | (e.ucs() >= 0 ? Marc8Tables.F_UCS : 0)
                            | (e.alt() >= 0 ? Marc8Tables.F_ALT : 0);
                    out.writeByte(flags);
                    if (e.ucs() >= 0) {
                        writeU24(out, e.ucs());
                    }
                    if (e.alt() >= 0) {
                        writeU24(out, e.alt());
                    }
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeU24(DataOutputStream out, int v) throws IOException {
        out.writeByte(v >>> 16);
        out.writeByte(v >>> 8);
        out.writeByte(v);
    }
}
