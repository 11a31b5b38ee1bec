package dev.coffer.secrets.view;

import dev.coffer.aws.AwsErrors;
import dev.coffer.secrets.PolicyCheck;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.SecretStore;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.BusyWork;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A secret's resource policy: load, edit, validate (JSON first, then ValidateResourcePolicy), save
 * and delete. Save is offered only for the text last validated, when it passed; when AWS can't
 * validate (moto has no ValidateResourcePolicy) a policy that parses may still be saved.
 */
public final class SecretPolicyViewModel {

    private final Background background;
    private final BusyWork work;
    private final SecretStore secrets;
    private final Secret secret;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty findings = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty validatedText = new SimpleStringProperty();
    private final BooleanProperty validatedOk = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty hasPolicy = new SimpleBooleanProperty();
    private final BooleanBinding canSave;

    public SecretPolicyViewModel(Background background, SecretStore secrets, Secret secret) {
        this.background = background;
        this.work = new BusyWork(background, busy, message::set);
        this.secrets = secrets;
        this.secret = secret;
        canSave = Bindings.createBooleanBinding(() -> !busy.get() && validatedOk.get()
                && Objects.equals(validatedText.get(), text.get()), busy, validatedOk, validatedText, text);
    }

    public Secret secret() {
        return secret;
    }

    public void load() {
        work.run(() -> secrets.resourcePolicy(secret.arn()), policy -> {
            hasPolicy.set(policy.isPresent());
            text.set(policy.orElse(""));
            message.set(policy.isPresent() ? "" : "This secret has no resource policy.");
        });
    }

    /** Checks the text: JSON locally (line and column), then ValidateResourcePolicy. */
    public void validate() {
        String policy = text.get();
        findings.set("");
        message.set("");
        work.run(() -> {
            try {
                return new Outcome(secrets.validatePolicy(secret.arn(), policy), null);
            } catch (RuntimeException awsFailed) {
                // The JSON checks passed (they run before the call); only AWS's validation failed.
                return new Outcome(null, awsFailed);
            }
        }, outcome -> {
            validatedText.set(policy);
            if (outcome.check() != null) {
                PolicyCheck check = outcome.check();
                validatedOk.set(check.valid());
                findings.set(check.findings().isEmpty() ? "No findings: the policy is valid." : String.join("\n", check.findings()));
            } else {
                validatedOk.set(true);
                String summary = AwsErrors.explain(outcome.awsError()).summary();
                findings.set("The policy is valid JSON, but Secrets Manager's policy check (ValidateResourcePolicy) failed: "
                        + summary + (summary.endsWith(".") ? "" : ".")
                        + " You can still save it; AWS checks the policy again when it is saved.");
            }
        });
    }

    private record Outcome(PolicyCheck check, RuntimeException awsError) {
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        String policy = text.get();
        change(() -> secrets.putResourcePolicy(secret.arn(), policy), "Policy saved.", true);
    }

    public void deletePolicy() {
        change(() -> secrets.deleteResourcePolicy(secret.arn()), "Policy deleted.", false);
    }

    private void change(Runnable call, String done, boolean nowHasPolicy) {
        message.set("");
        work.run(() -> {
            call.run();
            return null;
        }, ignored -> {
            hasPolicy.set(nowHasPolicy);
            if (!nowHasPolicy) {
                text.set("");
                findings.set("");
            }
            message.set(done);
        });
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty findingsProperty() {
        return findings;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty hasPolicyProperty() {
        return hasPolicy;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
