package kz.opendata.hub.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builders of malformed and malicious unloads, generated so the repository contains no bombs. */
final class HostileFiles {

    /** Invented restricted values planted in the files; none may leave the hub. */
    static final String PERSON = "Жумабекова Айгерим Нурлановна";

    static final String PHONE = "+7 701 555 13 77";
    static final String EMAIL = "aigerim.zh@mail.example.kz";

    private HostileFiles() {}

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String personRows(int rows) {
        StringBuilder csv = new StringBuilder("district,head,phone,email\n");
        for (int i = 0; i < rows; i++) {
            csv.append("District ")
                    .append(i)
                    .append(',')
                    .append(PERSON)
                    .append(',')
                    .append(PHONE)
                    .append(',')
                    .append(EMAIL)
                    .append('\n');
        }
        return csv.toString();
    }

    static byte[] externalEntityXml() {
        return utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE rows [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + "<rows><row><name>&secret;</name></row></rows>\n");
    }

    static byte[] billionLaughsXml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lol [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"");
            xml.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return utf8(xml.append("]>\n<rows><row>&lol9;</row></rows>\n").toString());
    }

    static byte[] zip(String entryName, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** Builds a ZIP whose one entry inflates from about 200 KB to 200 MB of commas and zeros. */
    static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("data.csv"));
            writeZeros(zip, 200L << 20);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    static byte[] gzipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            writeZeros(gzip, 200L << 20);
        }
        return bytes.toByteArray();
    }

    private static void writeZeros(OutputStream out, long size) throws IOException {
        out.write(utf8("a,b\n"));
        byte[] block = new byte[1 << 16];
        java.util.Arrays.fill(block, (byte) '0');
        for (long written = 0; written < size; written += block.length) {
            out.write(block);
        }
    }

    static byte[] hugeCell() {
        return utf8("name,notes\nschool," + "x".repeat(10 << 20) + "\n");
    }

    static byte[] nulBytes() {
        return utf8("name,count\nschool\u0000one,1\nschool\u0000two,2\n");
    }

    static byte[] mixedEncodings() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8("region,name\n1,Алматы\n"));
        bytes.writeBytes("2,Астана\n".getBytes(Charset.forName("windows-1251")));
        bytes.writeBytes("3,Шымкент\n".getBytes(Charset.forName("KOI8-R")));
        return bytes.toByteArray();
    }

    /** Builds a workbook whose cell links to a local file through an external relationship. */
    static byte[] xlsxWithExternalLink() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("data");
            XSSFRow header = sheet.createRow(0);
            header.createCell(0).setCellValue("region");
            header.createCell(1).setCellValue("schools");
            for (int i = 1; i <= 5; i++) {
                XSSFRow row = sheet.createRow(i);
                row.createCell(0).setCellValue("Region " + i);
                row.createCell(1).setCellValue(i * 3);
            }
            XSSFHyperlink link = workbook.getCreationHelper().createHyperlink(HyperlinkType.FILE);
            link.setAddress("file:///etc/passwd");
            sheet.getRow(1).getCell(0).setHyperlink(link);
            workbook.write(bytes);
            return bytes.toByteArray();
        }
    }

    static byte[] formulaInjection() {
        return utf8("region,link,note\n"
                + "1,\"=HYPERLINK(\"\"http://attacker.example/\"\",\"\"click\"\")\",ok\n"
                + "2,+cmd|' /C calc'!A0,ok\n"
                + "3,-2+3,ok\n"
                + "4,@SUM(1+1),ok\n"
                + "5,plain,ok\n");
    }

    static byte[] deepJson() {
        return utf8("[".repeat(100_000) + "]".repeat(100_000));
    }

    static byte[] longLineWithoutNewline() {
        return utf8("a,".repeat(3 << 20));
    }

    static byte[] manyColumns() {
        StringBuilder header = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            header.append(i == 0 ? "" : ",").append("c").append(i);
            row.append(i == 0 ? "" : ",").append(i);
        }
        return utf8(header + "\n" + row + "\n" + row + "\n");
    }

    static byte[] pseudoRandom(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 131 + 17);
        }
        return bytes;
    }
}
