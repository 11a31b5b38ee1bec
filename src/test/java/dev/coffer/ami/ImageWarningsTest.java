package dev.coffer.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What the golden AMI wizard warns about, decided in the domain: no JavaFX, no AWS. */
class ImageWarningsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final String ID = "ami-0123456789abcdef0";

    private static MachineImage image(String id, String architecture, String platform, String state, Optional<Instant> deprecation) {
        return new MachineImage(id, "golden-" + id, "", Optional.of(Instant.parse("2026-01-01T00:00:00Z")), architecture, platform,
                "self", state, deprecation);
    }

    private static MachineImage linux(String id) {
        return image(id, "x86_64", "Linux/UNIX", "available", Optional.empty());
    }

    @Test
    void anImageThatIsNotAvailableOrIsDeprecatedIsNoGoldenImage() {
        assertThat(linux(ID).warning(NOW)).isEmpty();
        assertThat(image(ID, "x86_64", "Linux/UNIX", "pending", Optional.empty()).warning(NOW)).contains(ID + " is pending, not available.");
        assertThat(image(ID, "x86_64", "Linux/UNIX", "available", Optional.of(NOW.minusSeconds(60))).warning(NOW))
                .hasValueSatisfying(w -> assertThat(w).startsWith(ID + " was deprecated on 2026-05-31"));
        assertThat(image(ID, "x86_64", "Linux/UNIX", "available", Optional.of(NOW.plusSeconds(60))).warning(NOW)).isEmpty();
    }

    @Test
    void aParameterIsWarnedAboutWhenItsValueNamesNoUsableImage() {
        String name = "/golden/ami/prod";
        assertThat(CurrentImage.created(name).warning(NOW)).isEmpty();
        assertThat(new CurrentImage(name, OptionalLong.of(3), ID, false, Optional.of(linux(ID))).warning(NOW)).isEmpty();
        assertThat(new CurrentImage(name, OptionalLong.of(3), "", true, Optional.empty()).warning(NOW))
                .contains(name + " does not hold an AMI id (it is a SecureString).");
        assertThat(new CurrentImage(name, OptionalLong.of(3), "ubuntu-latest", false, Optional.empty()).warning(NOW))
                .contains(name + " does not hold an AMI id.");
        assertThat(new CurrentImage(name, OptionalLong.of(3), ID, false, Optional.empty()).warning(NOW))
                .contains(name + ": " + ID + " is not an available image in this region (DescribeImages does not know it).");
        assertThat(new CurrentImage(name, OptionalLong.of(3), ID, false,
                Optional.of(image(ID, "x86_64", "Linux/UNIX", "deregistered", Optional.empty()))).warning(NOW))
                .contains(name + ": " + ID + " is deregistered, not available.");
    }

    @Test
    void aChangeOfArchitectureOrPlatformIsNamedAndMustBeConfirmed() {
        MachineImage next = linux("ami-11111111");
        ImageReplacement same = new ImageReplacement(List.of(linux("ami-22222222"), linux("ami-22222222")), next);
        assertThat(same.changesArchitectureOrPlatform()).isFalse();
        assertThat(same.warnings(NOW)).isEmpty();

        ImageReplacement arm = new ImageReplacement(List.of(image("ami-33333333", "arm64", "Linux/UNIX", "available", Optional.empty())), next);
        assertThat(arm.changesArchitectureOrPlatform()).isTrue();
        assertThat(arm.warnings(NOW)).containsExactly("The architecture changes from arm64 to x86_64.");

        ImageReplacement windows = new ImageReplacement(List.of(linux("ami-22222222"),
                image("ami-44444444", "x86_64", "Windows", "available", Optional.empty())), next);
        assertThat(windows.changesArchitectureOrPlatform()).isTrue();
        assertThat(windows.warnings(NOW)).containsExactly("The platform changes from Windows to Linux/UNIX.");
    }

    @Test
    void theNewImagesOwnWarningAndAMissingComparisonAreSaidToo() {
        MachineImage deprecated = image("ami-55555555", "arm64", "Linux/UNIX", "available", Optional.of(NOW.minusSeconds(3600)));
        ImageReplacement replacement = new ImageReplacement(List.of(linux("ami-22222222")), deprecated);
        assertThat(replacement.warnings(NOW)).hasSize(2).first().isEqualTo("The architecture changes from x86_64 to arm64.");
        assertThat(replacement.warnings(NOW).get(1)).startsWith("ami-55555555 was deprecated on ");

        ImageReplacement nothingToCompare = new ImageReplacement(List.of(), linux("ami-11111111"));
        assertThat(nothingToCompare.changesArchitectureOrPlatform()).isFalse();
        assertThat(nothingToCompare.warnings(NOW))
                .containsExactly("No current image to compare with: the parameters are new or do not name an available image.");
    }
}
