package dev.coffer.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.auth.sso.SsoConfig;
import dev.coffer.auth.sso.SsoLogin;
import dev.coffer.auth.sso.TokenCache;
import dev.coffer.aws.ClientFactory;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.sso.FakeSso;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sign-in window's state and flow without the FX toolkit, against the fake IAM Identity
 * Center: the user acts on the verification page while Coffer waits between polls.
 */
class SsoSignInViewModelIT {

    static final SsoConfig CORP = new SsoConfig(Optional.of("corp"), "https://corp.awsapps.com/start", "eu-west-1",
            Optional.empty());

    @TempDir
    Path dir;

    FakeSso sso;
    FakeSso.EndpointOverride endpoints;
    final List<String> opened = new CopyOnWriteArrayList<>();
    final AtomicInteger signedIn = new AtomicInteger();
    /** What the user does on the verification page while Coffer waits. */
    Consumer<FakeSso.DeviceAuthorization> user = d -> d.approve();
    SsoSignInViewModel model;

    @BeforeEach
    void start() {
        sso = FakeSso.start();
        endpoints = sso.overrideSdkEndpoints();
        SsoLogin login = new SsoLogin(CORP, new TokenCache(dir), () -> ClientFactory.ssoOidc(CORP.region()), Clock.systemUTC(),
                (time, cancellation) -> user.accept(sso.latestDeviceAuthorization().orElseThrow()));
        model = new SsoSignInViewModel("Profile admin", login, new SameThreadBackground(), opened::add, signedIn::incrementAndGet);
    }

    @AfterEach
    void stop() {
        endpoints.close();
        sso.close();
    }

    @Test
    void approvingSignsInOpensTheVerificationPageAndCloses() {
        assertThat(model.detail()).startsWith("Profile admin\n").contains("corp");
        assertThat(model.statusProperty().get()).isEqualTo("Contacting IAM Identity Center…");
        assertThat(model.codeShownProperty().get()).isFalse();

        model.begin();

        FakeSso.DeviceAuthorization device = sso.latestDeviceAuthorization().orElseThrow();
        assertThat(model.userCodeProperty().get()).isEqualTo(device.userCode());
        assertThat(model.verificationUriProperty().get()).isEqualTo(sso.endpoint() + "/device");
        assertThat(opened).singleElement().asString().endsWith("user_code=" + device.userCode());
        assertThat(model.codeToCopy()).contains(device.userCode());
        assertThat(model.linkToCopy()).contains(opened.get(0));
        assertThat(signedIn).hasValue(1);
        assertThat(model.closedProperty().get()).isTrue();
        assertThat(model.failedProperty().get()).isFalse();
    }

    @Test
    void aDeniedSignInSaysWhyOffersTryAgainAndTheNextAttemptSignsIn() {
        user = d -> d.deny();
        model.begin();

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.waitingProperty().get()).isFalse();
        assertThat(model.codeShownProperty().get()).as("the spent code can no longer be used").isFalse();
        assertThat(model.statusProperty().get()).contains("denied");
        assertThat(model.closedProperty().get()).isFalse();
        assertThat(signedIn).hasValue(0);

        user = d -> d.approve();
        model.begin();

        assertThat(sso.deviceAuthorizations()).hasSize(2);
        assertThat(model.failedProperty().get()).isFalse();
        assertThat(signedIn).hasValue(1);
        assertThat(model.closedProperty().get()).isTrue();
    }

    @Test
    void cancellingStopsPollingAtOnceAndNeverSignsIn() {
        user = d -> model.cancel();
        model.begin();

        assertThat(model.closedProperty().get()).isTrue();
        assertThat(model.failedProperty().get()).as("a cancelled sign-in shows no error").isFalse();
        assertThat(sso.latestDeviceAuthorization().orElseThrow().polls()).isEqualTo(1);
        assertThat(signedIn).hasValue(0);
    }

    @Test
    void copyingSaysSoAndKeepsWaiting() {
        List<String> statuses = new CopyOnWriteArrayList<>();
        user = d -> {
            model.copied("Code copied.");
            statuses.add(model.statusProperty().get());
            d.approve();
        };
        model.begin();

        assertThat(statuses).containsExactly("Code copied. Waiting for you to approve the sign-in in your browser…");
        assertThat(signedIn).hasValue(1);
    }
}
