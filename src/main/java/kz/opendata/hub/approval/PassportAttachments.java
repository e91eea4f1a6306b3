package kz.opendata.hub.approval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.opendata.hub.passport.Language;
import kz.opendata.hub.passport.Passport;
import kz.opendata.hub.passport.PassportJson;
import kz.opendata.hub.passport.PassportMessages;
import kz.opendata.hub.passport.PassportRenderer;
import kz.opendata.hub.passport.UpdateFrequencyVocabulary;
import kz.opendata.hub.store.PassportRecord;
import org.springframework.stereotype.Component;

/**
 * Renders the passport files attached to an approval e-mail: the PDF people read, the JSON for
 * information systems, and the XLSX form an agency can edit and send back with its reply.
 */
@Component
class PassportAttachments {

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PassportRenderer renderer;
    private final PassportWorkbook workbook =
            new PassportWorkbook(new FormVocabulary(new PassportMessages(), UpdateFrequencyVocabulary.loadDefault()));

    PassportAttachments(PassportRenderer renderer) {
        this.renderer = renderer;
    }

    List<MailAttachment> forPassport(PassportRecord record, String language) throws IOException {
        Passport passport = PassportJson.mapper().readValue(record.passportJson(), Passport.class);
        String baseName = "passport-" + record.datasetName() + "-v" + record.version();
        Language agencyLanguage = Language.fromCode(language);
        byte[] pdf = renderer.pdf(passport, agencyLanguage);
        return List.of(
                new MailAttachment(baseName + ".pdf", "application/pdf", pdf),
                new MailAttachment(
                        baseName + ".json",
                        "application/json",
                        record.passportJson().getBytes(StandardCharsets.UTF_8)),
                new MailAttachment(baseName + ".xlsx", XLSX_TYPE, workbook.write(passport, agencyLanguage)));
    }
}
