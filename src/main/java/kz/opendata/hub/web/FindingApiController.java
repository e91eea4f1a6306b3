package kz.opendata.hub.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import kz.opendata.hub.store.FindingResolutionRepository.FindingResolution;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Restricted-data findings of an unload and their resolution by an analyst. */
@RestController
@RequestMapping("/api/unloads/{id}/findings")
@Tag(name = "findings", description = "Restricted-data findings; resolving one needs the ANALYST role")
class FindingApiController {

    private final FindingService findings;

    FindingApiController(FindingService findings) {
        this.findings = findings;
    }

    @GetMapping
    @Operation(summary = "Columns with restricted data, with masked evidence and their resolution")
    List<FindingService.Finding> findings(@PathVariable long id) {
        return findings.findings(id);
    }

    @PostMapping("/{columnIndex}/resolution")
    @Operation(
            summary = "Resolve a finding",
            description = "excluded leaves the column out of the passport and the published data; publish"
                    + " records that an analyst checked the values and they may be published. A later"
                    + " resolution of the same column replaces the earlier one. Audited under the caller's"
                    + " user name.")
    FindingResolution resolve(
            @PathVariable long id,
            @PathVariable int columnIndex,
            @Valid @RequestBody Resolution resolution,
            Principal user) {
        return findings.resolve(id, columnIndex, resolution.decision(), resolution.reason(), user.getName());
    }

    /**
     * An analyst's decision on one finding.
     *
     * @param decision excluded or publish
     * @param reason why, in the analyst's words
     */
    record Resolution(
            @NotBlank @Pattern(regexp = "excluded|publish", message = "must be excluded or publish")
            String decision,

            @NotBlank @Size(max = 2000) String reason) {}
}
