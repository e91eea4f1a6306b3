package kz.opendata.hub.analysis;

import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import kz.opendata.hub.analysis.read.ReadLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the unload analysis ({@code hub.analysis.*}).
 *
 * @param headerScanRows rows from the top of a file or sheet searched for the header row
 * @param exactDistinctLimit distinct values per column counted exactly, each held in memory, before
 *     the count becomes a HyperLogLog estimate
 * @param topValues most frequent values reported per column
 * @param evidenceSamples masked samples reported per restricted column
 * @param columnHintsFile YAML file of extra header words hinting at restricted data, added to the
 *     bundled ones; ignored when the file does not exist
 * @param maxArchiveEntries entries a ZIP unload may hold
 * @param maxExpandedBytes bytes a table taken out of a ZIP or GZIP unload may have
 * @param maxCompressionRatio how many times its compressed size an archived table may grow
 * @param maxCellLength characters one cell may have; a longer cell rejects the unload
 * @param maxLineBytes bytes one line of a delimited text file may have before its line break
 * @param maxJsonDepth levels of nested arrays and objects a JSON unload may have
 */
@Validated
@ConfigurationProperties("hub.analysis")
public record AnalysisSettings(
        @Min(1) @DefaultValue("50") int headerScanRows,
        @Min(1) @DefaultValue("10000") int exactDistinctLimit,
        @Min(0) @DefaultValue("5") int topValues,
        @Min(0) @DefaultValue("3") int evidenceSamples,

        @DefaultValue("config/vocabularies/restricted-column-hints.yml")
        Path columnHintsFile,

        @Min(1) @DefaultValue("1000") int maxArchiveEntries,
        @Min(1) @DefaultValue("4294967296") long maxExpandedBytes,
        @Min(1) @DefaultValue("200") double maxCompressionRatio,
        @Min(1) @DefaultValue("1000000") int maxCellLength,
        @Min(1) @DefaultValue("4194304") int maxLineBytes,
        @Min(2) @DefaultValue("64") int maxJsonDepth) {

    /** Returns the defaults used when the service runs without Spring. */
    public static AnalysisSettings defaults() {
        // NOTE: the ratio limit is an estimate: tables of repeated codes compress about 20 to 100
        // times, so 200 leaves room for them while an archive bomb grows thousands of times.
        return new AnalysisSettings(
                50,
                10_000,
                5,
                3,
                Path.of("config/vocabularies/restricted-column-hints.yml"),
                1000,
                4L << 30,
                200,
                1_000_000,
                4 << 20,
                64);
    }

    /** Returns the limits that make the readers reject a hostile or broken file. */
    public ReadLimits readLimits() {
        return new ReadLimits(maxCellLength, maxLineBytes, maxJsonDepth);
    }
}
