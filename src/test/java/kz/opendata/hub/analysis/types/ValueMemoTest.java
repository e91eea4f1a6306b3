package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueMemoTest {

    @Test
    void remembersUpToCapacity() {
        ValueMemo<Integer> memo = new ValueMemo<>(2);

        memo.put("a", 1);
        memo.put("b", 2);
        memo.put("c", 3);

        assertThat(memo.get("a")).isEqualTo(1);
        assertThat(memo.get("b")).isEqualTo(2);
        assertThat(memo.get("c")).isNull();
    }

    @Test
    void leavesOutLongValues() {
        ValueMemo<Integer> memo = new ValueMemo<>(4);
        String sixtyFive = "x".repeat(65);

        memo.put(sixtyFive, 1);
        memo.put("x".repeat(64), 2);

        assertThat(memo.get(sixtyFive)).isNull();
        assertThat(memo.get("x".repeat(64))).isEqualTo(2);
    }

    @Test
    void stopsWhenFullAndValuesDoNotRepeat() {
        ValueMemo<Integer> memo = new ValueMemo<>(1);
        memo.put("kept", 1);

        // 4096 lookups while full, one of them a hit: fewer than half, so the memo stops.
        memo.get("kept");
        for (int i = 1; i < 4096; i++) {
            memo.get("new " + i);
        }

        assertThat(memo.get("kept")).isNull();
    }

    @Test
    void keepsLookingWhenValuesRepeat() {
        ValueMemo<Integer> memo = new ValueMemo<>(1);
        memo.put("kept", 1);

        // 4096 lookups while full, 2048 of them hits: half, so the memo keeps looking.
        for (int i = 0; i < 2048; i++) {
            memo.get("kept");
            memo.get("new " + i);
        }

        assertThat(memo.get("kept")).isEqualTo(1);
    }
}
