package kz.opendata.hub.intake;

import org.springframework.stereotype.Service;

// TEMPORARY
@Service
public class DraftingStage {
    public Long draft() {
        return null;
    }
}
