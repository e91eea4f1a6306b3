package kz.opendata.hub.approval;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a counted list of MAPI properties as TNEF encodes them in attMsgProps and attAttachment.
 * Each property is a tag (type and id), a name for named properties, then the value. Multi-valued
 * and variable-length properties carry a value count, and each variable-length value carries its
 * length and padding to 4 bytes.
 */
final class MapiProperties {

    private static final int MULTI_VALUED = 0x1000;
    private static final int PT_STRING8 = 0x001E;
    private static final int PT_UNICODE = 0x001F;
    private static final int PT_BINARY = 0x0102;
    private static final int PT_OBJECT = 0x000D;
    private static final int FIRST_NAMED_ID = 0x8000;

    private MapiProperties() {}

    /**
     * One property; {@code text} is set for string types, {@code bytes} for the first value of
     * every type.
     */
    record Property(int id, int type, String text, byte[] bytes) {}

    static List<Property> read(byte[] data, Charset oem) {
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int count = in.getInt();
        List<Property> properties = new ArrayList<>();
        for (int i = 0; i < count && in.remaining() >= 4; i++) {
            int type = in.getShort() & 0xFFFF;
            int id = in.getShort() & 0xFFFF;
            if (id >= FIRST_NAMED_ID) {
                skipName(in);
            }
            properties.add(readValue(in, id, type, oem));
        }
        return properties;
    }

    private static Property readValue(ByteBuffer in, int id, int type, Charset oem) {
        int baseType = type & ~MULTI_VALUED;
        boolean variable =
                baseType == PT_STRING8 || baseType == PT_UNICODE || baseType == PT_BINARY || baseType == PT_OBJECT;
        int values = (type & MULTI_VALUED) != 0 || variable ? in.getInt() : 1;
        byte[] first = null;
        for (int v = 0; v < values; v++) {
            byte[] value = variable ? readCounted(in) : readFixed(in, baseType);
            if (first == null) {
                first = value;
            }
        }
        String text = null;
        if (first != null && baseType == PT_UNICODE) {
            text = TnefReader.utf16(first);
        } else if (first != null && baseType == PT_STRING8) {
            text = new String(TnefReader.trimNul(first), oem);
        }
        return new Property(id, baseType, text, first == null ? new byte[0] : first);
    }

    private static byte[] readCounted(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("MAPI property length " + length + " exceeds the attribute");
        }
        byte[] value = new byte[length];
        in.get(value);
        skipPadding(in, length);
        return value;
    }

    private static byte[] readFixed(ByteBuffer in, int type) {
        int size = switch (type) {
            case 0x0002, 0x0003, 0x0004, 0x000A, 0x000B -> 4; // i2 padded, i4, float, error, boolean
            case 0x0005, 0x0006, 0x0007, 0x0014, 0x0040 -> 8; // double, currency, apptime, i8, systime
            case 0x0048 -> 16; // CLSID
            default ->
                throw new IllegalArgumentException(
                        "MAPI property type 0x" + Integer.toHexString(type) + " is not known");
        };
        byte[] value = new byte[size];
        in.get(value);
        return value;
    }

    private static void skipName(ByteBuffer in) {
        in.position(in.position() + 16); // property set GUID
        int kind = in.getInt();
        if (kind == 0) {
            in.getInt(); // numeric name
        } else {
            int length = in.getInt();
            in.position(in.position() + length);
            skipPadding(in, length);
        }
    }

    private static void skipPadding(ByteBuffer in, int length) {
        int padding = (4 - length % 4) % 4;
        in.position(in.position() + padding);
    }
}
