package kz.opendata.hub.publication;

/** Signals an update or publication attempt id that does not exist. The REST API returns 404 for it. */
class PublicationNotFoundException extends RuntimeException {

    PublicationNotFoundException(String message) {
        super(message);
    }
}
