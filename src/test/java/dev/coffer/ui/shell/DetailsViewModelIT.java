package dev.coffer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Tag;
import dev.coffer.parameters.Parameter;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.secrets.Secret;
import dev.coffer.testsupport.HeldBackground;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.shell.DetailsViewModel.ValueState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The details pane's state against moto, without a window: what shows on selection, what waits for Reveal, what fails. */
@WithMoto
class DetailsViewModelIT {

    private static final String PLAIN = "/details/plain";
    private static final String LIST = "/details/list";
    private static final String OTHER = "/details/other";
    private static final String SECURE = "/details/secure";
    private static final String SECRET = "details/db";
    private static final String GONE = "/details/gone";
    private static final String GONE_SECRET = "details/gone";

    private ClientFactory clients;
    private OpenConnection open;
    private final List<Throwable> errors = new ArrayList<>();
    private boolean auditMode;

    @BeforeAll
    static void seed(MotoServer moto) {
        try (ClientFactory sdk = Moto.clients(moto, false)) {
            sdk.ssm().putParameter(b -> b.name(PLAIN).value("plain-value").type(ParameterType.STRING).overwrite(true));
            sdk.ssm().putParameter(b -> b.name(LIST).value("a,b,c").type(ParameterType.STRING_LIST).overwrite(true));
            sdk.ssm().putParameter(b -> b.name(OTHER).value("other-value").type(ParameterType.STRING)
                    .tags(t -> t.key("Team").value("billing")));
            sdk.ssm().putParameter(b -> b.name(GONE).value("gone-value").type(ParameterType.STRING));
            sdk.secretsManager().createSecret(b -> b.name(GONE_SECRET).secretString("gone"));
            sdk.ssm().putParameter(b -> b.name(SECURE).value("secure-canary").type(ParameterType.SECURE_STRING).overwrite(true));
            sdk.secretsManager().createSecret(b -> b.name(SECRET).secretString("{\"username\":\"app\",\"password\":\"pw-canary\"}"));
        }
    }

    @BeforeEach
    void connect(MotoServer moto) {
        clients = Moto.clients(moto, false);
        open = OpenConnection.of(clients, 1);
    }

    @AfterEach
    void close() {
        clients.close();
    }

    private DetailsViewModel details(Background background) {
        return new DetailsViewModel(background, () -> open, () -> auditMode, errors::add);
    }

    private Parameter parameter(String name) {
        return open.parameters().describe(name).orElseThrow();
    }

    private long valueCalls() {
        return clients.calls().count("GetParameters") + clients.calls().count("GetParameter");
    }

    @Test
    void stringAndStringListValuesShowOnSelectionAndAreFetchedOnce() {
        DetailsViewModel details = details(new SameThreadBackground());
        Parameter plain = parameter(PLAIN);
        Parameter list = parameter(LIST);

        details.show(plain);
        assertThat(details.valueStateProperty().get()).isEqualTo(ValueState.REVEALED);
        assertThat(details.valueProperty().get()).isEqualTo("plain-value");
        details.show(list);
        assertThat(details.valueProperty().get()).isEqualTo("a,b,c");
        assertThat(valueCalls()).isEqualTo(2);

        // Back to the first: shown from what was fetched, no second call.
        details.show(plain);
        assertThat(details.valueProperty().get()).isEqualTo("plain-value");
        assertThat(valueCalls()).isEqualTo(2);
        assertThat(errors).isEmpty();
    }

    @Test
    void valuesSelectedWhileACallRunsAreFetchedTogetherInTheNext() {
        HeldBackground background = new HeldBackground();
        DetailsViewModel details = details(background);
        Parameter plain = parameter(PLAIN);
        Parameter list = parameter(LIST);
        Parameter other = parameter(OTHER);

        details.show(plain);
        assertThat(details.valueStateProperty().get()).isEqualTo(ValueState.LOADING);
        details.show(list);
        details.show(other);
        background.runAll();

        // The first call took the first parameter; the two selected meanwhile went in one more.
        assertThat(clients.calls().count("GetParameters")).isEqualTo(2);
        assertThat(details.valueProperty().get()).isEqualTo("other-value");
        details.show(list);
        background.runAll();
        assertThat(details.valueProperty().get()).isEqualTo("a,b,c");
        assertThat(clients.calls().count("GetParameters")).isEqualTo(2);
    }

