package kz.opendata.hub.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.campaign.Campaign;
import kz.opendata.hub.campaign.CampaignAgency;
import kz.opendata.hub.exchange.LetterFiles.LetterFile;
import kz.opendata.hub.sftp.SftpRegistry;
import kz.opendata.hub.sftp.SftpSettings;
import org.springframework.stereotype.Service;

/** Puts together and renders the official request to one surveyed agency. */
@Service
public class RequestLetterService {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AgencyRegistry agencies;
    private final RegistryRepository registry;
    private final SftpRegistry sftp;
    private final ExchangeProperties properties;
    private final Clock clock;

    RequestLetterService(
            AgencyRegistry agencies,
            RegistryRepository registry,
            SftpRegistry sftp,
            ExchangeProperties properties,
            Clock clock) {
        this.agencies = agencies;
        this.registry = registry;
        this.sftp = sftp;
        this.properties = properties;
        this.clock = clock;
    }

    /** Collects the facts of the request, dated today. */
    public RequestLetter letter(Campaign campaign, CampaignAgency surveyed) {
        Agency agency = agencies.find(surveyed.agencyCode())
                .orElseThrow(() -> new IllegalStateException("Agency " + surveyed.agencyCode() + " of campaign "
                        + campaign.id() + " is no longer in the agency registry; add it back"));
        LocalDate today = LocalDate.now(clock);
        String language = agency.language();
        return new RequestLetter(
                language,
                surveyed.letterNumber(),
                today,
                campaign.id(),
                agency.code(),
                agency.name(language),
                integratorName(language),
                campaign.decisionNumber(),
                campaign.decisionDate(),
                campaign.authorityReference(),
                today.plusDays(properties.replyDays()),
                sftp.find(agency.code()).map(SftpSettings::directory).orElse(null),
                registry.systems(agency.code()));
    }

    /** Renders the letter as PDF and DOCX and the inventory form as XLSX. */
    public LetterFiles render(RequestLetter letter) {
        try {
            LetterContent content = LetterContent.of(letter);
            String base = "request-" + letter.letterNumber();
            return new LetterFiles(
                    letter,
                    List.of(
                            new LetterFile(base + ".pdf", PDF, PdfLetterRenderer.render(content)),
                            new LetterFile(base + ".docx", DOCX, DocxLetterRenderer.render(content)),
                            new LetterFile(
                                    "inventory-" + letter.letterNumber() + ".xlsx",
                                    XLSX,
                                    InventoryFormWriter.write(letter))));
        } catch (IOException e) {
            throw new UncheckedIOException("Request " + letter.letterNumber() + " could not be rendered", e);
        }
    }

    /** Returns the integrator's name as letters in the language print it. */
    public String integratorName(String language) {
        String configured = properties.integratorName().get(language);
        return configured == null || configured.isBlank()
                ? LetterTexts.of(language).text("integrator.name")
                : configured;
    }
}
