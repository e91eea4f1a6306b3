package kz.opendata.hub.campaign;

import com.fasterxml.jackson.annotation.JsonValue;

/** How far a surveyed agency has come, in the order the analysis rules set out. */
public enum CampaignStage {
    CREATED("created"),
    REQUEST_SENT("request-sent"),
    INVENTORY_RECEIVED("inventory-received"),
    UNLOADS_RECEIVED("unloads-received"),
    ANALYSED("analysed"),
    PASSPORTS_DRAFTED("passports-drafted"),
    APPROVED("approved"),
    PUBLISHED("published");

    private final String code;

    CampaignStage(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
