package kz.opendata.hub.approval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.opendata.hub.passport.Language;
import kz.opendata.hub.passport.Passport;
import kz.opendata.hub.passport.PassportJson;
import kz.opendata.hub.passport.PassportRenderer;
import kz.opendata.hub.store.PassportRecord;
import org.springframework.stereotype.Component;

/** Renders the passport files attached to an approval e-mail: the PDF people read and the JSON. */
@Component
class PassportAttachments {

    private final PassportRenderer renderer;

    PassportAttachments(PassportRenderer renderer) {
        this.renderer = renderer;
    }

    List<MailAttachment> forPassport(PassportRecord record, String language) throws IOException {
        Passport passport = PassportJson.mapper().readValue(record.passportJson(), Passport.class);
        String baseName = "passport-" + record.datasetName() + "-v" + record.version();
        byte[] pdf = renderer.pdf(passport, Language.fromCode(language));
        return List.of(
                new MailAttachment(baseName + ".pdf", "application/pdf", pdf),
                new MailAttachment(
                        baseName + ".json",
                        "application/json",
                        record.passportJson().getBytes(StandardCharsets.UTF_8)));
    }
}
