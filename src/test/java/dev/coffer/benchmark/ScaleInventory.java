package dev.coffer.benchmark;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Tag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The benchmark's account: 10,000 parameters in a team / app / environment hierarchy and 2,000
 * secrets (or 50,000 and 5,000, the environments also in other regions), shaped like a large
 * company's Parameter Store and Secrets Manager. Made from a fixed
 * random seed, so every run lists the same inventory.
 */
final class ScaleInventory {

    /** 10,000 is the Standard tier's quota per region; smaller counts are for trying the benchmark out. */
    static final int PARAMETERS = Integer.getInteger("benchmark.parameters", 10_000);
    static final int SECRETS = Integer.getInteger("benchmark.secrets", 2_000);
    static final List<String> ENVIRONMENTS = List.of("dev", "qa", "staging", "prod");
    /** Beyond 10,800 parameters the environments are also run in other regions (prod-eu-west-1, …). */
    private static final List<String> REGIONS = List.of("eu-west-1", "us-west-2", "ap-southeast-2", "sa-east-1");
    /** The Standard tier's quota a region: parameters past it are Advanced, as AWS requires. */
    private static final int STANDARD_TIER_QUOTA = 10_000;

    /** Teams and their applications. */
    private static final List<List<String>> TEAMS = List.of(
            List.of("payments", "gateway", "ledger", "refunds", "fraud-scoring", "payouts", "invoicing"),
            List.of("identity", "auth-service", "user-profile", "sso-bridge", "mfa"),
            List.of("search", "indexer", "query-api", "ranking", "autocomplete", "crawler"),
            List.of("catalog", "product-api", "pricing", "inventory-sync", "media"),
            List.of("checkout", "cart", "orders", "tax-engine", "shipping-quotes", "promotions"),
            List.of("mobile", "ios-backend", "android-backend", "push-notifications"),
            List.of("web", "storefront", "cms", "edge-config", "sitemap"),
            List.of("data-platform", "ingest", "warehouse-loader", "airflow", "kafka-connect", "schema-registry"),
            List.of("ml", "feature-store", "model-serving", "training-jobs"),
            List.of("infra", "vpc", "eks-cluster", "bastion", "dns", "observability", "ci-runners"),
            List.of("security", "waf", "scanner", "audit-log", "key-rotation"),
            List.of("analytics", "dashboards", "event-collector", "reporting"));

    /** Kinds of values, by how they look and how big they are (Standard tier: at most 4 KB). */
    private enum Shape { URL, NUMBER, TEXT, JSON, TOKEN, PEM, LIST }

    private record Key(String path, ParameterType type, Shape shape, int minBytes, int maxBytes) {
    }

