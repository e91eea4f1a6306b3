package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import kz.opendata.hub.analysis.types.GeoPoints.Point;
import org.junit.jupiter.api.Test;

class GeoPointsTest {

    @Test
    void readsLatitudeLongitudePairs() {
        Point astana = new Point(51.1605, 71.4704);

        assertThat(GeoPoints.parse("51.1605, 71.4704")).isEqualTo(astana);
        assertThat(GeoPoints.parse("51.1605 71.4704")).isEqualTo(astana);
        assertThat(GeoPoints.parse("51.1605;71.4704")).isEqualTo(astana);
    }

    @Test
    void readsWktPointLongitudeFirst() {
        assertThat(GeoPoints.parse("POINT(71.4704 51.1605)")).isEqualTo(new Point(51.1605, 71.4704));
        assertThat(GeoPoints.parse("point (76.9450 43.2380)")).isEqualTo(new Point(43.2380, 76.9450));
    }

    @Test
    void rejectsPointsOutsideKazakhstan() {
        // Latitude 95 does not exist; 71.47 is no latitude of Kazakhstan, so the swapped pair fails;
        // Moscow lies at 37.6 east, west of Kazakhstan's 46.5.
        assertThat(GeoPoints.parse("95.0000, 71.4704")).isNull();
        assertThat(GeoPoints.parse("71.4704, 51.1605")).isNull();
        assertThat(GeoPoints.parse("55.7558, 37.6173")).isNull();
        assertThat(GeoPoints.parse("POINT(51.1605 71.4704)")).isNull();
    }

    @Test
    void rejectsOtherText() {
        assertThat(GeoPoints.parse("12.5")).isNull();
        assertThat(GeoPoints.parse("51,1605")).isNull();
        assertThat(GeoPoints.parse("51,1605 71,4704")).isNull();
        assertThat(GeoPoints.parse("051160571470")).isNull();
        assertThat(GeoPoints.parse("51.1605, 71.4704, 12.0")).isNull();
        assertThat(GeoPoints.parse("School 51.1605 71.4704")).isNull();
    }

    @Test
    void parserMarksPointsAsGeopoint() {
        ValueParser.ParsedValue parsed = ValueParser.parse("51.1605, 71.4704");

        assertThat(parsed.type()).isEqualTo(ValueType.STRING);
        assertThat(parsed.marker()).isEqualTo("geopoint");
    }
}
