package kz.opendata.hub.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.opendata.hub.web.CampaignBoard;
import kz.opendata.hub.web.CampaignBoard.AgencyProgress;

/**
 * Geometry of the dashboard's bar charts, computed on the server so the page draws them as
 * inline SVG without any script. Coordinates are in SVG user units (pixels at 100% zoom).
 */
public final class Charts {

    static final int WIDTH = 640;
    static final int LABEL_WIDTH = 170;
    static final int ROW_HEIGHT = 26;
    static final int BAR_HEIGHT = 18;
    static final int VALUE_GAP = 6;
    private static final int PLOT_WIDTH = WIDTH - LABEL_WIDTH - 60;

    private Charts() {}

    /** Lays out one horizontal bar per entry, the longest for the largest value. */
    static BarChart bars(Map<String, Long> values) {
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int row = 0;
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            int width = scale(entry.getValue(), max);
            bars.add(new Bar(entry.getKey(), entry.getValue(), LABEL_WIDTH, y(row), width, LABEL_WIDTH + width));
            row++;
        }
        return new BarChart(WIDTH, height(bars.size()), bars);
    }

    /** Lays out one stacked bar per agency with its passports by stage, scaled to the agency with the most. */
    static StackedChart campaign(List<AgencyProgress> agencies) {
        long max = agencies.stream().mapToLong(Charts::total).max().orElse(0);
        List<StackedRow> rows = new ArrayList<>();
        for (int i = 0; i < agencies.size(); i++) {
            AgencyProgress agency = agencies.get(i);
            List<Segment> segments = new ArrayList<>();
            int x = LABEL_WIDTH;
            for (String stage : CampaignBoard.PASSPORT_STAGES) {
                long count = agency.passports().get(stage);
                int width = scale(count, max);
                if (width > 0) {
                    segments.add(new Segment(stage, count, x, width));
                }
                x += width;
            }
            rows.add(new StackedRow(agency.agency().code(), total(agency), y(i), segments, x + VALUE_GAP));
        }
        return new StackedChart(WIDTH, height(rows.size()), rows, CampaignBoard.PASSPORT_STAGES);
    }

    private static long total(AgencyProgress agency) {
        return agency.passports().values().stream().mapToLong(Long::longValue).sum();
    }

    private static int scale(long value, long max) {
        return max == 0 ? 0 : (int) Math.round((double) value * PLOT_WIDTH / max);
    }

    private static int y(int row) {
        return row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
    }

    private static int height(int rows) {
        return Math.max(1, rows) * ROW_HEIGHT;
    }

    /** A chart of horizontal bars. */
    public record BarChart(int width, int height, List<Bar> bars) {}

    /**
     * One bar.
     *
     * @param valueX where the value's text starts, right of the bar
     */
    public record Bar(String label, long value, int x, int y, int width, int valueX) {

        public int textY() {
            return y + BAR_HEIGHT - 4;
        }
    }

    /** A chart of stacked horizontal bars; {@code stages} gives the legend's order. */
    public record StackedChart(int width, int height, List<StackedRow> rows, List<String> stages) {}

    /** One agency's bar: its segments left to right and its total. */
    public record StackedRow(String label, long total, int y, List<Segment> segments, int totalX) {

        public int textY() {
            return y + BAR_HEIGHT - 4;
        }
    }

    /** The part of a stacked bar for one passport stage. */
    public record Segment(String stage, long count, int x, int width) {}
}
