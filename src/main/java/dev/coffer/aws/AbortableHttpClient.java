package dev.coffer.aws;

import java.io.IOException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The session's HTTP client, whose requests a {@link Cancellation} aborts. Interrupting a thread
 * does not end a blocking socket read; aborting the request closes its connection, so the SDK
 * call ends at once instead of after its timeout.
 */
final class AbortableHttpClient implements SdkHttpClient {

    private final SdkHttpClient http;

    AbortableHttpClient(SdkHttpClient http) {
        this.http = http;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = http.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                try (Cancellation.Registration abortable = Cancellation.onCancel(prepared::abort)) {
                    return prepared.call();
                }
            }

            @Override
            public void abort() {
                prepared.abort();
            }
        };
    }

    @Override
    public String clientName() {
        return http.clientName();
    }

    @Override
    public void close() {
        http.close();
    }
}
