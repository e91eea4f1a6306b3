package kz.opendata.hub.publication;

/**
 * Signals an analyst's action that does not fit the current state of an update or a publication,
 * such as releasing an update that is no longer held. The REST API returns 409 Conflict for it.
 */
class PublicationStateException extends IllegalStateException {

    PublicationStateException(String message) {
        super(message);
    }
}
