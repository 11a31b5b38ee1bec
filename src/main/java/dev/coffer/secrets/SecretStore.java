package dev.coffer.secrets;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/** Secrets Manager, as Coffer uses it. Plain Java over the SDK; no UI types. */
public final class SecretStore {

    /** The largest page ListSecrets allows. */
    public static final int LIST_PAGE_SIZE = 100;

    private final ClientFactory clients;

    public SecretStore(ClientFactory clients) {
        this.clients = clients;
    }

    private SecretsManagerClient sm() {
        return clients.secretsManager();
    }

    /** Lists every secret (not those scheduled for deletion), a page at a time, until cancelled. */
    public int listAll(Consumer<List<Secret>> onPage, BooleanSupplier cancelled) {
        String token = null;
        int pages = 0;
        do {
            if (cancelled.getAsBoolean()) {
                return pages;
            }
            String next = token;
            ListSecretsResponse page = sm().listSecrets(b -> b.maxResults(LIST_PAGE_SIZE).nextToken(next));
            pages++;
            if (!page.secretList().isEmpty() && !cancelled.getAsBoolean()) {
                onPage.accept(page.secretList().stream().map(SecretStore::toSecret).toList());
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return pages;
    }

    public Secret describe(String id) {
        return toSecret(sm().describeSecret(b -> b.secretId(id)));
    }

    /** The current value; binary secrets come back as a short description, not their bytes. */
    public SecretValue value(String id) {
        GetSecretValueResponse r = sm().getSecretValue(b -> b.secretId(id));
        if (r.secretString() != null) {
            return SecretValue.text(SecretText.of(r.secretString()), r.versionId());
        }
        return SecretValue.binary(r.secretBinary().asByteArray(), r.versionId());
    }

    static Secret toSecret(SecretListEntry e) {
        return new Secret(e.name(), e.arn(), Optional.ofNullable(e.description()), Optional.ofNullable(e.kmsKeyId()),
                Optional.ofNullable(e.lastChangedDate()), Optional.ofNullable(e.lastAccessedDate()),
                Optional.ofNullable(e.createdDate()),
                Boolean.TRUE.equals(e.rotationEnabled()), Optional.ofNullable(e.rotationLambdaARN()),
                schedule(e.rotationRules()), Optional.ofNullable(e.lastRotatedDate()), Optional.ofNullable(e.nextRotationDate()),
                Optional.ofNullable(e.owningService()), Optional.ofNullable(e.deletedDate()),
                e.tags().stream().map(t -> new Tag(t.key(), t.value())).toList());
    }

    static Secret toSecret(DescribeSecretResponse e) {
        return new Secret(e.name(), e.arn(), Optional.ofNullable(e.description()), Optional.ofNullable(e.kmsKeyId()),
                Optional.ofNullable(e.lastChangedDate()), Optional.ofNullable(e.lastAccessedDate()),
                Optional.ofNullable(e.createdDate()),
                Boolean.TRUE.equals(e.rotationEnabled()), Optional.ofNullable(e.rotationLambdaARN()),
                schedule(e.rotationRules()), Optional.ofNullable(e.lastRotatedDate()), Optional.ofNullable(e.nextRotationDate()),
                Optional.ofNullable(e.owningService()), Optional.ofNullable(e.deletedDate()),
                e.tags().stream().map(t -> new Tag(t.key(), t.value())).toList());
    }

    private static Optional<String> schedule(RotationRulesType rules) {
        if (rules == null) {
            return Optional.empty();
        }
        if (rules.scheduleExpression() != null) {
            return Optional.of(rules.scheduleExpression());
        }
        if (rules.automaticallyAfterDays() != null) {
            return Optional.of("every " + rules.automaticallyAfterDays() + " days");
        }
        return Optional.empty();
    }
}
