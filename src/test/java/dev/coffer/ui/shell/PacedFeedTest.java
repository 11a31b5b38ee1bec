package dev.coffer.ui.shell;

import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The feed that keeps the first screenful of rows from building every cell in one pulse. */
class PacedFeedTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void pagesAfterTheFirstScreenfulAreGatheredIntoFewUpdates() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        List<String> events = new ArrayList<>();
        PacedFeed<Integer> feed = onFx(() -> new PacedFeed<>(rows -> sizes.add(rows.size())));
        onFx(() -> {
            feed.add(IntStream.range(0, PacedFeed.SCREENFUL).boxed().toList());
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> sizes.stream().mapToInt(Integer::intValue).sum()) == PacedFeed.SCREENFUL);
        int updatesForTheScreenful = onFx(sizes::size);
        // Twenty pages of ten, as moto pages parameters, arriving faster than the gathering interval.
        for (int page = 0; page < 20; page++) {
            onFx(() -> {
                feed.add(IntStream.range(0, 10).boxed().toList());
                return null;
            });
        }
        onFx(() -> {
            feed.finish(() -> events.add("done"));
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> !events.isEmpty()));
        List<Integer> later = onFx(() -> List.copyOf(sizes.subList(updatesForTheScreenful, sizes.size())));
        assertThat(later.stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
        assertThat(later).hasSizeLessThan(20);
    }

    @Test
    void theFirstScreenfulArrivesAFewRowsPerFrameThenTheRestGatheredInOrderThenDone() {
        List<List<Integer>> deliveries = new ArrayList<>();
        List<String> events = new ArrayList<>();
        PacedFeed<Integer> feed = onFx(() -> new PacedFeed<>(rows -> deliveries.add(List.copyOf(rows))));
        List<Integer> sent = IntStream.range(0, 300).boxed().toList();
        onFx(() -> {
            for (int i = 0; i < sent.size(); i += 100) {
                feed.add(sent.subList(i, i + 100));
            }
            feed.finish(() -> events.add("done after " + deliveries.stream().mapToInt(List::size).sum() + " rows"));
            return null;
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> !events.isEmpty()));
        List<List<Integer>> seen = onFx(() -> List.copyOf(deliveries));
        assertThat(seen.stream().flatMap(List::stream).toList()).isEqualTo(sent);
        assertThat(onFx(() -> List.copyOf(events))).containsExactly("done after 300 rows");
        // Until a screenful is shown, each frame adds only a few rows …
        int shown = 0;
        int i = 0;
        for (; shown < PacedFeed.SCREENFUL; i++) {
            assertThat(seen.get(i)).hasSizeLessThanOrEqualTo(PacedFeed.FIRST_ROWS_PER_FRAME);
            shown += seen.get(i).size();
        }
        // … and then the rest, gathered into one update.
        assertThat(seen.subList(i, seen.size())).extracting(List::size).containsExactly(sent.size() - shown);
    }

    @Test
    void theTreeAndTheTableGetTheirFirstRowsInDifferentFrames() {
        List<Long> treeFrames = new ArrayList<>();
        List<Long> tableFrames = new ArrayList<>();
        FrameClock frames = FrameClock.started();
        PacedFeed<Integer> tree = onFx(() -> new PacedFeed<>(rows -> treeFrames.add(frames.now)));
        PacedFeed<Integer> table = onFx(() -> new PacedFeed<>(rows -> tableFrames.add(frames.now)));
        onFx(() -> {
            tree.add(List.of(1, 2, 3));
            table.add(List.of(1, 2, 3));
            return null;
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> !treeFrames.isEmpty() && !tableFrames.isEmpty()));
        frames.close();
        assertThat(onFx(() -> treeFrames.get(0))).isNotEqualTo(onFx(() -> tableFrames.get(0)));
    }

    @Test
    void saysTheFirstRowsAreShownInTheFrameAfterTheLastOfThemWasDelivered() {
        List<Long> deliveryFrames = new ArrayList<>();
        List<Long> shownFrames = new ArrayList<>();
        FrameClock frames = FrameClock.started();
        PacedFeed<Integer> feed = onFx(() -> new PacedFeed<>(rows -> deliveryFrames.add(frames.now)));
        onFx(() -> {
            feed.firstRowsShown().thenRun(() -> shownFrames.add(frames.now));
            // A first page of ten: two frames of rows.
            feed.add(IntStream.range(0, 10).boxed().toList());
            return null;
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> !shownFrames.isEmpty()));
        frames.close();
        assertThat(onFx(() -> List.copyOf(deliveryFrames))).hasSize(2);
        // Not in a frame that delivered rows (those are laid out after the feed runs), but in a later one.
        assertThat(onFx(() -> shownFrames.get(0))).isGreaterThan(onFx(() -> deliveryFrames.get(1)));
    }

    @Test
    void aListingThatEndsWithoutRowsCountsAsShown() {
        PacedFeed<Integer> feed = onFx(() -> new PacedFeed<>(rows -> { }));
        assertThat(onFx(() -> feed.firstRowsShown().isDone())).isFalse();
        onFx(() -> {
            feed.finish(() -> { });
            return null;
        });
        assertThat(onFx(() -> feed.firstRowsShown().isDone())).isTrue();
    }

    /** Names the current frame: started before the feeds, it runs first in every frame (FX thread only). */
    private static final class FrameClock extends javafx.animation.AnimationTimer {
        private long now;

        @Override
        public void handle(long now) {
            this.now = now;
        }

        static FrameClock started() {
            FrameClock clock = new FrameClock();
            onFx(() -> {
                clock.start();
                return null;
            });
            return clock;
        }

        void close() {
            onFx(() -> {
                stop();
                return null;
            });
        }
    }
}
