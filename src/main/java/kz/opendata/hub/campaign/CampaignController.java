package kz.opendata.hub.campaign;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Survey campaigns: created from a commission decision, read with each agency's stage. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView create(@RequestBody NewCampaign request) {
        return view(campaigns.create(request));
    }

    /** Creates a campaign from a CSV or XLSX list with one agency code or name per row. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView importList(
            @RequestPart("file") MultipartFile file,
            @RequestParam String decisionNumber,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
            @RequestParam String authorityReference,
            @RequestParam(required = false) String title)
            throws IOException {
        String name = file.getOriginalFilename();
        ImportedList list = CampaignListImporter.read(
                name, file.getBytes(), decisionNumber, decisionDate, authorityReference, title);
        return view(campaigns.create(name, list));
    }

    @GetMapping
    List<Campaign> all() {
        return campaigns.all();
    }

    @GetMapping("/{id}")
    CampaignView one(@PathVariable long id) {
        return view(campaigns
                .find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No campaign with id " + id)));
    }

    private CampaignView view(Campaign campaign) {
        return new CampaignView(campaign, campaigns.progress(campaign));
    }

    /** A campaign with the stage of each surveyed agency. */
    record CampaignView(Campaign campaign, List<AgencyProgress> agencies) {}
}
