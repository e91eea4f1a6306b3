package kz.opendata.hub.campaign;

import java.util.List;

/**
 * A campaign request read from an uploaded list.
 *
 * @param rowNumbers for each entry of {@code request.agencies()}, the row it came from
 */
public record ImportedList(NewCampaign request, List<Integer> rowNumbers) {}
