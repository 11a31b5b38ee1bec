package dev.coffer.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.testsupport.HeldBackground;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressMessagesTest {

    private final HeldBackground background = new HeldBackground();
    private final List<String> shown = new ArrayList<>();
    private final ProgressMessages progress = new ProgressMessages(background, shown::add);

    @Test
    void aBurstOfMessagesQueuesOneUpdateThatShowsTheLatest() {
        for (int i = 1; i <= 500; i++) {
            progress.accept("Read " + i + " stacks…");
        }

        assertThat(background.waiting()).isEqualTo(1);
        background.runAll();
        assertThat(shown).containsExactly("Read 500 stacks…");
    }

    @Test
    void aMessageAfterAnUpdateRanQueuesTheNextOneSoTheLastIsNeverLost() {
        progress.accept("Read 1 stacks…");
        background.runAll();
        progress.accept("Read 2 stacks…");
        progress.accept("Read 3 stacks…");

        assertThat(background.waiting()).isEqualTo(1);
        background.runAll();
        assertThat(shown).containsExactly("Read 1 stacks…", "Read 3 stacks…");
        assertThat(background.waiting()).isZero();
    }
}
