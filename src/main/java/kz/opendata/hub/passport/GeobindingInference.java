package kz.opendata.hub.passport;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import kz.opendata.hub.passport.DraftInput.PublishedColumn;
import kz.opendata.hub.passport.Passport.Geobinding;

/**
 * Infers geobinding from the published columns: coordinates before an address, an address before
 * a territory (KATO codes, region or district names). The address attribute is named whenever an
 * address column exists.
 */
final class GeobindingInference {

    private static final List<String> ADDRESS_WORDS =
            List.of("адрес", "мекенжай", "мекен", "address", "местонахожд", "местоположен");
    private static final List<String> LATITUDE_WORDS = List.of("широта", "ендік", "lat", "latitude");
    private static final List<String> LONGITUDE_WORDS = List.of("долгота", "бойлық", "lon", "lng", "long", "longitude");
    private static final List<String> TERRITORY_WORDS = List.of(
            "като",
            "kato",
            "область",
            "облыс",
            "регион",
            "region",
            "район",
            "аудан",
            "округ",
            "oblast",
            "district",
            "территор",
            "territor",
            "аймақ");

    private GeobindingInference() {}

    static Inferred<Geobinding> infer(DraftInput input) {
        Optional<PublishedColumn> address = find(input, GeobindingInference::isAddress);
        String addressAttribute = address.map(PublishedColumn::technicalName).orElse(null);
        Optional<Inferred<Geobinding>> coordinates = coordinates(input, addressAttribute);
        if (coordinates.isPresent()) {
            return coordinates.get();
        }
        if (address.isPresent()) {
            return new Inferred<>(
                    new Geobinding(true, Geobinding.POINT, Geobinding.ADDRESS, addressAttribute),
                    "column '" + address.get().name() + "' holds addresses");
        }
        return territory(input).orElse(new Inferred<>(Geobinding.none(), "no address, coordinate or territory column"));
    }

    private static Optional<Inferred<Geobinding>> coordinates(DraftInput input, String addressAttribute) {
        Optional<PublishedColumn> shape =
                find(input, column -> "geojson".equals(column.type()) || "geometry".equals(column.semanticType()));
        if (shape.isPresent()) {
            return Optional.of(new Inferred<>(
                    new Geobinding(true, null, Geobinding.COORDINATES, addressAttribute),
                    "column '" + shape.get().name() + "' holds geometries; state their geometry type"));
        }
        Optional<PublishedColumn> point =
                find(input, column -> "geopoint".equals(column.type()) || "geopoint".equals(column.semanticType()));
        Optional<PublishedColumn> latitude = find(
                input,
                column -> "latitude".equals(column.semanticType()) || Words.containAny(column.name(), LATITUDE_WORDS));
        Optional<PublishedColumn> longitude = find(
                input,
                column ->
                        "longitude".equals(column.semanticType()) || Words.containAny(column.name(), LONGITUDE_WORDS));
        if (point.isEmpty() && (latitude.isEmpty() || longitude.isEmpty())) {
            return Optional.empty();
        }
        String evidence = point.map(column -> "column '" + column.name() + "' holds points")
                .orElseGet(() -> "columns '" + latitude.get().name() + "' and '"
                        + longitude.get().name() + "' hold latitude and longitude");
        return Optional.of(new Inferred<>(
                new Geobinding(true, Geobinding.POINT, Geobinding.COORDINATES, addressAttribute), evidence));
    }

    private static Optional<Inferred<Geobinding>> territory(DraftInput input) {
        Optional<PublishedColumn> territory = find(
                input,
                column -> "kato".equals(column.semanticType())
                        || Words.containAny(column.name(), TERRITORY_WORDS)
                        || ("string".equals(column.type())
                                && KazakhstanRegions.mostlyRegions(input.shownValues(column))));
        return territory.map(column -> new Inferred<>(
                new Geobinding(true, Geobinding.POLYGON, Geobinding.TERRITORIAL_CODE, null),
                "column '" + column.name() + "' names territories; publish KATO codes beside names where the"
                        + " unload has only names"));
    }

    private static boolean isAddress(PublishedColumn column) {
        return "address".equals(column.semanticType()) || Words.containAny(column.name(), ADDRESS_WORDS);
    }

    private static Optional<PublishedColumn> find(DraftInput input, Predicate<PublishedColumn> test) {
        return input.columns().stream().filter(test).findFirst();
    }
}
