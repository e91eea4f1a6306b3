package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PassportMergeTest {

    private static ObjectNode sent;

    @BeforeAll
    static void draftHospices() throws Exception {
        sent = SamplePassports.drafted("mos/hospices.csv");
    }

    @Test
    void appliesNameAndObligationChanges() {
        ObjectNode edited = sent.deepCopy();
        JsonNode oldNode = sent.at("/general/fullName/ru");
        String oldName = oldNode.isMissingNode() ? null : oldNode.asText();
        ((ObjectNode) edited.at("/general/fullName")).put("ru", "Хосписы Москвы");
        boolean wasRequired = sent.at("/attributes/0/required").asBoolean();
        ((ObjectNode) edited.at("/attributes/0")).put("required", !wasRequired);

        PassportMerge.Result result = PassportMerge.merge(sent, edited, "edit.json");

        assertThat(result.passport().version()).isEqualTo(sent.path("version").asInt() + 1);
        assertThat(result.passport().general().fullName()).containsEntry("ru", "Хосписы Москвы");
        assertThat(result.passport().attributes().get(0).required()).isEqualTo(!wasRequired);
        assertThat(result.changes())
                .contains(
                        new PassportMerge.RecordedChange("general.fullName.ru", oldName, "Хосписы Москвы", true),
                        new PassportMerge.RecordedChange(
                                "attributes[0].required",
                                String.valueOf(wasRequired),
                                String.valueOf(!wasRequired),
                                true));
        assertThat(result.document()).contains("\"status\" : \"draft\"");
    }

    @Test
    void keepsTypeChangeAsNotApplied() {
        ObjectNode edited = sent.deepCopy();
        String oldType = sent.at("/attributes/1/type").asText();
        String newType = oldType.equals("integer") ? "string" : "integer";
        ((ObjectNode) edited.at("/attributes/1")).put("type", newType);
        ((ObjectNode) edited.at("/general/description")).put("ru", "Описание от агентства");

        PassportMerge.Result result = PassportMerge.merge(sent, edited, "edit.json");

        assertThat(result.passport().attributes().get(1).type()).isEqualTo(oldType);
        assertThat(result.changes())
                .contains(new PassportMerge.RecordedChange("attributes[1].type", oldType, newType, false));
    }

    @Test
    void rejectsAddedAttribute() {
        ObjectNode edited = sent.deepCopy();
        ((ArrayNode) edited.path("attributes"))
                .add(sent.path("attributes").get(0).deepCopy());

        assertThatThrownBy(() -> PassportMerge.merge(sent, edited, "edit.json"))
                .isInstanceOf(UnusableEditException.class)
                .hasMessageContaining("edit.json adds, removes or reorders attributes");
    }

    @Test
    void rejectsPassportOfAnotherDataSet() {
        ObjectNode edited = sent.deepCopy();
        edited.put("id", "another-data-set");

        assertThatThrownBy(() -> PassportMerge.merge(sent, edited, "edit.json"))
                .hasMessageContaining("describes another data set");
    }

    @Test
    void rejectsUnknownFrequency() {
        ObjectNode edited = sent.deepCopy();
        ((ObjectNode) edited.path("updating")).put("frequency", "fortnightly");

        assertThatThrownBy(() -> PassportMerge.merge(sent, edited, "edit.json"))
                .hasMessageContaining("value the passport form does not allow")
                .hasMessageContaining("fortnightly");
    }

    @Test
    void rejectsAddressAttributeOutsideAttributes() {
        ObjectNode edited = sent.deepCopy();
        ObjectNode geobinding = (ObjectNode) edited.path("geobinding");
        geobinding.put("available", true);
        geobinding.put("geometryType", "point");
        geobinding.put("bindingType", "address");
        geobinding.put("addressAttribute", "no_such_column");

        assertThatThrownBy(() -> PassportMerge.merge(sent, edited, "edit.json"))
                .hasMessageContaining("address attribute (1.3.4)");
    }

    @Test
    void convertsPointerToDiffPath() {
        assertThat(PassportMerge.toDiffPath("/attributes/12/name")).isEqualTo("attributes[12].name");
        assertThat(PassportMerge.toDiffPath("/general/fullName")).isEqualTo("general.fullName");
    }
}
