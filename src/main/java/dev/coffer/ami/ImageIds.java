package dev.coffer.ami;

import dev.coffer.aws.Problem;
import dev.coffer.parameters.ParameterRules;
import java.util.List;

/** The rule an AMI id must follow before Coffer asks AWS about it. */
public final class ImageIds {

    private ImageIds() {
    }

    public static boolean valid(String id) {
        return id != null && ParameterRules.AMI_ID.matcher(id).matches();
    }

    /** The problem with {@code id} as an AMI id, if any, for {@code field}. */
    public static List<Problem> check(String field, String id) {
        String text = id == null ? "" : id.trim();
        if (text.isEmpty()) {
            return List.of(new Problem(field, "Enter an AMI id, such as ami-0abcdef1234567890."));
        }
        if (!valid(text)) {
            return List.of(new Problem(field, "\"" + text + "\" is not an AMI id: \"ami-\" and 8 or 17 lowercase hex digits, "
                    + "such as ami-0abcdef1234567890."));
        }
        return List.of();
    }
}
