package org.marcring.engine.marc4j.examples;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

import org.marc4j.MarcReader;
import org.marc4j.marc.Leader;
import org.marc4j.marc.Record;
import org.marcring.engine.marc4j.ParallelMarcReader;

/**
 * A program written against marc4j's API, as most MARC code in production is: counts the records of a
 * file by type of record and bibliographic level (leader/06-07). Moving it to marcring's parallel parsing
 * is the one line in {@link #main} that creates the reader; {@link #run} is untouched marc4j code.
 *
 * <pre>
 * java ... CountByType records.mrc
 * </pre>
 */
public final class CountByType {
    private CountByType() {
    }

    public static void main(String[] args) throws IOException {
        try (InputStream in = new FileInputStream(args[0])) {
            // MarcReader reader = new MarcPermissiveStreamReader(in, true, true);   // marc4j
            MarcReader reader = new ParallelMarcReader(in, true, true);              // marcring: the one change
            run(reader, System.out);
        }
    }

    /** Reads every record and prints one line per type, then the total. */
    public static void run(MarcReader reader, PrintStream out) {
        Map<String, Integer> counts = new TreeMap<>();
        int total = 0;
        while (reader.hasNext()) {
            Record record = reader.next();
            Leader leader = record.getLeader();
            String type = typeOfRecord(leader.getTypeOfRecord()) + " / " + level(leader.getImplDefined1()[0]);
            counts.merge(type, 1, Integer::sum);
            total++;
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            out.printf("%8d  %s%n", e.getValue(), e.getKey());
        }
        out.printf("%8d  records%n", total);
    }

    private static String typeOfRecord(char c) {
        switch (c) {
            case 'a': return "language material";
            case 'c': case 'd': return "music (score)";
            case 'e': case 'f': return "cartographic";
            case 'g': return "projected medium";
            case 'i': return "nonmusical sound recording";
            case 'j': return "musical sound recording";
            case 'k': return "2-D graphic";
            case 'm': return "computer file";
            case 'o': case 'p': return "kit or mixed";
            case 'r': return "3-D artifact";
            case 't': return "manuscript language material";
            case 'u': case 'v': case 'x': case 'y': return "holdings";
            case 'z': return "authority";
            default: return "type '" + c + "'";
        }
    }

    private static String level(char c) {
        switch (c) {
            case 'a': return "component part";
            case 'b': return "serial component part";
            case 'c': return "collection";
            case 'd': return "subunit";
            case 'i': return "integrating resource";
            case 'm': return "monograph";
            case 's': return "serial";
            default: return "level '" + c + "'";
        }
    }
}
