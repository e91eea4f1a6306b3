package kz.opendata.hub.passport;

import java.util.ArrayList;
import java.util.List;
import kz.opendata.hub.passport.Passport.ReviewItem;

/** Collects the fields of a draft that an analyst confirms or fills in. */
final class ReviewList {

    private final List<ReviewItem> items = new ArrayList<>();

    void add(String field, String reason) {
        items.add(new ReviewItem(field, reason));
    }

    List<ReviewItem> items() {
        return List.copyOf(items);
    }
}
