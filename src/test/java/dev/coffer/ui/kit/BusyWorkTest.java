package dev.coffer.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.testsupport.SameThreadBackground;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

/** The busy flag and the message of a view model's background step, without the FX toolkit. */
class BusyWorkTest {

    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BusyWork work = new BusyWork(new SameThreadBackground(), busy, message::set);

    @Test
    void busyWhileTheStepRunsAndClearedWhenItEnds() {
        List<Boolean> seen = new ArrayList<>();
        work.run(() -> {
            seen.add(busy.get());
            return "done";
        }, result -> {
            seen.add(busy.get());
            message.set(result);
        });
        assertThat(seen).containsExactly(true, false);
        assertThat(message.get()).isEqualTo("done");
    }

    @Test
    void anErrorIsClearedFromBusyAndSaidAsTheUserReadsIt() {
        work.run(() -> {
            throw new IllegalStateException("the disk is full");
        }, result -> message.set("not reached"));
        assertThat(busy.get()).isFalse();
        assertThat(message.get()).isEqualTo("Something went wrong: the disk is full. Try again.");
    }
}
