package kz.opendata.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON, XML and DBF unloads, whose field names are not a row of the file. */
class RecordFormatsTest {

    @TempDir
    Path dir;

    private final AnalysisService service = new AnalysisService();

    @Test
    void readsJsonArrayWithNestedObjects() throws IOException {
        Path file = write("schools.json", """
                [
                  {"id": 1, "name": "Школа-гимназия № 1", "address": {"city": "Астана", "street": "Абая"}, "pupils": 812},
                  {"id": 2, "name": "Лицей № 2", "address": {"city": "Алматы", "street": "Достык"}, "pupils": null},
                  {"id": 3, "name": "Школа № 3", "address": {"city": "Шымкент"}, "pupils": 640, "tags": ["IT", "math"]}
                ]
                """);

        AnalysisReport report = service.analyze(file, "schools.json");

        assertThat(report.source().format()).isEqualTo("json");
        assertThat(report.source().headerRow()).isNull();
        assertThat(report.rowCount()).isEqualTo(3);
        assertThat(report.columns())
                .extracting(ColumnReport::name)
                .containsExactly("id", "name", "address.city", "address.street", "pupils", "tags");
        assertThat(report.columns())
                .extracting(ColumnReport::technicalName)
                .containsExactly("id", "name", "address_city", "address_street", "pupils", "tags");
        assertThat(report.columns().get(4).nullCount()).isEqualTo(1);
        assertThat(report.columns().get(4).type()).isEqualTo("integer");
    }

    @Test
    void readsArrayWrappedInObject() throws IOException {
        Path file = write("wrapped.json", """
                {"total": 2, "page": 1, "data": [{"region": "Абай", "value": 12.5}, {"region": "Жетісу", "value": 7}]}
                """);

        AnalysisReport report = service.analyze(file, "wrapped.json");

        assertThat(report.rowCount()).isEqualTo(2);
        assertThat(report.columns()).extracting(ColumnReport::name).containsExactly("region", "value");
        assertThat(report.columns().get(1).type()).isEqualTo("number");
    }

    @Test
    void readsNewlineDelimitedJson() throws IOException {
        Path file = write("events.ndjson", """
                {"date": "2024-03-01", "count": 5}
                {"date": "2024-03-02", "count": 8}
                {"date": "2024-03-03", "count": 13, "note": "праздник"}
                """);

        AnalysisReport report = service.analyze(file, "events.ndjson");

        assertThat(report.rowCount()).isEqualTo(3);
        assertThat(report.columns().get(0).type()).isEqualTo("date");
        assertThat(report.columns()).extracting(ColumnReport::name).containsExactly("date", "count", "note");
    }

    @Test
    void rejectsInvalidJsonWithoutQuotingIt() throws IOException {
        Path file = write("broken.json", "[{\"name\": \"Иванов\"}, {\"name\": Петров}]");

        assertThatThrownBy(() -> service.analyze(file, "broken.json"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("invalid JSON at line 1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Петров"));
    }

    @Test
    void readsXmlRecordsWithAttributes() throws IOException {
        Path file = write("clinics.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <export date="2024-03-01">
                  <clinics>
                    <clinic id="1"><name>Поликлиника № 1</name><address><city>Астана</city></address></clinic>
                    <clinic id="2"><name>Поликлиника № 2</name><address><city>Алматы</city></address></clinic>
                  </clinics>
                </export>
                """);

        AnalysisReport report = service.analyze(file, "clinics.xml");

        assertThat(report.source().format()).isEqualTo("xml");
        assertThat(report.rowCount()).isEqualTo(2);
        assertThat(report.columns()).extracting(ColumnReport::name).containsExactly("@id", "name", "address.city");
        assertThat(report.columns().get(0).technicalName()).isEqualTo("id");
    }

    @Test
    void rejectsXmlWithDoctypeAndEntities() throws IOException {
        Path file = write("xxe.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rows [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rows><row><a>&secret;</a></row><row><a>2</a></row></rows>
                """);

        assertThatThrownBy(() -> service.analyze(file, "xxe.xml"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("xxe.xml")
                .hasMessageContaining("<!DOCTYPE>")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
    }

    @Test
    void readsDbfInCp866AndSkipsDeletedRecords() throws IOException {
        Charset cp866 = Charset.forName("IBM866");
        List<byte[]> records = List.of(
                record(' ', cp866, "Абай      ", "  12.5", "20240301", "T"),
                record('*', cp866, "Удалено   ", "   0.0", "20240302", "F"),
                record(' ', cp866, "Костанай  ", "   7.0", "20240303", "F"));
        Path file = Files.write(
                dir.resolve("regions.dbf"),
                dbf(
                        records,
                        0x65,
                        new String[] {"REGION", "VALUE", "DAY", "FLAG"},
                        new char[] {'C', 'N', 'D', 'L'},
                        new int[] {10, 6, 8, 1}));

        AnalysisReport report = service.analyze(file, "regions.dbf");

        assertThat(report.source().format()).isEqualTo("dbf");
        assertThat(report.source().encoding()).isEqualTo("IBM866");
        assertThat(report.rowCount()).isEqualTo(2);
        assertThat(report.columns())
                .extracting(ColumnReport::type)
                .containsExactly("string", "number", "date", "boolean");
        assertThat(report.problems())
                .anyMatch(p -> p.code().equals("deleted-records") && p.message().startsWith("1 "));
        List<String[]> rows = new ArrayList<>();
        try (TableReader table = service.openTable(file, report.source())) {
            String[] row;
            while ((row = table.next()) != null) {
                rows.add(row);
            }
        }
        assertThat(rows.get(1)).containsExactly("Костанай", "7.0", "2024-03-03", "false");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static byte[] record(char flag, Charset charset, String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(flag);
        for (String value : values) {
            out.writeBytes(value.getBytes(charset));
        }
        return out.toByteArray();
    }

    /** Writes a dBASE III file: header, field descriptors, terminator, records, end-of-file mark. */
    private static byte[] dbf(List<byte[]> records, int driver, String[] names, char[] types, int[] lengths) {
        int headerLength = 32 + 32 * names.length + 1;
        int recordLength = 1;
        for (int length : lengths) {
            recordLength += length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(headerLength + records.size() * recordLength + 1)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x03).put((byte) 124).put((byte) 3).put((byte) 1);
        buffer.putInt(records.size()).putShort((short) headerLength).putShort((short) recordLength);
        buffer.position(29);
        buffer.put((byte) driver);
        buffer.position(32);
        for (int i = 0; i < names.length; i++) {
            byte[] field = new byte[32];
            byte[] name = names[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, field, 0, name.length);
            field[11] = (byte) types[i];
            field[16] = (byte) lengths[i];
            buffer.put(field);
        }
        buffer.put((byte) 0x0D);
        records.forEach(buffer::put);
        buffer.put((byte) 0x1A);
        return buffer.array();
    }
}
