package kz.opendata.hub.approval;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The mail outbox for analysts: letters waiting, given up or sent, and queuing a given-up one again. */
@RestController
class OutboxController {

    private static final int MAX_LIMIT = 500;
    private static final Set<String> STATES =
            Set.of(OutboxRepository.PENDING, OutboxRepository.FAILED, OutboxRepository.SENT);

    private final MailOutbox outbox;

    OutboxController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Lists letters in one delivery state, newest first, without their recipients. Only analysts
     * and administrators may read it, because the errors name the agencies' mail servers.
     *
     * @param status {@code pending} (waiting for delivery or for the next attempt, the default),
     *     {@code failed} (given up) or {@code sent}
     */
    @GetMapping("/api/outbox")
    List<OutboxRepository.Listed> list(
            @RequestParam(defaultValue = OutboxRepository.PENDING) String status,
            @RequestParam(defaultValue = "100") int limit,
            HttpServletRequest request) {
        if (!request.isUserInRole("ANALYST") && !request.isUserInRole("ADMIN")) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "the outbox is shown to analysts and administrators");
        }
        if (!STATES.contains(status)) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "status '" + status + "' is invalid; use pending, failed or sent");
        }
        return outbox.list(status, Math.max(1, Math.min(limit, MAX_LIMIT)));
    }

    /** Queues a given-up letter again with the same Message-ID and a fresh count of attempts. */
    @PostMapping("/api/outbox/{id}/retry")
    Map<String, Object> retry(@PathVariable long id) {
        if (!outbox.exists(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "outbox row " + id + " not found");
        }
        if (!outbox.retry(id)) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "outbox row " + id + " is not a given-up letter; see GET /api/outbox?status=failed");
        }
        return Map.of("id", id, "status", "queued");
    }
}
