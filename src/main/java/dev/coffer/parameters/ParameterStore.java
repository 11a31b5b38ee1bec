package dev.coffer.parameters;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.ParameterInlinePolicy;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/** Parameter Store, as Coffer uses it. Plain Java over the SDK; no UI types. */
public final class ParameterStore {

    /** The largest page DescribeParameters allows. */
    public static final int LIST_PAGE_SIZE = 50;
    /** The most names GetParameters takes at once. */
    public static final int VALUE_BATCH_SIZE = 10;

    private final ClientFactory clients;

    public ParameterStore(ClientFactory clients) {
        this.clients = clients;
    }

    private SsmClient ssm() {
        return clients.ssm();
    }

    /**
     * Lists every parameter's metadata, handing each page to {@code onPage} as soon as it arrives.
     * Stops between pages once {@code cancelled} says so. Returns the number of pages requested.
     */
    public int listAll(Consumer<List<Parameter>> onPage, BooleanSupplier cancelled) {
        String token = null;
        int pages = 0;
        do {
            if (cancelled.getAsBoolean()) {
                return pages;
            }
            DescribeParametersResponse page = ssm().describeParameters(DescribeParametersRequest.builder()
                    .maxResults(LIST_PAGE_SIZE)
                    .nextToken(token)
                    .build());
            pages++;
            // A page can be empty while NextToken is still set; keep going.
            if (!page.parameters().isEmpty() && !cancelled.getAsBoolean()) {
                onPage.accept(page.parameters().stream().map(ParameterStore::toParameter).toList());
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return pages;
    }

    /** Decrypted values of up to any number of names, fetched {@value #VALUE_BATCH_SIZE} at a time. */
    public Map<String, SecretText> values(List<String> names) {
        Map<String, SecretText> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i += VALUE_BATCH_SIZE) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + VALUE_BATCH_SIZE));
            GetParametersResponse r = ssm().getParameters(b -> b.names(batch).withDecryption(true));
            r.parameters().forEach(p -> values.put(p.name(), SecretText.of(p.value())));
        }
        return values;
    }

    /** One decrypted value (also resolves /aws/reference/secretsmanager/... names). */
    public SecretText value(String name) {
        return SecretText.of(ssm().getParameter(b -> b.name(name).withDecryption(true)).parameter().value());
    }

    public List<Tag> tags(String name) {
        return ssm().listTagsForResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(name))
                .tagList().stream().map(t -> new Tag(t.key(), t.value())).toList();
    }

    /** The parameter's ARN, for copying. */
    public String arnOf(String name, String account) {
        String path = name.startsWith("/") ? name : "/" + name;
        return "arn:aws:ssm:" + clients.session().region() + ":" + account + ":parameter" + path;
    }

    static Parameter toParameter(ParameterMetadata m) {
        return new Parameter(m.name(), m.typeAsString(), m.tierAsString(),
                m.dataType() == null ? "text" : m.dataType(),
                m.version() == null ? 0 : m.version(),
                m.lastModifiedDate(), m.lastModifiedUser(),
                Optional.ofNullable(m.keyId()), Optional.ofNullable(m.description()),
                policiesJson(m.policies()));
    }

    private static String policiesJson(List<ParameterInlinePolicy> policies) {
        if (policies == null || policies.isEmpty()) {
            return "";
        }
        List<String> texts = new ArrayList<>();
        policies.forEach(p -> texts.add(p.policyText()));
        return "[" + String.join(",", texts) + "]";
    }
}
