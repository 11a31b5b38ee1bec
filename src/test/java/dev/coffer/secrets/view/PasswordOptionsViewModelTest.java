package dev.coffer.secrets.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.Problem;
import dev.coffer.secrets.PasswordOptions;
import org.junit.jupiter.api.Test;

/** Generate password's options without a window: AWS's defaults, and every problem said before AWS is asked. */
class PasswordOptionsViewModelTest {

    private final PasswordOptionsViewModel model = new PasswordOptionsViewModel();

    @Test
    void startsFromAwsDefaults() {
        assertThat(model.options()).isEqualTo(PasswordOptions.defaults());
        assertThat(model.problemsProperty().get()).isEmpty();
    }

    @Test
    void everyProblemIsSaidAtOnceAndGoesWhenFixed() {
        model.excludeNumbersProperty().set(true);
        model.excludePunctuationProperty().set(true);
        model.excludeUppercaseProperty().set(true);
        model.excludeLowercaseProperty().set(true);
        model.lengthProperty().set(0);
        String problems = model.problemsProperty().get();
        // The domain's problems, one a line: the length, and no character type left.
        assertThat(problems).isEqualTo(String.join("\n", new PasswordOptions(0, "", true, true, true, true, false, true).check().stream()
                .map(Problem::message).toList()));
        assertThat(problems.lines()).hasSize(2);

        model.lengthProperty().set(null);
        model.excludeLowercaseProperty().set(false);
        assertThat(model.problemsProperty().get()).isEmpty();
        assertThat(model.options().length()).as("an empty length is AWS's default").isEqualTo(PasswordOptions.DEFAULT_LENGTH);
        assertThat(model.options().excludeLowercase()).isFalse();
        assertThat(model.options().excludeUppercase()).isTrue();
    }
}
