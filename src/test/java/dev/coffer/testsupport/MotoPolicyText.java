package dev.coffer.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Mends one moto gap in tests only: moto answers DescribeParameters with each policy's PolicyText
 * as a JSON object where AWS sends a string, which the SDK cannot read. This turns it back into
 * the string AWS sends, so parameters with policies can be listed. Registered for the SSM client
 * through the SDK's test-classpath file {@code software/amazon/awssdk/services/ssm/execution.interceptors}.
 */
public final class MotoPolicyText implements ExecutionInterceptor {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        if (body.isEmpty() || !"DescribeParameters".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            return body;
        }
        try {
            byte[] bytes = body.get().readAllBytes();
            JsonNode root = JSON.readTree(bytes);
            boolean mended = false;
            for (JsonNode parameter : root.path("Parameters")) {
                for (JsonNode policy : parameter.path("Policies")) {
                    JsonNode text = policy.path("PolicyText");
                    if (text.isObject()) {
                        ((ObjectNode) policy).put("PolicyText", text.toString());
                        ((ObjectNode) policy).put("PolicyType", text.path("Type").asText());
                        mended = true;
                    }
                }
            }
            return Optional.of(new ByteArrayInputStream(mended ? JSON.writeValueAsBytes(root) : bytes));
        } catch (IOException e) {
            // As the SDK reports an answer it could not read (so that it retries it), not as an error of its own.
            throw SdkClientException.create("Unable to execute HTTP request: " + e.getMessage(), e);
        }
    }
}
