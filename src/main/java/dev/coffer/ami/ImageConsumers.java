package dev.coffer.ami;

import dev.coffer.usage.ChangeWarning;
import dev.coffer.usage.Consumer;
import dev.coffer.usage.ConsumerIndex;
import dev.coffer.usage.ConsumerKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The launch templates and stacks that use golden AMI parameters, split by what a new image
 * version means for them: a launch template whose ImageId is {@code resolve:ssm:NAME} follows the
 * new image by itself at its next launch; one pinned to a version ({@code NAME:3}) does not, and a
 * stack resolves the parameter only at its next stack update (or, owning it, puts its template's
 * value back then), so those need an action. Other consumers (functions, task definitions) read
 * the value when they run and are left to Where used.
 *
 * @param follow     one line per consumer that picks up the new image by itself
 * @param needAction one line per consumer that needs someone to act
 */
public record ImageConsumers(List<String> follow, List<String> needAction) {

    public ImageConsumers {
        follow = List.copyOf(follow);
        needAction = List.copyOf(needAction);
    }

    /** The consumers of each of {@code parameters} in the connection's scan, in the order given. */
    public static ImageConsumers of(ConsumerIndex index, List<String> parameters) {
        List<String> follow = new ArrayList<>();
        List<String> act = new ArrayList<>();
        for (String parameter : parameters) {
            for (Consumer c : index.ofParameter(parameter)) {
                String who = parameter + ": " + ChangeWarning.noun(c.kind()) + " " + c.resource() + ", " + c.location();
                if (c.kind() == ConsumerKind.LAUNCH_TEMPLATE) {
                    c.pinnedVersion().ifPresentOrElse(
                            v -> act.add(who + ": pinned to version " + v + ", will not follow the update"),
                            () -> follow.add(who + ": follows, its next launch uses the new image"));
                } else if (c.kind() == ConsumerKind.CLOUDFORMATION_STACK) {
                    if (c.manages()) {
                        act.add(who + ": the stack manages this parameter and puts its template's value back at its next update; "
                                + "change the template of " + c.resource());
                    } else {
                        act.add(who + c.pinnedVersion().map(v -> ": pinned to version " + v + ", will not follow the update")
                                .orElse(": resolves the parameter only at its next stack update; update stack " + c.resource()));
                    }
                }
            }
        }
        return new ImageConsumers(follow, act);
    }

    public boolean isEmpty() {
        return follow.isEmpty() && needAction.isEmpty();
    }
}
