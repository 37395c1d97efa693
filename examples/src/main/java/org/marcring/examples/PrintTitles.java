package org.marcring.examples;

import java.nio.file.Path;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;

/**
 * Prints the control number and title of every record of a file, in any format marcring reads (ISO 2709,
 * MARCXML, MARC-in-JSON, MARCMaker, gzipped or not: told from the file's first bytes).
 *
 * <pre>
 * java -cp ... org.marcring.examples.PrintTitles books.mrc
 * </pre>
 */
public final class PrintTitles {
    private PrintTitles() {
    }

    public static void main(String[] args) {
        try (MarcReader reader = MarcFormats.openReader(Path.of(args[0]))) {
            for (MarcRecord record : reader) {
                System.out.println(record.controlNumber() + "\t" + record.title());
            }
        }
    }
}
