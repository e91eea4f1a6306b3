package kz.opendata.hub.exchange;

import java.util.List;

/**
 * The rendered files of one official request.
 *
 * @param files the letter as PDF and DOCX, then the XLSX inventory form
 */
public record LetterFiles(RequestLetter letter, List<LetterFile> files) {

    /** One rendered file with its name and media type. */
    public record LetterFile(String name, String mediaType, byte[] content) {}

    public LetterFile file(String extension) {
        return files.stream()
                .filter(file -> file.name().endsWith("." + extension))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No ." + extension + " file was rendered"));
    }
}
