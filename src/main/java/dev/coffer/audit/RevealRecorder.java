package dev.coffer.audit;

import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.AwsService;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.CallerIdentity;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Records every value that reaches this machine in plain text, whichever screen asked for it:
 * an SDK interceptor on the audit session's clients, so no reveal path (details, history,
 * versions, diffs, references, exports, the report's size check) can be missed. Only names,
 * versions and labels are written, never a value.
 */
public final class RevealRecorder implements ExecutionInterceptor {

    public static final String PARAMETER_STORE = "Parameter Store";
    public static final String SECRETS_MANAGER = "Secrets Manager";

    private final RevealLog log;
    private final AwsSession session;
    private final Supplier<CallerIdentity> identity;

    /**
     * @param identity who the session is; asked only when the first value is recorded (may throw,
     *                 then the entry says "unknown")
     */
    public RevealRecorder(RevealLog log, AwsSession session, Supplier<CallerIdentity> identity) {
        this.log = log;
        this.session = session;
        this.identity = identity;
    }

    public RevealLog log() {
        return log;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        if (response instanceof GetParameterResponse r) {
            parameters(List.of(r.parameter()), ((GetParameterRequest) request).withDecryption());
        } else if (response instanceof GetParametersResponse r) {
            parameters(r.parameters(), ((GetParametersRequest) request).withDecryption());
        } else if (response instanceof GetParametersByPathResponse r) {
            parameters(r.parameters(), ((GetParametersByPathRequest) request).withDecryption());
        } else if (response instanceof GetParameterHistoryResponse r) {
            boolean decrypted = Boolean.TRUE.equals(((GetParameterHistoryRequest) request).withDecryption());
            r.parameters().stream()
                    .filter(h -> decrypted || h.type() != ParameterType.SECURE_STRING)
                    .forEach(h -> record("read value", PARAMETER_STORE, h.name(),
                            h.version() + labels(h.labels())));
        } else if (response instanceof GetSecretValueResponse r) {
            record("read value", SECRETS_MANAGER, r.arn(), r.versionId() + labels(r.versionStages()));
        } else if (response instanceof BatchGetSecretValueResponse r) {
            r.secretValues().forEach(v -> record("read value", SECRETS_MANAGER, v.arn(), v.versionId() + labels(v.versionStages())));
        }
    }

    /**
     * Records that a value already read is being copied to the clipboard. Called before the copy:
     * when the line cannot be written this throws, and the value must not be copied.
     */
    public void copied(String store, String item, String version) {
        record("copy to clipboard", store, item, version);
    }

    /** Why a copy was refused: its line could not be written to the log (named, with the reason; never the value). */
    public AwsErrors.Problem copyRefused(Throwable error) {
        Throwable cause = error instanceof UncheckedIOException unchecked ? unchecked.getCause() : error;
        String reason = cause instanceof AccessDeniedException ? "permission denied"
                : cause instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : Objects.toString(cause.getMessage(), cause.getClass().getSimpleName());
        return new AwsErrors.Problem(AwsErrors.Kind.OTHER, "Not copied: the audit log " + log.file() + " could not be written ("
                + reason + ").", "In audit mode a value reaches the clipboard only after its copy is logged; fix the file, then copy again.");
    }

    private void parameters(List<Parameter> parameters, Boolean withDecryption) {
        for (Parameter p : parameters) {
            // Encrypted SecureString text is no reveal; every other value is plain text.
            if (Boolean.TRUE.equals(withDecryption) || p.type() != ParameterType.SECURE_STRING) {
                record("read value", PARAMETER_STORE, p.name(), String.valueOf(p.version()));
            }
        }
    }

    private static String labels(List<String> labels) {
        return labels == null || labels.isEmpty() ? "" : " " + labels;
    }

    private void record(String action, String store, String item, String version) {
        CallerIdentity who;
        try {
            who = identity.get();
        } catch (RuntimeException e) {
            who = new CallerIdentity("unknown", "unknown");
        }
        // The endpoint of the store that was read (a profile's services section can set one per service).
        AwsService service = SECRETS_MANAGER.equals(store) ? AwsService.SECRETS_MANAGER : AwsService.SSM;
        log.append(new Reveal(Instant.now(), action, store, item, version, who.arn(), who.account(),
                session.profile(), session.region(), session.endpoints().of(service).map(Object::toString).orElse("")));
    }
}
