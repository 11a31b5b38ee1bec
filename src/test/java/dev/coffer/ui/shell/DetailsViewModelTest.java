package dev.coffer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterPolicies;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import dev.coffer.testsupport.SameThreadBackground;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The details of a parameter as the window lists them, without a window. */
class DetailsViewModelTest {

    @Test
    void policiesAreSummarisedInWordsAndTheValueStaysMasked() {
        String policies = new ParameterPolicies(Optional.of(Instant.parse("2026-12-02T21:34:33Z")),
                Optional.of(ParameterPolicies.Notice.days(15)), Optional.of(ParameterPolicies.Notice.days(20))).toJson();
        Parameter p = new Parameter("/apps/billing/prod/license", ParameterType.SECURE_STRING, ParameterTier.ADVANCED, ParameterDataType.TEXT, 3,
                Instant.parse("2026-11-01T10:00:00Z"), "arn:aws:sts::123456789012:assumed-role/Admin/alice",
                Optional.of("alias/coffer-apps"), Optional.empty(), policies);
        DetailsViewModel details = new DetailsViewModel(new SameThreadBackground(), () -> null, () -> false, e -> { });
        details.show(p);

        String shown = details.fields().stream().filter(f -> f.label().equals("Policies")).findFirst().orElseThrow().value();
        assertThat(shown).contains("Expires 2026-12-02").contains("15 days before").contains("20 days").doesNotContain("{");
        assertThat(details.fields()).anyMatch(f -> f.label().equals("Last modified") && f.value().endsWith("by Admin/alice"));
        assertThat(details.fields()).anyMatch(f -> f.label().equals("KMS key") && f.value().equals("alias/coffer-apps"));
        assertThat(details.valueStateProperty().get()).isEqualTo(DetailsViewModel.ValueState.MASKED);
        assertThat(details.valueProperty().get()).isEmpty();
    }
}
