package org.marcring.codec.limits;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;

import org.marcring.codec.MarcException;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.ReadOptions;

/**
 * Hostile inputs far larger than the heap, read with default options; run in a child JVM with a small heap
 * by {@link BoundedMemoryTest}. Prints one line per error ({@code ERROR <message>}) and a summary
 * ({@code RECORDS n REJECTS m}); exits 0, or 3 on running out of memory.
 */
public final class BoundedMemoryScenarios {
    static final long GIB = 1L << 30;
    private static final String NS = "http://www.loc.gov/MARC21/slim";

    private BoundedMemoryScenarios() {
    }

    public static void main(String[] args) throws IOException {
        try {
            run(args[0]);
        } catch (OutOfMemoryError e) {
            System.out.println("OOM " + e.getMessage());
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
    }

    static void run(String scenario) throws IOException {
        switch (scenario) {
            case "xml-1g-text-node" -> read(new GeneratedInputStream(
                    "<collection xmlns=\"" + NS + "\"><record><leader>00000nam a2200000   4500</leader>"
                            + "<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">",
                    "a".repeat(1 << 16), GIB >> 16,
                    "</subfield></datafield></record></collection>"), MarcFormat.AUTO, 10);
            case "json-million-fields" -> read(new GeneratedInputStream(
                    "{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"001\":\"first\"}",
                    ",{\"500\":{\"ind1\":\" \",\"ind2\":\" \",\"subfields\":[{\"a\":\"x\"}]}}", 1_000_000,
                    "]}"), MarcFormat.AUTO, 10);
            case "json-large-values" -> read(new GeneratedInputStream(
                    "[{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"001\":\"first\"}",
                    ",{\"500\":{\"subfields\":[{\"a\":\"" + "x".repeat(8 << 20) + "\"}]}}", 100,
                    "]},{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"001\":\"next\"}]}]"), MarcFormat.AUTO, 10);
            case "json-deep-nesting" -> read(new GeneratedInputStream(
                    "{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"500\":{\"subfields\":[{\"a\":",
                    "[", 10_000_000, "]"), MarcFormat.JSON, 10);
            case "xml-deep-nesting" -> read(new GeneratedInputStream(
                    "<collection xmlns=\"" + NS + "\"><record>", "<x>", 10_000_000, "</record></collection>"),
                    MarcFormat.AUTO, 10);
            case "xml-many-records" -> read(new GeneratedInputStream("<collection xmlns=\"" + NS + "\">\n",
                    "<record><leader>00000nam a2200000   4500</leader><controlfield tag=\"001\">x</controlfield>"
                            + "<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">Title</subfield>"
                            + "</datafield></record>\n", 60_000, "</collection>"), MarcFormat.AUTO, 100_000);
            case "json-many-records" -> read(new GeneratedInputStream("[",
                    "{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"001\":\"x\"},{\"245\":{\"ind1\":\"0\","
                            + "\"ind2\":\"0\",\"subfields\":[{\"a\":\"Title\"}]}}]},\n", 60_000,
                    "{\"leader\":\"00000nam a2200000   4500\"}]"), MarcFormat.AUTO, 100_000);
            case "iso-many-lies" -> read(new GeneratedInputStream("",
                    "99999nam a2200025   4500" + "x".repeat(99_999 - 24), 10_000, ""),
                    MarcFormat.ISO2709, 4);
            case "gzip-bomb" -> read(new ByteArrayInputStream(gzipBomb(256L << 20)), MarcFormat.AUTO, 100);
            default -> throw new IllegalArgumentException(scenario);
        }
    }

    /** Reads up to {@code maxSteps} records or rejects, printing each error. */
    private static void read(InputStream in, MarcFormat format, int maxSteps) {
        long records = 0;
        long rejects = 0;
        try (MarcReader reader = MarcFormats.openReader(in, format, ReadOptions.defaults().withRejectsThrown())) {
            while (records + rejects < maxSteps) {
                try {
                    if (!reader.hasNext()) {
                        break;
                    }
                    MarcRecord r = reader.next();
                    records++;
                    for (var e : r.errors()) {
                        System.out.println("RECORD-ERROR " + e);
                    }
                } catch (MarcFormatException e) {
                    rejects++;
                    System.out.println("ERROR " + e.getMessage());
                }
            }
        } catch (MarcException e) {
            rejects++;
            System.out.println("ERROR " + e.getMessage());
        }
        System.out.println("RECORDS " + records + " REJECTS " + rejects);
    }

    /** {@code size} bytes of the digit 9, gzipped: five digits look like an ISO 2709 record length. */
    static byte[] gzipBomb(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] nines = new byte[1 << 16];
        java.util.Arrays.fill(nines, (byte) '9');
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            for (long n = 0; n < size; n += nines.length) {
                gz.write(nines);
            }
        }
        return out.toByteArray();
    }
}
