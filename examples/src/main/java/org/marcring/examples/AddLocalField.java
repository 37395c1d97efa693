package org.marcring.examples;

import java.nio.file.Path;

import org.marcring.codec.DataField;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.MarcWriter;

/**
 * Adds a local field to every record and writes them to a new ISO 2709 file: a 590 (local note) with the
 * text given, in tag order, after removing the 9XX fields a previous system left behind. Records are
 * immutable: {@link MarcRecord#toBuilder()} makes the edited copy.
 *
 * <pre>
 * java -cp ... org.marcring.examples.AddLocalField books.mrc "Checked 2026-12." checked.mrc
 * </pre>
 */
public final class AddLocalField {
    private AddLocalField() {
    }

    public static void main(String[] args) {
        DataField note = DataField.of("590", ' ', ' ', "a", args[1]);
        try (MarcReader reader = MarcFormats.openReader(Path.of(args[0]));
             MarcWriter writer = MarcFormats.openWriter(Path.of(args[2]), MarcFormat.ISO2709)) {
            for (MarcRecord record : reader) {
                MarcRecord.Builder edited = record.toBuilder();
                edited.fields().removeIf(field -> field.tag().startsWith("9"));
                writer.write(edited.addFieldInOrder(note).build());
            }
        }
    }
}
