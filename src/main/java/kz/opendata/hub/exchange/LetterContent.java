package kz.opendata.hub.exchange;

import java.util.ArrayList;
import java.util.List;
import kz.opendata.hub.exchange.InformationSystem.DataField;

/**
 * The words of an official request in its language, laid out the same way in the PDF and the
 * DOCX: the letter, then Appendix 1 with the list of information systems and one table of data
 * fields per system.
 */
record LetterContent(
        String numberLine,
        String addressee,
        String title,
        List<String> paragraphs,
        String closing,
        String signature,
        String appendixTitle,
        String systemsHeading,
        Table systems,
        String fieldsHeading,
        List<SystemTable> fieldTables,
        String emptyNote) {

    /** A table with one heading row. */
    record Table(List<String> header, List<List<String>> rows) {}

    /** The data fields of one system, headed by the system's name. */
    record SystemTable(String systemName, Table table, String emptyNote) {}

    static LetterContent of(RequestLetter letter) {
        LetterTexts texts = LetterTexts.of(letter.language());
        return new LetterContent(
                texts.text("request.number", letter.letterNumber(), LetterTexts.date(letter.date())),
                texts.text("request.addressee", letter.agencyName()),
                texts.text("request.title"),
                paragraphs(letter, texts),
                texts.text("request.closing"),
                letter.integratorName(),
                texts.text("appendix.title"),
                texts.text("appendix.systems"),
                systemsTable(letter, texts),
                texts.text("appendix.fields"),
                fieldTables(letter, texts),
                letter.systems().isEmpty() ? texts.text("appendix.empty") : null);
    }

    private static List<String> paragraphs(RequestLetter letter, LetterTexts texts) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(texts.text(
                "request.body.basis",
                letter.decisionNumber(),
                LetterTexts.date(letter.decisionDate()),
                letter.authorityReference(),
                letter.integratorName()));
        paragraphs.add(texts.text("request.body.form", LetterTexts.date(letter.replyBy())));
        paragraphs.add(
                letter.sftpFolder() == null
                        ? texts.text("request.body.folder")
                        : texts.text("request.body.sftp", letter.sftpFolder()));
        paragraphs.add(texts.text("request.body.period"));
        return paragraphs;
    }

    private static Table systemsTable(RequestLetter letter, LetterTexts texts) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < letter.systems().size(); i++) {
            InformationSystem system = letter.systems().get(i);
            rows.add(List.of(String.valueOf(i + 1), system.name(), blankIfNull(system.description())));
        }
        return new Table(
                List.of(texts.text("column.number"), texts.text("column.system"), texts.text("column.description")),
                rows);
    }

    private static List<SystemTable> fieldTables(RequestLetter letter, LetterTexts texts) {
        List<String> header = List.of(
                texts.text("column.number"),
                texts.text("column.name"),
                texts.text("column.field"),
                texts.text("column.description"),
                texts.text("column.type"));
        List<SystemTable> tables = new ArrayList<>();
        for (InformationSystem system : letter.systems()) {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < system.fields().size(); i++) {
                DataField field = system.fields().get(i);
                rows.add(List.of(
                        String.valueOf(i + 1),
                        blankIfNull(field.name()),
                        blankIfNull(field.field()),
                        blankIfNull(field.description()),
                        blankIfNull(field.type())));
            }
            String note = rows.isEmpty() ? texts.text("appendix.no-fields") : null;
            tables.add(new SystemTable(system.name(), new Table(header, rows), note));
        }
        if (tables.isEmpty()) {
            // The empty table still shows the agency the columns Appendix 1 requests.
            tables.add(new SystemTable("", new Table(header, List.of()), null));
        }
        return tables;
    }

    static String blankIfNull(String text) {
        return text == null ? "" : text;
    }
}
