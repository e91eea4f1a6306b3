package kz.opendata.hub.exchange;

/**
 * One reason an inventory form cannot be read, at the place a person opening the workbook looks.
 *
 * @param sheet the sheet's name
 * @param row the row number as spreadsheet programs show it, or 0 for the whole sheet
 * @param column the column letter, or null for the whole row or sheet
 */
public record FormProblem(String sheet, int row, String column, String message) {

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder("sheet '").append(sheet).append('\'');
        if (row > 0) {
            where.append(", row ").append(row);
        }
        if (column != null) {
            where.append(", column ").append(column);
        }
        return where.append(": ").append(message).toString();
    }
}
