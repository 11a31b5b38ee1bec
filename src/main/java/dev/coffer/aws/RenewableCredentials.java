package dev.coffer.aws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A profile's credentials that can be renewed in place after the user signed in again. The SDK's
 * SSO provider keeps its token and role credentials in memory; a new sign-in only changes the
 * token cache on disk. Renewing builds a fresh provider, which reads the new token, while every
 * client (and every open editor holding one) keeps working with this same object.
 *
 * <p>It also tells listeners when resolving fails because the sign-in expired, so the window can
 * offer to sign in again whichever screen made the call.
 */
public final class RenewableCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

    private final Supplier<AwsCredentialsProvider> create;
    private final List<Consumer<AwsErrors.Problem>> expiryListeners = new CopyOnWriteArrayList<>();
    private volatile AwsCredentialsProvider current;

    public RenewableCredentials(Supplier<AwsCredentialsProvider> create) {
        this.create = create;
        this.current = create.get();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return current.resolveCredentials();
        } catch (RuntimeException e) {
            reportIfExpired(e);
            throw e;
        }
    }

    /**
     * Also reports calls AWS itself refused as expired (role credentials that ran out at AWS before
     * the SDK renewed them); the client factory installs it on every client of the session.
     */
    ExecutionInterceptor expiryWatcher() {
        return new ExecutionInterceptor() {
            @Override
            public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
                reportIfExpired(context.exception());
            }
        };
    }

    private void reportIfExpired(Throwable error) {
        AwsErrors.Problem problem = AwsErrors.explain(error);
        if (problem.kind() == AwsErrors.Kind.EXPIRED_CREDENTIALS) {
            expiryListeners.forEach(l -> l.accept(problem));
        }
    }

    /** Drops the credentials in memory; the next call resolves them again (from the new token). */
    public synchronized void renew() {
        AwsCredentialsProvider old = current;
        current = create.get();
        if (old instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Closing the old SSO client is tidying up; the new provider is already in use.
            }
        }
    }

    /** Called (on the calling thread) when credentials could not be resolved because the sign-in expired. */
    public void onExpired(Consumer<AwsErrors.Problem> listener) {
        expiryListeners.add(listener);
    }

    @Override
    public void close() {
        if (current instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Nothing to do: the session is being closed.
            }
        }
    }
}
