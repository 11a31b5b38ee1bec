package dev.coffer.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts the AWS calls each session sends, by operation; shown to the benchmark and in tests. */
public final class ApiCallCounter implements ExecutionInterceptor {

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new LongAdder()).increment();
    }

    /** Calls sent so far, by operation name, sorted. Retries count as calls. */
    public Map<String, Long> snapshot() {
        Map<String, Long> result = new TreeMap<>();
        calls.forEach((op, n) -> result.put(op, n.sum()));
        return result;
    }

    public long count(String operation) {
        LongAdder n = calls.get(operation);
        return n == null ? 0 : n.sum();
    }

    public void reset() {
        calls.clear();
    }
}
