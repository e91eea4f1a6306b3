package kz.opendata.hub.passport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import kz.opendata.hub.passport.PassportDiff.Change;
import org.junit.jupiter.api.Test;

class PassportDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsChangedAddedAndRemovedLeaves() throws Exception {
        var before = JSON.readTree("{\"general\":{\"fullName\":{\"ru\":\"Хосписы\",\"en\":\"Hospices\"}},"
                + "\"attributes\":[{\"required\":true},{\"required\":true}]}");
        var after = JSON.readTree("{\"general\":{\"fullName\":{\"ru\":\"Хосписы Москвы\",\"kk\":\"Хоспистер\"}},"
                + "\"attributes\":[{\"required\":true},{\"required\":false}]}");

        List<Change> changes = PassportDiff.between(before, after);

        assertThat(changes)
                .containsExactly(
                        new Change("general.fullName.ru", "Хосписы", "Хосписы Москвы"),
                        new Change("general.fullName.kk", null, "Хоспистер"),
                        new Change("attributes[1].required", "true", "false"),
                        new Change("general.fullName.en", "Hospices", null));
    }

    @Test
    void equalDocumentsHaveNoChanges() throws Exception {
        var document = JSON.readTree("{\"a\":[1,{\"b\":null}],\"c\":\"d\"}");

        assertThat(PassportDiff.between(document, document.deepCopy())).isEmpty();
    }
}
