package org.marcring.examples;

import java.nio.file.Path;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.MarcWriter;

/**
 * Copies the records in one language to a new ISO 2709 file: the language is the MARC code at 008/35-37
 * ({@code eng}, {@code heb}, {@code rus}, ...). Prints how many records were kept of how many.
 *
 * <pre>
 * java -cp ... org.marcring.examples.FilterByLanguage books.mrc heb hebrew.mrc
 * </pre>
 */
public final class FilterByLanguage {
    private FilterByLanguage() {
    }

    public static void main(String[] args) {
        String language = args[1];
        long kept = 0;
        try (MarcReader reader = MarcFormats.openReader(Path.of(args[0]));
             MarcWriter writer = MarcFormats.openWriter(Path.of(args[2]), MarcFormat.ISO2709)) {
            for (MarcRecord record : reader) {
                if (language.equals(language(record))) {
                    writer.write(record);
                    kept++;
                }
            }
            System.out.println(kept + " of " + reader.recordsRead() + " records in " + language);
        }
    }

    /** The language code at 008/35-37, or {@code null} where the record has no 008 that long. */
    static String language(MarcRecord record) {
        String fixed = record.controlValue("008");
        return fixed == null || fixed.length() < 38 ? null : fixed.substring(35, 38);
    }
}
