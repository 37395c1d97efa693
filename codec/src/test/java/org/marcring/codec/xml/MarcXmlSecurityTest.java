package org.marcring.codec.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;

/** Documents with DTDs, external entities or entity bombs are refused; nothing is fetched. */
class MarcXmlSecurityTest {
    private static final String SECRET = "SECRET-7f3a9c-never-to-be-read";

    private static List<MarcRecord> readAll(String xml, ReadOptions options) {
        List<MarcRecord> out = new ArrayList<>();
        try (MarcXmlReader r = MarcXmlReader.open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                options)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    private static String recordUsing(String entityRef) {
        return "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000nam a2200000 a 4500</leader>"
                + "<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">" + entityRef
                + "</subfield></datafield></record>";
    }

    @Test
    void externalFileEntityIsRefusedAndNotRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE record [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + recordUsing("&xxe;");
        for (ReadOptions options : new ReadOptions[] {ReadOptions.defaults().withRejectsThrown(), ReadOptions.strict()}) {
            MarcFormatException e = assertThrows(MarcFormatException.class, () -> readAll(xml, options));
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
            assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
            assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        }
    }

    @Test
    void externalHttpEntityIsRefused() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String xml = "<!DOCTYPE record [<!ENTITY xxe SYSTEM \"http://127.0.0.1:" + port + "/x\">]>"
                + recordUsing("&xxe;");
        long start = System.nanoTime();
        MarcFormatException e = assertThrows(MarcFormatException.class, () -> readAll(xml, ReadOptions.defaults().withRejectsThrown()));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "took too long: a connection was tried?");
    }

    @Test
    void externalDtdIsNotFetched(@TempDir Path dir) throws Exception {
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak \"" + SECRET + "\">");
        String xml = "<!DOCTYPE record SYSTEM \"" + dtd.toUri() + "\">" + recordUsing("x");
        MarcFormatException e = assertThrows(MarcFormatException.class, () -> readAll(xml, ReadOptions.defaults().withRejectsThrown()));
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE record [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">\n");
        }
        String xml = dtd + "]>\n" + recordUsing("&lol9;");
        MarcFormatException e = assertThrows(MarcFormatException.class, () -> readAll(xml, ReadOptions.defaults().withRejectsThrown()));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void undeclaredEntityIsAnErrorNotSilence() {
        MarcFormatException e = assertThrows(MarcFormatException.class,
                () -> readAll(recordUsing("&nbsp;"), ReadOptions.defaults().withRejectsThrown()));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void predefinedAndCharacterReferencesAreExpanded() {
        List<MarcRecord> records = readAll(recordUsing("a &amp; b &lt;c&gt; &#233; &#x263A;"), ReadOptions.strict());
        assertEquals(1, records.size());
        assertEquals("a & b <c> \u00e9 \u263a", records.get(0).value("245", 'a'));
    }
}
