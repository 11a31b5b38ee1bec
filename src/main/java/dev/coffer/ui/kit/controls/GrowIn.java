package dev.coffer.ui.kit.controls;

import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.layout.Region;

/**
 * Lets a table reach its full height over a few frames the first time it shows rows.
 *
 * <p>Why, from the scale benchmark: JavaFX builds a row (skin, CSS, layout) for every row that
 * fits in the view, empty rows included, in the layout that shows the first one. For the secrets
 * table that is some 22 rows of 8 cells, 0.2 to 0.3 s in one frame on two cores, the longest stall
 * of the whole load however few rows the first page holds. Growing the view a few rows a frame
 * builds the same rows over a few frames; the rows at the top show at once, and rows are reused
 * from then on. It happens once per view. (The parameter tree needs none: a tree has no
 * placeholder, so it builds its empty rows with the window.)
 */
public final class GrowIn {

    /** Rows added a frame: one a frame cost about as much a frame as three (0.04 to 0.1 s), the code being cold. */
    private static final int ROWS_PER_FRAME = 3;

    private GrowIn() {
    }

    /**
     * Grows {@code view} a few rows a frame once {@code hasRows} first turns true, starting with
     * room for a table's header and its first rows.
     */
    public static void onFirstRows(Region view, ObservableValue<Boolean> hasRows, double rowHeight) {
        // The view holds on to hasRows until then: a binding nobody holds would be collected, and never fire.
        view.getProperties().put(GrowIn.class, hasRows);
        hasRows.addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> observable, Boolean had, Boolean has) {
                if (has) {
                    hasRows.removeListener(this);
                    view.getProperties().remove(GrowIn.class);
                    grow(view, rowHeight);
                }
            }
        });
    }

    private static void grow(Region view, double rowHeight) {
        double step = ROWS_PER_FRAME * rowHeight;
        double fullHeight = view.getHeight();
        double maxHeight = view.getMaxHeight();
        if (fullHeight <= step) {
            return;
        }
        // First the header and one row: the first row also loads and runs the rows' code for the first time.
        view.setMaxHeight(2 * rowHeight);
        new AnimationTimer() {
            private boolean laidOutOnce;

            @Override
            public void handle(long now) {
                // The first call can come before the layout that shows the first rows: that layout gets them alone.
                if (!laidOutOnce) {
                    laidOutOnce = true;
                    return;
                }
                double next = view.getMaxHeight() + step;
                if (next >= fullHeight) {
                    view.setMaxHeight(maxHeight);
                    stop();
                } else {
                    view.setMaxHeight(next);
                }
            }
        }.start();
    }
}
