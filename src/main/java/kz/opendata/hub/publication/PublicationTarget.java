package kz.opendata.hub.publication;

import kz.opendata.hub.store.PassportRecord;

/**
 * One publication to run: a data set published under an approved passport with the data of one
 * unload.
 *
 * @param passportId the approved passport the set is published under
 * @param unloadId the unload whose data are published: the passport's own unload for a first
 *     publication, a later unload for an update
 * @param updateId the update of a published set, or null for the first publication of a passport
 */
public record PublicationTarget(long passportId, long unloadId, Long updateId, String datasetName) {

    static PublicationTarget first(PassportRecord passport) {
        return new PublicationTarget(passport.id(), passport.unloadId(), null, passport.datasetName());
    }

    static PublicationTarget update(DatasetUpdate update) {
        return new PublicationTarget(update.approvedPassportId(), update.unloadId(), update.id(), update.datasetName());
    }

    /** Returns whether this publishes a later unload of a set under its approved passport. */
    public boolean isUpdate() {
        return updateId != null;
    }
}
