package dev.coffer.ami;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.Problem;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** AMI ids are "ami-" and 8 or 17 lowercase hex digits; searches need a known owner. */
class ImageIdsPropertyTest {

    @Provide
    Arbitrary<String> hex() {
        return Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(0).ofMaxLength(25);
    }

    @Property
    void onlyEightOrSeventeenLowercaseHexDigitsMakeAnId(@ForAll("hex") String digits) {
        boolean expected = digits.length() == 8 || digits.length() == 17;
        assertThat(ImageIds.valid("ami-" + digits)).isEqualTo(expected);
        assertThat(ImageIds.check("imageId", "ami-" + digits).isEmpty()).isEqualTo(expected);
    }

    @Property
    void uppercaseOrOtherPrefixesAreRefused(@ForAll @IntRange(min = 0, max = 16) int position) {
        String id = "ami-0123456789abcdef0";
        String upper = id.substring(0, 4 + position) + "X" + id.substring(5 + position);
        assertThat(ImageIds.valid(upper)).isFalse();
        assertThat(ImageIds.valid("img-0123456789abcdef0")).isFalse();
    }

    @Test
    void explainsWhatAnIdLooksLike() {
        List<Problem> problems = ImageIds.check("imageId", "ami-12XY");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("imageId");
            assertThat(p.message()).contains("\"ami-12XY\" is not an AMI id").contains("8 or 17 lowercase hex digits");
        });
        assertThat(ImageIds.check("imageId", " ").get(0).message()).contains("Enter an AMI id");
    }

    @Test
    void searchesNeedAKnownOwnerAndChoices() {
        assertThat(new ImageSearch("self", "", "", "").problems()).isEmpty();
        assertThat(new ImageSearch("123456789012", "golden-*", "arm64", "Windows").problems()).isEmpty();
        assertThat(new ImageSearch("", "", "", "").problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("Choose an owner"));
        assertThat(new ImageSearch("1234", "", "sparc", "BeOS").problems()).extracting(Problem::field)
                .containsExactly("owner", "architecture", "platform");
    }
}
