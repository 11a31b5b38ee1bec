package dev.coffer.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.Problem;
import org.junit.jupiter.api.Test;

class PasswordOptionsTest {

    @Test
    void theDefaultsAreAwsDefaults() {
        PasswordOptions d = PasswordOptions.defaults();
        assertThat(d.length()).isEqualTo(32);
        assertThat(d.requireEachIncludedType()).isTrue();
        assertThat(d.includeSpace()).isFalse();
        assertThat(d.excludeCharacters()).isEmpty();
        assertThat(d.check()).isEmpty();
        assertThat(d.characterGroups()).hasSize(4);
    }

    @Test
    void lengthMustBeOneTo4096() {
        assertThat(PasswordOptions.defaults().withLength(0).check()).extracting(Problem::field).containsExactly("length");
        assertThat(PasswordOptions.defaults().withLength(4097).check()).extracting(Problem::field).containsExactly("length");
        assertThat(PasswordOptions.defaults().withLength(4096).check()).isEmpty();
        assertThat(new PasswordOptions(1, "", true, true, true, false, false, true).check()).isEmpty();
    }

    @Test
    void somethingMustBeLeftToMakeAPasswordOf() {
        PasswordOptions nothing = new PasswordOptions(20, "", true, true, true, true, false, true);
        assertThat(nothing.check()).extracting(Problem::field).containsExactly("options");
        assertThat(new PasswordOptions(20, "", true, true, true, true, true, true).check()).isEmpty(); // spaces only
        PasswordOptions digitsExcludedOneByOne = new PasswordOptions(20, PasswordOptions.NUMBERS, false, true, true, true, false, false);
        assertThat(digitsExcludedOneByOne.check()).extracting(Problem::field).containsExactly("options");
    }

    @Test
    void aPasswordMustBeLongEnoughForEachRequiredKind() {
        assertThat(PasswordOptions.defaults().withLength(3).check()).extracting(Problem::field).containsExactly("options");
        assertThat(new PasswordOptions(3, "", false, false, false, false, false, false).check()).isEmpty();
        assertThat(PasswordOptions.defaults().withLength(3).withExcludePunctuation(true).check()).isEmpty();
    }

    @Test
    void problemsAreReportedTogether() {
        PasswordOptions bad = new PasswordOptions(0, "x".repeat(5000), true, true, true, true, false, true);
        assertThat(bad.check()).extracting(Problem::field).containsExactly("length", "excludeCharacters", "options");
    }
}