    @Test
    void aSecureStringStaysMaskedUntilRevealed() {
        DetailsViewModel details = details(new SameThreadBackground());
        details.show(parameter(SECURE));
        assertThat(details.valueStateProperty().get()).isEqualTo(ValueState.MASKED);
        assertThat(details.valueProperty().get()).isEmpty();
        assertThat(valueCalls()).isZero();

        details.reveal();
        assertThat(details.valueProperty().get()).isEqualTo("secure-canary");
        details.toggleReveal();
        assertThat(details.valueStateProperty().get()).isEqualTo(ValueState.MASKED);
        assertThat(details.valueProperty().get()).isEmpty();
    }

    @Test
    void inAuditModeNothingIsFetchedUntilReveal() {
        auditMode = true;
        DetailsViewModel details = details(new SameThreadBackground());
        details.show(parameter(PLAIN));
        assertThat(details.valueStateProperty().get()).isEqualTo(ValueState.MASKED);
        assertThat(valueCalls()).isZero();
        details.reveal();
        assertThat(details.valueProperty().get()).isEqualTo("plain-value");
        assertThat(valueCalls()).isEqualTo(1);
    }

    @Test
    void aSecretShowsItsMetadataAndTagsAtOnceAndItsKeysWhenRevealed() {
        DetailsViewModel details = details(new SameThreadBackground());
        Secret secret = open.secrets().describe(SECRET);
        details.show(secret);
        assertThat(details.shownProperty().get()).isEqualTo(new Selection.SecretSelection(secret));
        assertThat(details.titleProperty().get()).isEqualTo(SECRET);
        assertThat(details.fields()).anyMatch(f -> f.label().equals("ARN") && f.value().equals(secret.arn()));
        assertThat(details.valueStateProperty().get()).isEqualTo(ValueState.MASKED);
        assertThat(clients.calls().count("GetSecretValue")).isZero();

        details.toggleReveal();
        assertThat(details.valueFields()).extracting(DetailsViewModel.Field::label).containsExactly("username", "password");
        details.clear();
        assertThat(details.shownProperty().get()).isEqualTo(Selection.NONE);
        assertThat(details.valueFields()).isEmpty();
        assertThat(details.valueProperty().get()).isEmpty();
    }

    @Test
    void aParametersTagsAreFetchedWhenShown() {
        DetailsViewModel details = details(new SameThreadBackground());
        details.show(parameter(OTHER));
        assertThat(details.tags()).containsExactly(new Tag("Team", "billing"));
        assertThat(details.tagsLoadingProperty().get()).isFalse();
    }

    @Test
    void aValueThatCannotBeFetchedStaysMaskedAndTheErrorIsReported() {
        DetailsViewModel details = details(new SameThreadBackground());
        Secret secret = open.secrets().describe(GONE_SECRET);
        Parameter gone = parameter(GONE);
        clients.ssm().deleteParameter(b -> b.name(GONE));
        // A plain value no longer there: masked; what is reported is that its tags could not be listed.
        details.show(gone);
        assertThat(details.valueStateProperty().get()).isEqualTo(ValueState.MASKED);
        assertThat(errors).singleElement().satisfies(e -> assertThat(AwsErrors.explain(e).text()).doesNotContain("gone-value"));
        errors.clear();

        clients.secretsManager().deleteSecret(b -> b.secretId(GONE_SECRET).forceDeleteWithoutRecovery(true));
        details.show(secret);
        details.reveal();
        assertThat(details.valueStateProperty().get()).isEqualTo(ValueState.MASKED);
        assertThat(errors).singleElement().satisfies(e -> assertThat(AwsErrors.explain(e).kind()).isEqualTo(AwsErrors.Kind.NOT_FOUND));
    }
}