    private static final List<Key> KEYS = List.of(
            key("config/log-level", Shape.TEXT, 20, 40),
            key("config/region-endpoint", Shape.URL, 30, 80),
            key("config/timeout-ms", Shape.NUMBER, 20, 24),
            key("config/retry-policy", Shape.JSON, 60, 240),
            key("config/app-settings", Shape.JSON, 800, 4096),
            key("config/logging", Shape.JSON, 200, 1200),
            key("db/host", Shape.URL, 40, 90),
            key("db/port", Shape.NUMBER, 20, 24),
            key("db/name", Shape.TEXT, 20, 40),
            key("db/username", Shape.TEXT, 20, 40),
            key("db/pool-size", Shape.NUMBER, 20, 24),
            key("db/connection-options", Shape.JSON, 80, 400),
            secure("db/password", Shape.TOKEN, 24, 64),
            key("cache/endpoint", Shape.URL, 40, 90),
            key("cache/ttl-seconds", Shape.NUMBER, 20, 24),
            secure("cache/auth-token", Shape.TOKEN, 32, 64),
            key("api/base-url", Shape.URL, 30, 90),
            key("api/rate-limit", Shape.JSON, 40, 160),
            key("api/cors-config", Shape.JSON, 100, 600),
            list("api/allowed-origins", 40, 400),
            secure("api/key", Shape.TOKEN, 32, 64),
            secure("api/client-secret", Shape.TOKEN, 40, 80),
            key("feature-flags/new-checkout", Shape.JSON, 30, 120),
            key("feature-flags/dark-mode", Shape.JSON, 30, 120),
            key("feature-flags/beta-search", Shape.JSON, 30, 120),
            key("feature-flags/async-export", Shape.JSON, 30, 120),
            key("feature-flags/canary-routing", Shape.JSON, 30, 200),
            key("queue/url", Shape.URL, 60, 120),
            key("queue/dead-letter-url", Shape.URL, 60, 120),
            key("queue/batch-size", Shape.NUMBER, 20, 24),
            key("s3/bucket", Shape.TEXT, 20, 63),
            key("s3/prefix", Shape.TEXT, 20, 60),
            key("observability/otel-endpoint", Shape.URL, 40, 90),
            key("observability/sampling", Shape.JSON, 40, 200),
            key("build/image-tag", Shape.TEXT, 20, 60),
            key("build/commit", Shape.TOKEN, 40, 40),
            list("network/allowed-cidrs", 20, 600),
            list("network/subnet-ids", 40, 200),
            list("network/security-groups", 20, 120),
            list("notifications/emails", 30, 300),
            secure("signing/private-key", Shape.PEM, 1600, 3300),
            secure("tls/ca-bundle", Shape.PEM, 1200, 4000),
            secure("webhooks/secret", Shape.TOKEN, 32, 64),
            secure("oauth/refresh-token", Shape.TOKEN, 200, 900),
            key("oauth/issuer-url", Shape.URL, 40, 100),
            key("oauth/scopes", Shape.TEXT, 20, 120),
            key("release/version", Shape.TEXT, 20, 30),
            key("release/notes-url", Shape.URL, 40, 120),
            key("config/cron-schedule", Shape.TEXT, 20, 40),
            key("alerts/slack-channel", Shape.TEXT, 20, 40),
            key("alerts/pagerduty-service", Shape.TOKEN, 20, 32),
            secure("db/replica-password", Shape.TOKEN, 24, 64));

    private static final List<String> SECRET_KINDS = List.of(
            "db-credentials", "db-readonly", "api-key", "oauth-client", "smtp", "signing-key", "redis-auth",
            "webhook-signing", "third-party/stripe", "db-migrations");

    record ParameterSpec(String name, ParameterType type, String value, Optional<String> description, List<Tag> tags) {
    }

    record SecretSpec(String name, String value, Optional<String> description, List<Tag> tags) {
    }

    private final List<ParameterSpec> parameters;
    private final List<SecretSpec> secrets;

    private ScaleInventory(List<ParameterSpec> parameters, List<SecretSpec> secrets) {
        this.parameters = parameters;
        this.secrets = secrets;
    }

    List<ParameterSpec> parameters() {
        return parameters;
    }

    List<SecretSpec> secrets() {
        return secrets;
    }

    /** An inventory of this many parameters and secrets; up to 10,800 parameters always the same ones. */
    static ScaleInventory generate(int parameterCount, int secretCount) {
        Random random = new Random(20_260_101L);
        List<String> environments = new ArrayList<>(ENVIRONMENTS);
        if (parameterCount > TEAMS.stream().mapToInt(team -> team.size() - 1).sum() * ENVIRONMENTS.size() * KEYS.size()) {
            for (String region : REGIONS) {
                ENVIRONMENTS.forEach(env -> environments.add(env + "-" + region));
            }
        }
        List<String[]> appEnvs = new ArrayList<>();
        for (List<String> team : TEAMS) {
            for (String app : team.subList(1, team.size())) {
                for (String env : environments) {
                    appEnvs.add(new String[] {team.get(0), app, env});
                }
            }
        }

        List<ParameterSpec> params = new ArrayList<>();
        for (String[] ae : appEnvs) {
            for (Key key : KEYS) {
                String name = "/" + ae[0] + "/" + ae[1] + "/" + ae[2] + "/" + key.path();
                params.add(new ParameterSpec(name, key.type(), value(key.shape(), key.minBytes(), key.maxBytes(), ae, random),
                        random.nextInt(10) < 3 ? Optional.of(describe(key.path(), ae)) : Optional.empty(),
                        random.nextInt(100) < 15 ? tags(ae, random) : List.of()));
            }
        }
        Collections.shuffle(params, random);
        List<ParameterSpec> chosen = new ArrayList<>(params.subList(0, parameterCount));

        List<SecretSpec> secretList = new ArrayList<>();
        for (String[] ae : appEnvs) {
            for (String kind : SECRET_KINDS) {
                secretList.add(new SecretSpec(ae[2] + "/" + ae[0] + "/" + ae[1] + "/" + kind, secretValue(kind, ae, random),
                        random.nextInt(10) < 7 ? Optional.of(describe(kind, ae)) : Optional.empty(),
                        random.nextInt(100) < 40 ? tags(ae, random) : List.of()));
            }
        }
        for (List<String> team : TEAMS) {
            for (String env : ENVIRONMENTS) {
                String[] ae = {team.get(0), "shared", env};
                secretList.add(new SecretSpec(env + "/" + team.get(0) + "/shared/pagerduty", secretValue("api-key", ae, random),
                        Optional.of("PagerDuty integration key of the " + team.get(0) + " team"), tags(ae, random)));
            }
        }
        Collections.shuffle(secretList, random);
        return new ScaleInventory(chosen, new ArrayList<>(secretList.subList(0, secretCount)));
    }

