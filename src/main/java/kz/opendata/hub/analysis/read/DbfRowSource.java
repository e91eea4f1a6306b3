package kz.opendata.hub.analysis.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import kz.opendata.hub.analysis.Problem;
import kz.opendata.hub.analysis.UnreadableUnloadException;

/**
 * Records of a dBASE table (DBF), as 1C and older accounting systems export them: a 32-byte header,
 * 32-byte field descriptors up to a 0x0D terminator, then fixed-width records that start with a
 * deletion flag. Deleted records are skipped and counted. Text is decoded with the code page the
 * header's language driver byte names (0x26 and 0x65 CP866, 0xC9 Windows-1251), or one detected
 * from the records when the byte is 0.
 */
final class DbfRowSource implements RowSource {

    private final InputStream in;
    private final String fileName;
    private final List<Field> fields;
    private final int recordLength;
    private final long recordCount;
    private final Charset charset;
    private long read;
    private long deleted;
    private boolean headerDone;

    private DbfRowSource(
            InputStream in, String fileName, List<Field> fields, int recordLength, long recordCount, Charset charset) {
        this.in = in;
        this.fileName = fileName;
        this.fields = fields;
        this.recordLength = recordLength;
        this.recordCount = recordCount;
        this.charset = charset;
    }

    /**
     * Reads the header and field descriptors from the stream.
     *
     * @param sample the file's first bytes, used to detect the code page when the header names none
     */
    static DbfRowSource open(InputStream in, String fileName, byte[] sample) throws IOException {
        ByteBuffer header = ByteBuffer.wrap(in.readNBytes(32)).order(ByteOrder.LITTLE_ENDIAN);
        long recordCount = Integer.toUnsignedLong(header.getInt(4));
        int headerLength = Short.toUnsignedInt(header.getShort(8));
        int recordLength = Short.toUnsignedInt(header.getShort(10));
        byte[] descriptors = in.readNBytes(headerLength - 32);
        Charset charset = codePage(header.get(29) & 0xFF, sample, headerLength);
        List<Field> fields = new ArrayList<>();
        for (int at = 0; at + 32 <= descriptors.length && descriptors[at] != 0x0D; at += 32) {
            fields.add(Field.parse(descriptors, at, charset));
        }
        if (fields.isEmpty()) {
            throw new UnreadableUnloadException(fileName + ": the DBF file declares no fields; export the table again");
        }
        return new DbfRowSource(in, fileName, fields, recordLength, recordCount, charset);
    }

    private static Charset codePage(int driver, byte[] sample, int headerLength) {
        return switch (driver) {
            case 0x26, 0x65 -> EncodingDetector.CP866;
            case 0xC9 -> EncodingDetector.WINDOWS_1251;
            case 0x01 -> Charset.forName("IBM437");
            case 0x03, 0x57 -> Charset.forName("windows-1252");
            default -> {
                int from = Math.min(headerLength, sample.length);
                byte[] records = java.util.Arrays.copyOfRange(sample, from, sample.length);
                yield EncodingDetector.detectSingleByte(records).charset();
            }
        };
    }

    Charset charset() {
        return charset;
    }

    @Override
    public RawRow next() throws IOException {
        if (!headerDone) {
            headerDone = true;
            return new RawRow(0, fields.stream().map(Field::name).toList());
        }
        while (read < recordCount) {
            byte[] record = in.readNBytes(recordLength);
            if (record.length < recordLength) {
                throw new UnreadableUnloadException("%s: the DBF file ends inside record %d of %d; export it again"
                        .formatted(fileName, read + 1, recordCount));
            }
            read++;
            if (record[0] == '*') {
                deleted++;
                continue;
            }
            return new RawRow(read, values(record));
        }
        return null;
    }

    private List<String> values(byte[] record) {
        List<String> values = new ArrayList<>(fields.size());
        int offset = 1;
        for (Field field : fields) {
            values.add(field.text(record, offset, charset));
            offset += field.length();
        }
        return values;
    }

    @Override
    public List<Problem> problems() {
        if (deleted == 0) {
            return List.of();
        }
        return List.of(new Problem(
                "deleted-records", "%d records marked deleted in the DBF file were skipped".formatted(deleted), null));
    }

    @Override
    public Long fixedHeaderRow() {
        return 0L;
    }

    @Override
    public boolean fixedColumns() {
        return true;
    }

    @Override
    public String describe(long rowNumber) {
        return rowNumber == 0 ? "the field descriptors" : "record " + rowNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A field descriptor: name, type letter and width in bytes. */
    private record Field(String name, char type, int length) {

        static Field parse(byte[] descriptors, int at, Charset charset) {
            int end = at;
            while (end < at + 11 && descriptors[end] != 0) {
                end++;
            }
            String name = new String(descriptors, at, end - at, charset).strip();
            return new Field(name, (char) descriptors[at + 11], descriptors[at + 16] & 0xFF);
        }

        String text(byte[] record, int offset, Charset charset) {
            String raw = new String(record, offset, Math.min(length, record.length - offset), charset).strip();
            return switch (type) {
                case 'D' ->
                    raw.length() == 8 && raw.chars().allMatch(Character::isDigit)
                            ? raw.substring(0, 4) + "-" + raw.substring(4, 6) + "-" + raw.substring(6)
                            : "";
                case 'L' ->
                    switch (raw.toUpperCase()) {
                        case "T", "Y" -> "true";
                        case "F", "N" -> "false";
                        default -> "";
                    };
                case 'C', 'N', 'F' -> raw;
                // Memo, binary and Visual FoxPro's binary numbers need files or decoding this reader lacks.
                default -> "";
            };
        }
    }
}
