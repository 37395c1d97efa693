package org.marcring.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.marc4j.MarcPermissiveStreamReader;

class Marc4jSwitchTest {

    @Test
    void printsWhatTheSameMarc4jCodePrintsWithMarc4jsOwnReader() throws Exception {
        Path file = Records.corpus(Records.TRAJECT_ISO);
        ByteArrayOutputStream marc4j = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(file);
             PrintStream out = new PrintStream(marc4j, true, StandardCharsets.UTF_8)) {
            Marc4jSwitch.printTitles(new MarcPermissiveStreamReader(in, true, true), out);
        }

        String printed = StandardOutput.of(() -> Marc4jSwitch.main(new String[] {file.toString()}));

        assertEquals(30, printed.lines().count());
        assertEquals(marc4j.toString(StandardCharsets.UTF_8), printed);
    }
}
