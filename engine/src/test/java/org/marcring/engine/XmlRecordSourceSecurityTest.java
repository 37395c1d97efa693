package org.marcring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.xml.MarcXmlReader;

/**
 * The engine's MARCXML path (an {@link XmlRecordSource} framing records, {@link MarcXmlReader} parsing each on
 * the parser threads) refuses external entities, external DTDs and entity expansion: a local HTTP server
 * sees no connection, no file content and no expansion reaches a record, the record that uses an entity is
 * rejected with its bytes as they were, and the records around it are written.
 */
class XmlRecordSourceSecurityTest {
    private static final String SECRET = "TOP-SECRET-CONTENT-7731";
    private static final String NS = "http://www.loc.gov/MARC21/slim";

    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private Thread acceptor;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0);
        server.setSoTimeout(100);
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // keep listening
                } catch (IOException e) {
                    return;
                }
            }
        }, "test-http-listener");
        acceptor.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        acceptor.join(2000);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + "/" + path;
    }

    private static String record(String id, String title) {
        return "<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">" + id
                + "</controlfield><datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">" + title
                + "</subfield></datafield></record>";
    }

    private static String collection(String doctype, String entityRef) {
        return "<?xml version=\"1.0\"?>\n" + doctype + "\n<collection xmlns=\"" + NS + "\">"
                + record("before", "plain") + record("attack", "x " + entityRef + " y") + record("after", "plain")
                + "</collection>";
    }

    @Test
    void externalFileEntityIsNotRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        assertAttackRefused(collection("<!DOCTYPE collection [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>", "&xxe;"),
                "&xxe;");
    }

    @Test
    void externalHttpEntityIsNotFetched() {
        assertAttackRefused(collection("<!DOCTYPE collection [<!ENTITY xxe SYSTEM \"" + url("entity") + "\">]>", "&xxe;"),
                "&xxe;");
    }

    @Test
    void externalDtdIsNotFetched() {
        String xml = collection("<!DOCTYPE collection SYSTEM \"" + url("marc.dtd") + "\">", "&fromDtd;");
        assertAttackRefused(xml, "&fromDtd;");
    }

    @Test
    void billionLaughsIsNotExpanded() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE collection [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        assertAttackRefused(collection(dtd.toString(), "&lol9;"), "&lol9;");
    }

    @Test
    void nestingBeyondTheLimitOutsideRecordsEndsTheRunWithAnErrorNamingTheLimit() {
        ReadOptions options = ReadOptions.defaults().withMaxNestingDepth(16);
        String xml = "<a>".repeat(17) + record("deep", "t") + "</a>".repeat(17);
        List<MarcRecord> written = new ArrayList<>();
        EngineException e = org.junit.jupiter.api.Assertions.assertThrows(EngineException.class, () -> Pipeline.builder()
                .source(XmlRecordSource.of(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), options,
                        () -> new ReaderParser(in -> MarcXmlReader.open(in, options))))
                .parsers(2).ringSize(8).sink(written::add).build().run());
        Throwable cause = e.getCause() == null ? e : e.getCause();
        assertTrue(String.valueOf(cause.getMessage()).contains("the limit of 16 (maxNestingDepth)"), String.valueOf(cause));
        assertTrue(written.isEmpty());
        Fixtures.assertNoEngineThreads();

        // within the limit, the same record is found
        String shallow = "<a>".repeat(15) + record("deep", "t") + "</a>".repeat(15);
        PipelineResult r = Pipeline.builder()
                .source(XmlRecordSource.of(new ByteArrayInputStream(shallow.getBytes(StandardCharsets.UTF_8)), options,
                        () -> new ReaderParser(in -> MarcXmlReader.open(in, options))))
                .parsers(2).ringSize(8).sink(written::add).build().run();
        assertEquals(1, r.recordsWritten());
        assertEquals("deep", written.get(0).controlNumber());
    }

    private void assertAttackRefused(String xml, String entityRef) {
        ReadOptions options = ReadOptions.defaults();
        List<MarcRecord> written = new ArrayList<>();
        List<RejectedRecord> rejects = new ArrayList<>();
        PipelineResult r = Pipeline.builder()
                .source(XmlRecordSource.of(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), options,
                        () -> new ReaderParser(in -> MarcXmlReader.open(in, options))))
                .parsers(2).ringSize(8).sink(written::add).errorPolicy(ErrorPolicy.skip(rejects::add)).build().run();
        assertEquals(3, r.recordsRead());
        assertTrue(r.isBalanced(), r.toString());
        assertEquals(List.of("before", "after"), written.stream().map(MarcRecord::controlNumber).toList(),
                "the records without the entity are written, in order");
        assertEquals(1, rejects.size(), "the record using the entity is rejected");
        RejectedRecord rej = rejects.get(0);
        assertEquals(1, rej.ordinal());
        String raw = new String(rej.rawBytes(), StandardCharsets.UTF_8);
        assertTrue(raw.contains(entityRef), "the reject keeps the reference unexpanded: " + raw);
        assertFalse(rej.message().contains(SECRET) || rej.message().contains("lollol"), rej.message());
        for (MarcRecord rec : written) {
            assertFalse(rec.toString().contains(SECRET) || rec.toString().contains("lollol"), rec.toString());
        }
        assertEquals(0, connections.get(), "nothing was fetched over HTTP");
        Fixtures.assertNoEngineThreads();
    }
}
