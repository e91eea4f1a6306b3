package kz.opendata.hub.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Returns a 404 problem detail for requests to unknown API paths, as every other API error, and
 * not with the error page of the dashboard. Known paths are matched first because they are more
 * specific.
 */
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        throw new ResponseStatusException(
                HttpStatus.NOT_FOUND,
                "No API endpoint at " + request.getRequestURI() + "; the endpoints are listed at /v3/api-docs");
    }
}
