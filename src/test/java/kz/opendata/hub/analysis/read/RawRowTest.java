package kz.opendata.hub.analysis.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RawRowTest {

    @Test
    void oneFilledCellAmongBlanks() {
        assertThat(new RawRow(1, List.of("", "Примечание", " ")).hasOneFilledCell())
                .isTrue();
        assertThat(new RawRow(2, List.of("a")).hasOneFilledCell()).isTrue();
    }

    @Test
    void noneOrSeveralFilledCells() {
        assertThat(new RawRow(1, List.of("a", "", "b")).hasOneFilledCell()).isFalse();
        assertThat(new RawRow(2, List.of("", " ", "\t")).hasOneFilledCell()).isFalse();
        assertThat(new RawRow(3, List.of()).hasOneFilledCell()).isFalse();
    }
}