    /**
     * Writes the inventory. Parameters go from several threads (moto's SSM takes that); secrets
     * one after another, as moto can answer 500 to concurrent CreateSecret (the SDK's standard
     * retry covers a stray one).
     */
    void seed(ClientFactory clients, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            int chunk = (parameters.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                int from = Math.min(parameters.size(), t * chunk);
                List<ParameterSpec> mine = parameters.subList(from, Math.min(parameters.size(), (t + 1) * chunk));
                done.add(pool.submit(() -> {
                    for (int i = 0; i < mine.size(); i++) {
                        ParameterSpec p = mine.get(i);
                        ParameterTier tier = from + i < STANDARD_TIER_QUOTA ? ParameterTier.STANDARD : ParameterTier.ADVANCED;
                        clients.ssm().putParameter(b -> {
                            b.name(p.name()).type(p.type()).value(p.value()).tier(tier);
                            p.description().ifPresent(b::description);
                            if (!p.tags().isEmpty()) {
                                b.tags(p.tags().stream().map(tag -> software.amazon.awssdk.services.ssm.model.Tag.builder()
                                        .key(tag.key()).value(tag.value()).build()).toList());
                            }
                        });
                    }
                    return null;
                }));
            }
            done.add(pool.submit(() -> {
                for (SecretSpec s : secrets) {
                    clients.secretsManager().createSecret(b -> {
                        b.name(s.name()).secretString(s.value());
                        s.description().ifPresent(b::description);
                        if (!s.tags().isEmpty()) {
                            b.tags(s.tags().stream().map(tag -> software.amazon.awssdk.services.secretsmanager.model.Tag.builder()
                                    .key(tag.key()).value(tag.value()).build()).toList());
                        }
                    });
                }
                return null;
            }));
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- value generation ----------------------------------------------------------------------

    private static Key key(String path, Shape shape, int min, int max) {
        return new Key(path, ParameterType.STRING, shape, min, max);
    }

    private static Key secure(String path, Shape shape, int min, int max) {
        return new Key(path, ParameterType.SECURE_STRING, shape, min, max);
    }

    private static Key list(String path, int min, int max) {
        return new Key(path, ParameterType.STRING_LIST, Shape.LIST, min, max);
    }

    private static String describe(String what, String[] ae) {
        return what.replace('/', ' ').replace('-', ' ') + " of " + ae[1] + " (" + ae[0] + ") in " + ae[2];
    }

    private static List<Tag> tags(String[] ae, Random random) {
        List<Tag> tags = new ArrayList<>();
        tags.add(new Tag("team", ae[0]));
        tags.add(new Tag("environment", ae[2]));
        if (random.nextBoolean()) {
            tags.add(new Tag("owner", ae[1] + "-oncall@example.com"));
        }
        if (random.nextInt(3) == 0) {
            tags.add(new Tag("cost-center", "cc-" + (1000 + random.nextInt(9000))));
        }
        if (random.nextInt(4) == 0) {
            tags.add(new Tag("data-classification", random.nextBoolean() ? "confidential" : "internal"));
        }
        return tags;
    }

    private static int size(int min, int max, Random random) {
        // Skewed towards the small end, as real values are.
        double u = random.nextDouble();
        return min + (int) ((max - min) * u * u);
    }

    private static String value(Shape shape, int min, int max, String[] ae, Random random) {
        int size = size(min, max, random);
        String text = switch (shape) {
            case URL -> "https://" + ae[1] + "." + ae[2] + "." + ae[0] + ".internal.example.com/" + token(size, random);
            case NUMBER -> String.format("%020d", random.nextInt(100_000));
            case TEXT -> ae[1] + "-" + ae[2] + "-" + token(size, random);
            case TOKEN -> token(size, random);
            case PEM -> pem(size, random);
            case LIST -> listValue(size, random);
            case JSON -> json(size, ae, random);
        };
        return fit(text, min, max);
    }

    private static String secretValue(String kind, String[] ae, Random random) {
        String host = ae[1] + "-" + ae[2] + ".cluster-" + token(12, random).toLowerCase() + ".us-east-1.rds.amazonaws.com";
        return switch (kind) {
            case "db-credentials", "db-readonly", "db-migrations" -> "{\"engine\":\"postgres\",\"host\":\"" + host + "\",\"port\":5432,"
                    + "\"username\":\"" + ae[1].replace('-', '_') + (kind.equals("db-readonly") ? "_ro" : kind.equals("db-migrations") ? "_owner" : "_app") + "\","
                    + "\"password\":\"" + token(32, random) + "\",\"dbname\":\"" + ae[1].replace('-', '_') + "\"}";
            case "oauth-client" -> "{\"client_id\":\"" + token(20, random) + "\",\"client_secret\":\"" + token(48, random)
                    + "\",\"token_url\":\"https://auth." + ae[2] + ".example.com/oauth2/token\",\"scopes\":[\"read\",\"write\"]}";
            case "smtp" -> "{\"host\":\"email-smtp.us-east-1.amazonaws.com\",\"port\":587,\"username\":\"" + token(20, random)
                    + "\",\"password\":\"" + token(44, random) + "\"}";
            case "signing-key" -> "{\"kid\":\"" + token(16, random) + "\",\"alg\":\"RS256\",\"private_key\":\""
                    + pem(size(900, 1800, random), random).replace("\n", "\\n") + "\"}";
            case "redis-auth" -> "{\"endpoint\":\"" + ae[1] + "." + token(6, random).toLowerCase()
                    + ".cache.amazonaws.com:6379\",\"auth_token\":\"" + token(64, random) + "\"}";
            case "webhook-signing" -> "{\"secret\":\"whsec_" + token(40, random) + "\",\"rotated\":\"2026-0"
                    + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "\"}";
            case "third-party/stripe" -> "{\"publishable_key\":\"pk_live_" + token(40, random) + "\",\"secret_key\":\"sk_live_"
                    + token(40, random) + "\",\"webhook_secret\":\"whsec_" + token(32, random) + "\"}";
            default -> "{\"api_key\":\"" + token(size(32, 96, random), random) + "\",\"issued_to\":\"" + ae[1] + "\"}";
        };
    }

    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static String token(int length, Random random) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return b.toString();
    }

