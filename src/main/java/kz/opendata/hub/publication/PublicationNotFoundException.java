package kz.opendata.hub.publication;

/** Signals an update or publication attempt id that does not exist; the REST API answers 404. */
class PublicationNotFoundException extends RuntimeException {

    PublicationNotFoundException(String message) {
        super(message);
    }
}
