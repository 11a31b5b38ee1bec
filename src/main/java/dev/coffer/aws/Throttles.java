package dev.coffer.aws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Counts the throttling answers a session's clients got, every attempt of every call, so progress
 * can say "AWS is throttling Coffer" while a load slows down. The SDK tells its retry strategy
 * about each failed attempt, so the count is taken there: {@link #watch} wraps a strategy.
 */
public final class Throttles {

    private final LongAdder seen = new LongAdder();

    /** Throttling answers so far. */
    public long seen() {
        return seen.sum();
    }

    /** Whether an SDK failure is AWS saying "slow down" (ThrottlingException, Throttling, RequestLimitExceeded, 429…). */
    public static boolean isThrottling(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException aws && (aws.isThrottlingException() || AwsErrors.isThrottlingCode(aws))) {
                return true;
            }
        }
        return false;
    }

    /** The strategy as it is, counting each throttled attempt it is told about. */
    RetryStrategy watch(RetryStrategy strategy) {
        return new Watched(strategy);
    }

    private final class Watched implements RetryStrategy {
        private final RetryStrategy delegate;

        Watched(RetryStrategy delegate) {
            this.delegate = delegate;
        }

        @Override
        public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
            return delegate.acquireInitialToken(request);
        }

        @Override
        public CompletableFuture<AcquireInitialTokenResponse> acquireInitialTokenAsync(AcquireInitialTokenRequest request) {
            return delegate.acquireInitialTokenAsync(request);
        }

        @Override
        public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
            count(request);
            return delegate.refreshRetryToken(request);
        }

        @Override
        public CompletableFuture<RefreshRetryTokenResponse> refreshRetryTokenAsync(RefreshRetryTokenRequest request) {
            count(request);
            return delegate.refreshRetryTokenAsync(request);
        }

        @Override
        public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
            return delegate.recordSuccess(request);
        }

        @Override
        public int maxAttempts() {
            return delegate.maxAttempts();
        }

        @Override
        public boolean useClientDefaults() {
            return false;
        }

        @Override
        public Builder<?, ?> toBuilder() {
            return delegate.toBuilder();
        }

        @Override
        public void close() {
            delegate.close();
        }

        private void count(RefreshRetryTokenRequest request) {
            if (isThrottling(request.failure())) {
                seen.increment();
            }
        }
    }
}