    private static String pem(int size, Random random) {
        StringBuilder b = new StringBuilder("-----BEGIN PRIVATE KEY-----\n");
        while (b.length() < size - 26) {
            b.append(token(64, random)).append('\n');
        }
        return b.append("-----END PRIVATE KEY-----").toString();
    }

    private static String listValue(int size, Random random) {
        StringBuilder b = new StringBuilder();
        while (b.length() < size) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append("10.").append(random.nextInt(256)).append('.').append(random.nextInt(256)).append(".0/24");
        }
        return b.toString();
    }

    private static String json(int size, String[] ae, Random random) {
        StringBuilder b = new StringBuilder("{\"service\":\"").append(ae[1]).append("\",\"environment\":\"").append(ae[2]).append('"');
        int i = 0;
        while (b.length() < size - 80) {
            b.append(",\"setting").append(i++).append("\":\"").append(token(8 + random.nextInt(40), random)).append('"');
        }
        int rest = size - b.length() - 9;
        if (rest > 0) {
            b.append(",\"n\":\"").append(token(rest, random)).append('"');
        }
        return b.append('}').toString();
    }

    /** Pads or cuts a value to the shape's byte range (all values are ASCII). */
    private static String fit(String text, int min, int max) {
        if (text.length() > max) {
            return text.substring(0, max);
        }
        StringBuilder b = new StringBuilder(text);
        while (b.length() < min) {
            b.append('0');
        }
        return b.toString();
    }
}
