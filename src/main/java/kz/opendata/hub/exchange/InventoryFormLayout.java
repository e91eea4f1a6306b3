package kz.opendata.hub.exchange;

import java.util.List;

/**
 * Layout of the Appendix 1 inventory form, shared by the writer and the reader so a form the
 * hub issued always reads back.
 *
 * <p>Each data sheet has a title in row 1, a hint in row 2, the column headings in row 3 and the
 * agency's rows from row 4. A very hidden sheet records which request the form belongs to.
 */
final class InventoryFormLayout {

    static final String MARKER_SHEET = "hub-form";
    static final String FORM_ID = "opendata-hub-inventory";
    static final String FORM_VERSION = "1";
    static final int HEADING_ROW = 2;
    static final int FIRST_DATA_ROW = 3;

    /** Text keys of the systems sheet's column headings, in column order. */
    static final List<String> SYSTEM_COLUMNS = List.of("column.number", "column.system", "column.description");

    /** Text keys of the fields sheet's column headings, in column order. */
    static final List<String> FIELD_COLUMNS = List.of(
            "column.number", "column.system", "column.name", "column.field", "column.description", "column.type");

    static final int SYSTEM_NAME = 1;
    static final int SYSTEM_DESCRIPTION = 2;
    static final int FIELD_SYSTEM = 1;
    static final int FIELD_NAME = 2;
    static final int FIELD_FIELD = 3;
    static final int FIELD_DESCRIPTION = 4;
    static final int FIELD_TYPE = 5;

    static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    private InventoryFormLayout() {}

    /** Returns the spreadsheet letter of a 0-based column index: 0 is A, 26 is AA. */
    static String columnLetter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
