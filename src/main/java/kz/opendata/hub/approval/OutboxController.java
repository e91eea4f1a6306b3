package kz.opendata.hub.approval;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The mail outbox for analysts: letters given up after their last attempt, and queuing them again. */
@RestController
class OutboxController {

    private static final int MAX_LIMIT = 500;

    private final MailOutbox outbox;

    OutboxController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Lists the letters given up, newest first, without their recipients. Only analysts and
     * administrators may read it, because the errors name the agencies' mail servers.
     *
     * @param status {@code failed}, the only status listed
     */
    @GetMapping("/api/outbox")
    List<OutboxRepository.Failed> list(
            @RequestParam String status, @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        if (!request.isUserInRole("ANALYST") && !request.isUserInRole("ADMIN")) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "the outbox is shown to analysts and administrators");
        }
        if (!status.equals("failed")) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "status '" + status + "' is not listed; use status=failed");
        }
        return outbox.failed(Math.max(1, Math.min(limit, MAX_LIMIT)));
    }

    /** Queues a given-up letter again with the same Message-ID and a fresh count of attempts. */
    @PostMapping("/api/outbox/{id}/retry")
    Map<String, Object> retry(@PathVariable long id) {
        if (!outbox.retry(id)) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "outbox row " + id + " is not a given-up letter; see GET /api/outbox?status=failed");
        }
        return Map.of("id", id, "status", "queued");
    }
}
