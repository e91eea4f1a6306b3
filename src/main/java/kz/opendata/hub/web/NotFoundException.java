package kz.opendata.hub.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A record named in the request does not exist. */
public class NotFoundException extends ResponseStatusException {

    public NotFoundException(String kind, Object id) {
        super(HttpStatus.NOT_FOUND, "No " + kind + " with id " + id);
    }
}
