package kz.opendata.hub.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.opendata.hub.passport.PassportJson;
import kz.opendata.hub.passport.PassportMessages;
import kz.opendata.hub.passport.UpdateFrequencyVocabulary;
import org.springframework.stereotype.Component;

/**
 * Finds an edited passport among a reply's attachments (JSON first, then the XLSX form, then a
 * Word document) and merges it with the version the reply answers. Attachments that look like
 * documents but cannot be used get a note for the analyst with the reason.
 */
@Component
class EditedPassports {

    static final String JSON = "json";
    static final String XLSX = "xlsx";
    static final String DOCX = "docx";

    private static final List<String> FORMATS = List.of(JSON, XLSX, DOCX);
    /** Document formats a person may believe they edited, which the hub does not read back. */
    private static final List<String> UNREAD_DOCUMENTS = List.of("pdf", "doc", "xls", "odt", "ods", "rtf");

    private final ObjectMapper json = PassportJson.mapper();
    private final PassportWorkbookReader workbooks;
    private final PassportDocxReader documents;
    private final ApprovalProperties settings;

    EditedPassports(ApprovalProperties settings) {
        FormVocabulary vocabulary = new FormVocabulary(new PassportMessages(), UpdateFrequencyVocabulary.loadDefault());
        this.workbooks = new PassportWorkbookReader(vocabulary);
        this.documents = new PassportDocxReader(vocabulary);
        this.settings = settings;
    }

    /**
     * An edited passport merged with the sent version.
     *
     * @param format json, xlsx or docx
     */
    record Edit(String fileName, String format, PassportMerge.Result result) {}

    /**
     * What the attachments held.
     *
     * @param edit the first usable edited passport that changes something
     * @param notes reasons why other attachments were not used, for the analyst
     */
    record Outcome(Optional<Edit> edit, List<String> notes) {}

    Outcome read(List<MailAttachment> attachments, String sentDocument) {
        JsonNode sent = parse(sentDocument);
        List<String> notes = new ArrayList<>();
        Edit edit = null;
        for (String format : FORMATS) {
            for (MailAttachment attachment : attachments) {
                if (!format.equals(format(attachment))) {
                    continue;
                }
                if (edit != null) {
                    notes.add(attachment.fileName() + " was not read, because " + edit.fileName()
                            + " already gives the edited passport");
                    continue;
                }
                edit = readOne(attachment, format, sent, notes);
            }
        }
        for (MailAttachment attachment : attachments) {
            if (UNREAD_DOCUMENTS.contains(extension(attachment.fileName()))) {
                notes.add(attachment.fileName() + " was not read: the hub reads edited passports only as the JSON"
                        + " or XLSX files it sends, or as a .docx document");
            }
        }
        return new Outcome(Optional.ofNullable(edit), notes);
    }

    private Edit readOne(MailAttachment attachment, String format, JsonNode sent, List<String> notes) {
        String fileName = attachment.fileName();
        if (attachment.content().length > settings.maxAttachmentBytes()) {
            notes.add(fileName + " was not read: it has " + attachment.content().length + " bytes, more than"
                    + " hub.approval.max-attachment-bytes (" + settings.maxAttachmentBytes() + ")");
            return null;
        }
        try {
            JsonNode edited = switch (format) {
                case JSON -> json.readTree(withoutBom(attachment.content()));
                case XLSX -> workbooks.read(attachment.content(), sent, fileName);
                default -> documents.read(attachment.content(), sent, fileName);
            };
            PassportMerge.Result result = PassportMerge.merge(sent, edited, fileName);
            if (!result.appliesAnything()) {
                notes.add(fileName + " changes no field an agency may change"
                        + (result.changes().isEmpty()
                                ? ""
                                : " (" + result.changes().size() + " other changes kept" + " as they were)")
                        + ", so no new version was drafted");
                return null;
            }
            return new Edit(fileName, format, result);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            notes.add(fileName + " is not valid JSON" + where + "; the agency should send the passport JSON again");
        } catch (UnusableEditException e) {
            notes.add(e.getMessage());
        }
        return null;
    }

    private static String format(MailAttachment attachment) {
        String extension = extension(attachment.fileName());
        if (FORMATS.contains(extension)) {
            return extension;
        }
        return switch (attachment.contentType()) {
            case "application/json" -> JSON;
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> XLSX;
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> DOCX;
            default -> null;
        };
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
    }

    private static String withoutBom(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private JsonNode parse(String document) {
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored passport document is not valid JSON", e);
        }
    }
}
