package kz.opendata.hub.commission;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The commission round over HTTP: packages for the two bodies and recommendations on passports. */
@RestController
class CommissionController {

    private static final int MAX_LIMIT = 200;
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CommissionPackages packages;
    private final Recommendations recommendations;

    CommissionController(CommissionPackages packages, Recommendations recommendations) {
        this.packages = packages;
        this.recommendations = recommendations;
    }

    /** Builds a package, stores its PDF and XLSX, and queues the e-mail to both bodies. */
    @PostMapping("/api/commission/packages")
    @ResponseStatus(HttpStatus.CREATED)
    CommissionPackages.PackageView create(@RequestBody CommissionPackages.Selection selection, Principal user)
            throws IOException {
        return packages.create(selection, name(user));
    }

    @GetMapping("/api/commission/packages")
    List<CommissionPackages.PackageView> list(@RequestParam(defaultValue = "50") int limit) {
        return packages.latest(Math.max(1, Math.min(limit, MAX_LIMIT)));
    }

    @GetMapping("/api/commission/packages/{id}")
    CommissionPackages.PackageView get(@PathVariable long id) {
        return packages.get(id);
    }

    @GetMapping("/api/commission/packages/{id}/package.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return document(id, "pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping("/api/commission/packages/{id}/package.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        return document(id, "xlsx", XLSX);
    }

    /** Closes the package after the commission session, which ends its passports' rounds. */
    @PostMapping("/api/commission/packages/{id}/close")
    CommissionPackages.PackageView close(@PathVariable long id, Principal user) {
        return packages.close(id, name(user));
    }

    /**
     * Records the commission's recommendations on a passport, as entered from the session's
     * minutes, and sends them to the agency.
     */
    @PostMapping("/api/passports/{id}/recommendations")
    @ResponseStatus(HttpStatus.CREATED)
    List<CommissionRepository.Recommendation> recommend(
            @PathVariable long id, @RequestBody RecommendationRequest request, Principal user) {
        request.validate();
        String author = request.author() == null || request.author().isBlank() ? name(user) : request.author();
        return recommendations.record(id, request.body(), author, request.recommendations(), null);
    }

    @GetMapping("/api/passports/{id}/recommendations")
    List<CommissionRepository.Recommendation> recommendations(@PathVariable long id) {
        return recommendations.forPassport(id);
    }

    @ExceptionHandler(CommissionStateException.class)
    ResponseEntity<String> conflict(CommissionStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(MediaType.TEXT_PLAIN)
                .body(e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.TEXT_PLAIN)
                .body(e.getMessage());
    }

    @ExceptionHandler(CommissionPackages.NoSuchPackageException.class)
    ResponseEntity<String> notFound(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_PLAIN)
                .body(e.getMessage());
    }

    private ResponseEntity<byte[]> document(long id, String format, MediaType type) {
        byte[] content = packages.document(id, format);
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"commission-package-" + id + "." + format + "\"")
                .body(content);
    }

    private static String name(Principal user) {
        return user == null ? "api" : user.getName();
    }

    /**
     * Recommendations to record.
     *
     * @param body {@code authorized} or {@code access}: the body of the commission member
     * @param author who made them; the signed-in user when blank
     */
    record RecommendationRequest(String body, String author, List<String> recommendations) {

        void validate() {
            if (!CommissionRepository.AUTHORIZED.equals(body) && !CommissionRepository.ACCESS.equals(body)) {
                throw new ResponseStatusException(
                        HttpStatus.BAD_REQUEST, "body must be 'authorized' or 'access', not '" + body + "'");
            }
            if (recommendations == null
                    || recommendations.isEmpty()
                    || recommendations.stream().anyMatch(text -> text == null || text.isBlank())) {
                throw new ResponseStatusException(
                        HttpStatus.BAD_REQUEST, "recommendations must list at least one text, none of them blank");
            }
        }
    }
}
