package kz.opendata.hub.exchange;

import java.util.List;
import kz.opendata.hub.campaign.Campaign;
import kz.opendata.hub.campaign.CampaignAgency;
import kz.opendata.hub.campaign.CampaignRepository;
import kz.opendata.hub.exchange.DispatchService.DispatchResult;
import kz.opendata.hub.exchange.LetterFiles.LetterFile;
import kz.opendata.hub.exchange.RequestLetterRepository.SentLetter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Official requests of a campaign: sending them, previewing the files, and the letters sent. */
@RestController
@RequestMapping("/api/campaigns/{campaignId}")
class DispatchController {

    private final DispatchService dispatch;
    private final CampaignRepository campaigns;
    private final RequestLetterService letters;
    private final RequestLetterRepository sentLetters;

    DispatchController(
            DispatchService dispatch,
            CampaignRepository campaigns,
            RequestLetterService letters,
            RequestLetterRepository sentLetters) {
        this.dispatch = dispatch;
        this.campaigns = campaigns;
        this.letters = letters;
        this.sentLetters = sentLetters;
    }

    /** Sends the requests not sent yet; sending again retries only those that failed. */
    @PostMapping("/dispatch")
    List<DispatchResult> dispatch(@PathVariable long campaignId) {
        campaign(campaignId);
        return dispatch.dispatch(campaignId);
    }

    /**
     * Renders the agency's request as it would be sent today.
     *
     * @param file letter.pdf, letter.docx or inventory.xlsx
     */
    @GetMapping("/agencies/{agencyCode}/{file:letter\\.pdf|letter\\.docx|inventory\\.xlsx}")
    ResponseEntity<byte[]> preview(
            @PathVariable long campaignId, @PathVariable String agencyCode, @PathVariable String file) {
        Campaign campaign = campaign(campaignId);
        CampaignAgency surveyed = campaigns
                .agency(campaignId, agencyCode)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "Campaign " + campaignId + " does not survey agency " + agencyCode));
        LetterFiles files = letters.render(letters.letter(campaign, surveyed));
        LetterFile rendered = files.file(file.substring(file.lastIndexOf('.') + 1));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(rendered.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(rendered.name())
                                .build()
                                .toString())
                .body(rendered.content());
    }

    @GetMapping("/agencies/{agencyCode}/letters")
    List<SentLetter> sent(@PathVariable long campaignId, @PathVariable String agencyCode) {
        return sentLetters.forAgency(campaignId, agencyCode);
    }

    private Campaign campaign(long campaignId) {
        return campaigns
                .find(campaignId)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No campaign with id " + campaignId));
    }
}
