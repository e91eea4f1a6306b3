package kz.opendata.hub.passport;

import java.util.List;

/** A piece of the passport document, laid out the same way in HTML and in PDF. */
sealed interface DocumentBlock {

    /** The document's title and the line under it (city and year of development). */
    record Title(String text, String subtitle) implements DocumentBlock {}

    /**
     * A section heading.
     *
     * @param level 1 for sections such as "1 GENERAL PART", 2 for "1.1 ...", 3 below that
     */
    record Heading(String text, int level) implements DocumentBlock {}

    /**
     * A numbered item of the form with its value.
     *
     * @param toConfirm the hub drafted the value and an analyst has not confirmed it yet
     */
    record Field(String label, String value, boolean toConfirm, String toConfirmLabel) implements DocumentBlock {}

    /**
     * A table.
     *
     * @param widths relative column widths, one per header
     */
    record Table(List<String> headers, List<List<String>> rows, List<Integer> widths) implements DocumentBlock {}

    record Paragraph(String text) implements DocumentBlock {}
}
