package org.marcring.examples;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

import org.marc4j.MarcReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marcring.engine.marc4j.ParallelMarcReader;

/**
 * marc4j code moved to marcring's parallel parsing by one line: the line that creates the reader.
 * {@link #printTitles} is plain marc4j code, untouched; it receives marc4j {@link Record}s as before.
 *
 * <pre>
 * java -cp ... org.marcring.examples.Marc4jSwitch books.mrc
 * </pre>
 */
public final class Marc4jSwitch {
    private Marc4jSwitch() {
    }

    public static void main(String[] args) throws IOException {
        try (InputStream in = new FileInputStream(args[0])) {
            // MarcReader reader = new MarcPermissiveStreamReader(in, true, true);   // marc4j
            MarcReader reader = new ParallelMarcReader(in, true, true);              // marcring: the one change
            printTitles(reader, System.out);
        }
    }

    /** Prints the control number and 245 $a of each record: marc4j code. */
    public static void printTitles(MarcReader reader, PrintStream out) {
        while (reader.hasNext()) {
            Record record = reader.next();
            DataField title = (DataField) record.getVariableField("245");
            Subfield a = title == null ? null : title.getSubfield('a');
            out.println(record.getControlNumber() + "\t" + (a == null ? null : a.getData()));
        }
    }
}
