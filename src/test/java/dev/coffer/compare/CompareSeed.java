package dev.coffer.compare;

import dev.coffer.aws.ClientFactory;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Two environments that differ in every way a comparison tells apart: parameters under
 * {@code /cmp/staging} and {@code /cmp/prod}, secrets under {@code cmp/staging/} and {@code cmp/prod/}.
 * Every value holds a marker that tests look for in output: none may ever show one.
 */
final class CompareSeed {

    static final String LEFT_PATH = "/cmp/staging";
    static final String RIGHT_PATH = "/cmp/prod";
    static final String LEFT_PREFIX = "cmp/staging/";
    static final String RIGHT_PREFIX = "cmp/prod/";
    static final String KEY_ALIAS = "alias/cmp-apps";
    /** Every seeded value contains this, so a test can tell a printed value from a name. */
    static final String MARK = "Zq9";

    private CompareSeed() {
    }

    /** Seeds both environments into one account and returns the customer key's id. */
    static String seedBoth(ClientFactory clients) {
        String key = createKey(clients);
        seedParameters(clients, LEFT_PATH, true);
        seedParameters(clients, RIGHT_PATH, false);
        seedSecrets(clients, LEFT_PREFIX, true);
        seedSecrets(clients, RIGHT_PREFIX, false);
        return key;
    }

    static String createKey(ClientFactory clients) {
        String key = clients.kms().createKey(b -> b.description("compare test key")).keyMetadata().keyId();
        clients.kms().createAlias(b -> b.aliasName(KEY_ALIAS).targetKeyId(key));
        return key;
    }

    static void seedParameters(ClientFactory clients, String root, boolean left) {
        put(clients, root + "/same", ParameterType.STRING, MARK + "same", b -> b.description("kept alike").tags(tag("Team", "pay")));
        if (left) {
            put(clients, root + "/only-left", ParameterType.STRING, MARK + "onlyleft", b -> { });
            put(clients, root + "/nested/deep", ParameterType.STRING, MARK + "deep", b -> { });
        } else {
            put(clients, root + "/only-right", ParameterType.STRING, MARK + "onlyright", b -> { });
        }
        put(clients, root + "/value", ParameterType.STRING, MARK + (left ? "valueL" : "valueR"), b -> { });
        put(clients, root + "/type", left ? ParameterType.STRING : ParameterType.STRING_LIST, MARK + "a,b", b -> { });
        put(clients, root + "/tier", ParameterType.STRING, MARK + "tier", b -> b.tier(left ? ParameterTier.STANDARD : ParameterTier.ADVANCED));
        put(clients, root + "/data-type", ParameterType.STRING, left ? "ami-0123456789abcdef0" : MARK + "text",
                b -> b.dataType(left ? "aws:ec2:image" : "text"));
        put(clients, root + "/secure", ParameterType.SECURE_STRING, MARK + "secure", b -> {
            if (left) {
                b.keyId(KEY_ALIAS);
            }
        });
        put(clients, root + "/description", ParameterType.STRING, MARK + "desc", b -> b.description(left ? "left words" : "right words"));
        put(clients, root + "/tags", ParameterType.STRING, MARK + "tags", b -> b.tags(tag("Env", left ? "staging" : "prod")));
        put(clients, root + "/policies", ParameterType.STRING, MARK + "pol", b -> {
            b.tier(ParameterTier.ADVANCED);
            if (left) {
                b.policies("[{\"Type\":\"Expiration\",\"Version\":\"1.0\",\"Attributes\":{\"Timestamp\":\"2099-01-01T00:00:00.000Z\"}}]");
            }
        });
    }

    static void seedSecrets(ClientFactory clients, String prefix, boolean left) {
        var sm = clients.secretsManager();
        sm.createSecret(b -> b.name(prefix + "same").secretString("{\"user\":\"app\",\"password\":\"" + MARK + "pw\"}"));
        sm.createSecret(b -> b.name(prefix + "db").secretString(left
                ? "{\"user\":\"app\",\"password\":\"" + MARK + "pwL\",\"host\":\"db.staging\"}"
                : "{\"user\":\"app\",\"password\":\"" + MARK + "pwR\",\"port\":5432}"));
        if (left) {
            sm.createSecret(b -> b.name(prefix + "token").secretString(MARK + "plaintoken"));
            sm.createSecret(b -> b.name(prefix + "only-left").secretString(MARK + "lonely"));
        } else {
            sm.createSecret(b -> b.name(prefix + "token").secretBinary(SdkBytes.fromUtf8String(MARK + "bytes")));
        }
        sm.createSecret(b -> {
            b.name(prefix + "api").secretString(MARK + "api").description(left ? "API key" : "API key (prod)")
                    .tags(t -> t.key("Env").value(left ? "staging" : "prod"));
            if (left) {
                b.kmsKeyId(KEY_ALIAS);
            }
        });
        sm.createSecret(b -> b.name(prefix + "rotated").secretString(MARK + "rot"));
        if (left) {
            sm.rotateSecret(b -> b.secretId(prefix + "rotated").rotationRules(r -> r.automaticallyAfterDays(30L)).rotateImmediately(false));
        }
        sm.createSecret(b -> b.name(prefix + "policy").secretString(MARK + "pol"));
        if (!left) {
            sm.putResourcePolicy(b -> b.secretId(prefix + "policy").resourcePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                    + "\"Deny\",\"Principal\":\"*\",\"Action\":\"secretsmanager:DeleteSecret\",\"Resource\":\"*\"}]}"));
        }
    }

    /** Every value seeded, for "never printed" checks. */
    static List<String> values() {
        return List.of(MARK);
    }

    private static software.amazon.awssdk.services.ssm.model.Tag tag(String key, String value) {
        return software.amazon.awssdk.services.ssm.model.Tag.builder().key(key).value(value).build();
    }

    private static void put(ClientFactory clients, String name, ParameterType type, String value,
                            java.util.function.Consumer<software.amazon.awssdk.services.ssm.model.PutParameterRequest.Builder> more) {
        clients.ssm().putParameter(b -> {
            b.name(name).type(type).value(value);
            more.accept(b);
        });
    }

}
