package dev.coffer.aws;

import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Refuses, before anything leaves the machine, every operation that is not a read. Installed by
 * {@link ClientFactory} on every client of a read-only session, so the promise holds even where
 * the UI forgot to disable a button.
 */
public final class ReadOnlyGuard implements ExecutionInterceptor {

    /** Operations that do not start with a read verb but change nothing. */
    private static final Set<String> SAFE = Set.of("ValidateResourcePolicy");

    private static final String[] READ_PREFIXES = {"Get", "List", "Describe", "BatchGet"};

    public static boolean isRead(String operation) {
        for (String prefix : READ_PREFIXES) {
            if (operation.startsWith(prefix)) {
                return true;
            }
        }
        return SAFE.contains(operation);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!isRead(operation)) {
            throw ReadOnlyRefusedException.refuse(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME), operation);
        }
    }
}
