package org.marcring.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Writer;

class EngineThroughputTest {
    @TempDir
    Path dir;

    @Test
    void forksRunEveryCaseInJvmsOfItsOwnAndReportEachRound() throws Exception {
        Path file = dir.resolve("small.mrc");
        try (Iso2709Writer w = Iso2709Writer.open(file)) {
            for (int i = 0; i < 300; i++) {
                w.write(MarcRecord.builder().controlField("001", "rec" + i)
                        .dataField("245", '1', '0', "a", "Title & number " + i, "c", "<someone>").build());
            }
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EngineThroughput.main(new String[] {"--forks", "2", file.toString(), "compare", "2", "marcxml"});
        } finally {
            System.setOut(out);
        }
        List<String> lines = Arrays.asList(captured.toString(StandardCharsets.UTF_8).split("\n"));
        List<String> rounds = lines.stream().filter(l -> l.startsWith("# round")).collect(Collectors.toList());
        assertEquals(8, rounds.size(), String.join("\n", lines));        // 2 rounds x 4 cases
        assertTrue(rounds.get(0).startsWith("# round 1, sequential loop"), rounds.get(0));
        assertTrue(rounds.get(6).startsWith("# round 2, engine, 2 parsers"), rounds.get(6));
        assertTrue(rounds.get(7).startsWith("# round 2, 2 loops at once, per file"), rounds.get(7));
        List<String> table = lines.subList(lines.size() - 4, lines.size());
        for (String row : table) {
            String[] cols = row.trim().split("\\s+");
            double low = Double.parseDouble(cols[cols.length - 3]);
            double median = Double.parseDouble(cols[cols.length - 2]);
            double high = Double.parseDouble(cols[cols.length - 1]);
            assertTrue(low > 0 && low <= median && median <= high, row);
        }
        // the first case is the yardstick: every round's speedup over itself is 1
        assertTrue(table.get(0).startsWith("sequential loop") && table.get(0).trim().endsWith("1.00      1.00      1.00"),
                table.get(0));
    }
}
