package kz.opendata.hub.demand;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports and lists requests for data. {@code POST /api/demand/import} takes a CSV file as the
 * request body ({@code text/csv}) or as the form field {@code file} ({@code multipart/form-data}).
 */
@RestController
@RequestMapping("/api/demand")
class DemandController {

    private static final int MAX_LIMIT = 500;

    private final DemandService demand;
    private final DemandProperties settings;

    DemandController(DemandService demand, DemandProperties settings) {
        this.demand = demand;
        this.settings = settings;
    }

    @PostMapping(
            value = "/import",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    DemandService.ImportResult importBody(
            HttpServletRequest request,
            @RequestParam(defaultValue = DemandService.UPLOAD_SOURCE) String source,
            @RequestParam(defaultValue = DemandSignal.PORTAL_REQUEST) String kind,
            Principal principal)
            throws IOException {
        try (InputStream body = request.getInputStream()) {
            return demand.importCsv(readLimited(body), source, kind, actor(principal));
        }
    }

    @PostMapping(value = "/import", consumes = "multipart/form-data")
    DemandService.ImportResult importFile(
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = DemandService.UPLOAD_SOURCE) String source,
            @RequestParam(defaultValue = DemandSignal.PORTAL_REQUEST) String kind,
            Principal principal)
            throws IOException {
        try (InputStream body = file.getInputStream()) {
            return demand.importCsv(readLimited(body), source, kind, actor(principal));
        }
    }

    /** Stored requests with their matches, newest first. */
    @GetMapping("/signals")
    List<SignalView> signals(@RequestParam(defaultValue = "100") int limit) {
        return demand.latest(Math.max(1, Math.min(limit, MAX_LIMIT))).stream()
                .map(this::view)
                .toList();
    }

    @GetMapping("/signals/{id}")
    SignalView signal(@PathVariable long id) {
        return demand.find(id)
                .map(this::view)
                .orElseThrow(() -> new SignalNotFoundException("no demand signal with id " + id));
    }

    @ExceptionHandler(DemandImportException.class)
    ProblemDetail unreadable(DemandImportException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(UploadTooLargeException.class)
    ProblemDetail tooLarge(UploadTooLargeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(SignalNotFoundException.class)
    ProblemDetail notFound(SignalNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private SignalView view(DemandSignal signal) {
        return new SignalView(signal, demand.matchesOf(signal.id()));
    }

    private byte[] readLimited(InputStream body) throws IOException {
        long limit = settings.maxUploadSize().toBytes();
        byte[] bytes = body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > limit) {
            throw new UploadTooLargeException("the upload is larger than " + settings.maxUploadSize()
                    + "; split the file or raise hub.demand.max-upload-size");
        }
        return bytes;
    }

    private static String actor(Principal principal) {
        return principal == null ? "analyst" : principal.getName();
    }

    /** A stored request with the passports and unloads it matches. */
    record SignalView(DemandSignal signal, List<DemandRepository.StoredMatch> matches) {}

    static final class UploadTooLargeException extends RuntimeException {

        UploadTooLargeException(String message) {
            super(message);
        }
    }

    static final class SignalNotFoundException extends RuntimeException {

        SignalNotFoundException(String message) {
            super(message);
        }
    }
}
