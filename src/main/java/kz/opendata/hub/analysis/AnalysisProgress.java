package kz.opendata.hub.analysis;

/** Receives how far the analysis has read through a file. */
@FunctionalInterface
public interface AnalysisProgress {

    /** A callback that ignores every update. */
    AnalysisProgress NONE = (bytesRead, totalBytes) -> {};

    /**
     * Reports progress. The service calls it at most a few times per second and once more when
     * the file has been read to the end.
     *
     * @param bytesRead bytes of the file read so far
     * @param totalBytes the file's size in bytes
     */
    void update(long bytesRead, long totalBytes);
}
