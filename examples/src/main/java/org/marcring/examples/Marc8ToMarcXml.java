package org.marcring.examples;

import java.nio.file.Path;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.MarcWriter;

/**
 * Converts an ISO 2709 file in MARC-8 to MARCXML in Unicode. Nothing needs saying about the character
 * set: a record whose leader/09 is blank is decoded from MARC-8 (escape sequences to Cyrillic, Hebrew,
 * CJK, ... and combining marks included), and the records written say {@code a} (UCS/Unicode) there.
 * Prints the number of records and how many carried a repaired problem ({@link MarcRecord#errors()}).
 *
 * <pre>
 * java -cp ... org.marcring.examples.Marc8ToMarcXml marc8.mrc records.xml
 * </pre>
 */
public final class Marc8ToMarcXml {
    private Marc8ToMarcXml() {
    }

    public static void main(String[] args) {
        long withProblems = 0;
        try (MarcReader reader = MarcFormats.openReader(Path.of(args[0]));
             MarcWriter writer = MarcFormats.openWriter(Path.of(args[1]), MarcFormat.MARCXML)) {
            for (MarcRecord record : reader) {
                if (record.hasErrors()) {
                    record.errors().forEach(e -> System.err.println(record.controlNumber() + ": " + e));
                    withProblems++;
                }
                writer.write(record);
            }
            System.out.println(reader.recordsRead() + " records, " + withProblems + " with problems repaired");
        }
    }
}
