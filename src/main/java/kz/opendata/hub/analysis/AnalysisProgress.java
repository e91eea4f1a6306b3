package kz.opendata.hub.analysis;

/** Receives how far the analysis has read through a file. */
public interface AnalysisProgress {

    AnalysisProgress NONE = (bytesRead, totalBytes) -> {};

    void update(long bytesRead, long totalBytes);
}
