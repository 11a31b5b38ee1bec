package dev.coffer.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Tag;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterPath;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;

/**
 * Example data for the local sandbox, shaped like a real customer's secrets strategy: golden AMI
 * ids per environment, CloudFormation and automation settings, application bootstrap parameters
 * and database credentials in the JSON shape AWS rotation functions expect.
 *
 * <p>{@link #seed} writes it through the SDK clients of a (writable) {@link ClientFactory}, one
 * call after another: moto can answer 500 to concurrent secret creation. It expects an empty
 * account and is not idempotent. {@link #inventory()} describes what it writes (names, types,
 * tags, labels; never generated values), so tests can assert against it without repeating it.
 * Passwords and keys are generated with {@link SecureRandom} at seed time and never printed.
 */
public final class SandboxData {

    /** moto's account. */
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";
    /** The customer managed KMS key used by some parameters and secrets. */
    public static final String APP_KEY_ALIAS = "alias/coffer-apps";
    public static final String APP_KEY_DESCRIPTION = "Coffer sandbox application key";
    /** The key Parameter Store uses when a SecureString names none. */
    public static final String DEFAULT_SSM_KEY = "alias/aws/ssm";
    public static final String GOLDEN_AMI_ROOT = "/golden-ami";
    public static final String LABEL_GOLDEN = "golden";
    public static final String LABEL_PREVIOUS = "previous";
    public static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");
    /** Two environments of one application that differ a little, to try Compare on: staging and production. */
    public static final String CHECKOUT_STAGING = "/apps/checkout/staging";
    public static final String CHECKOUT_PROD = "/apps/checkout/prod";
    public static final String CHECKOUT_STAGING_SECRETS = "checkout/staging/";
    public static final String CHECKOUT_PROD_SECRETS = "checkout/prod/";

    /** The fields AWS rotation functions read from a database secret. */
    public static final List<String> DATABASE_SECRET_FIELDS = List.of("engine", "host", "port", "username", "password", "dbname");

    private static final String IMAGE_X86_1 = "golden-al2023-base-2026.09.01";
    private static final String IMAGE_X86_2 = "golden-al2023-base-2026.10.01";
    private static final String IMAGE_X86_3 = "golden-al2023-base-2026.11.15";
    private static final String IMAGE_ARM_1 = "golden-al2023-arm64-2026.11.15";
    private static final String PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#$%^&*()-_=+[]{}<>:?";
    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A golden image the seed creates (owned by the sandbox account). */
    public record ImageEntry(String name, String description, String architecture) {
    }

    /**
     * A parameter the seed creates. {@code versions} is its latest version number; {@code labels}
     * maps each label to the version carrying it; {@code value} is the current value where it is
     * a fixed, non-secret text (empty for SecureStrings, AMI ids and anything generated).
     */
    public record ParameterEntry(String name, ParameterType type, ParameterDataType dataType, ParameterTier tier, Optional<String> keyId,
                                 Optional<String> description, List<Tag> tags, int versions,
                                 Map<String, Integer> labels, Optional<String> value) {

        public boolean isSecure() {
            return type == ParameterType.SECURE_STRING;
        }

        public boolean usesAppKey() {
            return keyId.filter(APP_KEY_ALIAS::equals).isPresent();
        }
    }

    /**
     * A secret the seed creates. {@code engine} is set for database secrets; {@code versions} is
     * how many values were written (2 means AWSPREVIOUS exists).
     */
    public record SecretEntry(String name, String description, Optional<String> kmsKeyId, List<Tag> tags,
                              Optional<String> engine, Optional<String> host, Optional<Integer> port, int versions) {

        public boolean isDatabase() {
            return engine.isPresent();
        }
    }

    /** Everything the seed creates, by name. */
    public record Inventory(List<ImageEntry> images, List<ParameterEntry> parameterEntries, List<SecretEntry> secretEntries) {

        public Inventory {
            images = List.copyOf(images);
            parameterEntries = List.copyOf(parameterEntries);
            secretEntries = List.copyOf(secretEntries);
        }

        /** Every parameter name, sorted. */
        public List<String> parameters() {
            return parameterEntries.stream().map(ParameterEntry::name).sorted().toList();
        }

        /** Every folder of the parameter tree ("/apps", "/apps/billing", ...), sorted, without the root. */
        public List<String> folders() {
            TreeSet<String> folders = new TreeSet<>();
            for (ParameterEntry p : parameterEntries) {
                List<String> segments = ParameterPath.folderSegments(p.name());
                for (int i = 1; i <= segments.size(); i++) {
                    folders.add(ParameterPath.folderPath(segments.subList(0, i)));
                }
            }
            return List.copyOf(folders);
        }

        /** Every secret name, sorted. */
        public List<String> secrets() {
            return secretEntries.stream().map(SecretEntry::name).sorted().toList();
        }

        public List<String> imageNames() {
            return images.stream().map(ImageEntry::name).toList();
        }

        public ParameterEntry parameter(String name) {
            return parameterEntries.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Not seeded: " + name));
        }

        public SecretEntry secret(String name) {
            return secretEntries.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Not seeded: " + name));
        }

        /** The golden AMI id parameters (dataType aws:ec2:image). */
        public List<String> goldenAmiParameters() {
            return names(p -> p.dataType() == ParameterDataType.EC2_IMAGE);
        }

        public List<String> secureParameters() {
            return names(ParameterEntry::isSecure);
        }

        public List<String> appKeyParameters() {
            return names(ParameterEntry::usesAppKey);
        }

        public List<String> advancedParameters() {
            return names(p -> p.tier() == ParameterTier.ADVANCED);
        }

        public List<String> labelledParameters() {
            return names(p -> !p.labels().isEmpty());
        }

        public List<String> taggedParameters() {
            return names(p -> !p.tags().isEmpty());
        }

        public List<String> databaseSecrets() {
            return secretEntries.stream().filter(SecretEntry::isDatabase).map(SecretEntry::name).sorted().toList();
        }

        public List<String> appKeySecrets() {
            return secretEntries.stream().filter(s -> s.kmsKeyId().isPresent()).map(SecretEntry::name).sorted().toList();
        }

        /** Secrets with a second value, so that AWSPREVIOUS exists. */
        public List<String> rotatedSecrets() {
            return secretEntries.stream().filter(s -> s.versions() > 1).map(SecretEntry::name).sorted().toList();
        }

        private List<String> names(java.util.function.Predicate<ParameterEntry> which) {
            return parameterEntries.stream().filter(which).map(ParameterEntry::name).sorted().toList();
        }
    }

    // ---- the plan --------------------------------------------------------------------------

    /** How a version's value is made at seed time. */
    private sealed interface Value permits Literal, ImageId, Token {
    }

    private record Literal(String text) implements Value {
    }

    /** The id of a golden image created by the seed, by image name. */
    private record ImageId(String imageName) implements Value {
    }

    /** A random secret text (prefix + random letters and digits). */
    private record Token(String prefix, int length) implements Value {
    }

    private record ParameterSeed(ParameterEntry entry, List<Value> values) {
    }

    private record Database(String engine, String host, int port, String username, String dbname) {
    }

    /**
     * How a secret's value is made: a database's fields, a key/value object of {@code fields} with a
     * random {@code secret_key}, or else a random token.
     */
    private record SecretSeed(SecretEntry entry, Optional<Database> database, String tokenPrefix, Map<String, String> fields) {
    }

    private record Plan(List<ImageEntry> images, List<ParameterSeed> parameters, List<SecretSeed> secrets) {
        Inventory inventory() {
            return new Inventory(images, parameters.stream().map(ParameterSeed::entry).toList(),
                    secrets.stream().map(SecretSeed::entry).toList());
        }
    }

    private static final Plan PLAN = plan();
    private static final Inventory INVENTORY = PLAN.inventory();

    private SandboxData() {
    }

    /** What {@link #seed} creates. */
    public static Inventory inventory() {
        return INVENTORY;
    }

    /**
     * Writes the example data into an empty account through {@code clients} (which must not be
     * read-only): KMS key and alias, golden images, parameters, then secrets, one call at a time.
     */
    public static void seed(ClientFactory clients) {
        SecureRandom random = new SecureRandom();
        createAppKey(clients.kms());
        Map<String, String> imageIds = createGoldenImages(clients.ec2());
        SsmClient ssm = clients.ssm();
        for (ParameterSeed p : PLAN.parameters()) {
            putParameter(ssm, p, imageIds, random);
        }
        SecretsManagerClient sm = clients.secretsManager();
        for (SecretSeed s : PLAN.secrets()) {
            createSecret(sm, s, random);
        }
    }

    private static Plan plan() {
        List<ImageEntry> images = List.of(
                new ImageEntry(IMAGE_X86_1, "Amazon Linux 2023 base image, CIS level 1 hardened, SSM and CloudWatch agents; built 2026-09-01", "x86_64"),
                new ImageEntry(IMAGE_X86_2, "Amazon Linux 2023 base image, CIS level 1 hardened, SSM and CloudWatch agents; built 2026-10-01", "x86_64"),
                new ImageEntry(IMAGE_X86_3, "Amazon Linux 2023 base image, CIS level 1 hardened, SSM and CloudWatch agents; built 2026-11-15", "x86_64"),
                new ImageEntry(IMAGE_ARM_1, "Amazon Linux 2023 base image for Graviton (arm64), CIS level 1 hardened; built 2026-11-15", "arm64"));

        List<ParameterSeed> params = new ArrayList<>();

        // Golden AMI ids: dev and staging follow every build, prod one build behind.
        List<Tag> platform = tags("Team", "platform", "CostCenter", "CC-1001");
        params.add(golden("dev", "x86_64", platform, IMAGE_X86_1, IMAGE_X86_2, IMAGE_X86_3));
        params.add(golden("staging", "x86_64", platform, IMAGE_X86_2, IMAGE_X86_3));
        params.add(golden("prod", "x86_64", platform, IMAGE_X86_1, IMAGE_X86_2));
        params.add(golden("dev", "arm64", platform, IMAGE_ARM_1));

        // CloudFormation and automation settings.
        List<Tag> automation = tags("Team", "platform", "CostCenter", "CC-1001", "ManagedBy", "cloudformation");
        params.add(literal("/automation/cloudformation/network/vpc-cidr", ParameterType.STRING,
                "CIDR block of the shared VPC (network stack)", automation, "10.40.0.0/16"));
        params.add(literal("/automation/cloudformation/network/private-subnets", ParameterType.STRING_LIST,
                "Private subnet CIDRs, one per availability zone", automation, "10.40.0.0/20,10.40.16.0/20,10.40.32.0/20"));
        params.add(literal("/automation/cloudformation/network/public-subnets", ParameterType.STRING_LIST,
                "Public subnet CIDRs for load balancers and NAT gateways", automation, "10.40.128.0/22,10.40.132.0/22,10.40.136.0/22"));
        params.add(literal("/automation/cloudformation/network/availability-zones", ParameterType.STRING_LIST,
                null, List.of(), "us-east-1a,us-east-1b,us-east-1c"));
        params.add(literal("/automation/patching/maintenance-window", ParameterType.STRING,
                "Weekly patching window (cron, UTC) for the Patch Manager maintenance window", automation, "cron(0 3 ? * SUN *)"));
        params.add(literal("/automation/patching/reboot-option", ParameterType.STRING,
                "RebootIfNeeded or NoReboot for AWS-RunPatchBaseline", List.of(), "RebootIfNeeded"));
        params.add(literal("/automation/backup/retention-days", ParameterType.STRING,
                "Days AWS Backup keeps daily recovery points", automation, "35"));
        params.add(literal("/automation/backup/vault-name", ParameterType.STRING,
                null, List.of(), "coffer-central-vault"));

        // Application bootstrap parameters.
        for (String env : ENVIRONMENTS) {
            List<Tag> billing = appTags("payments", env, "CC-2040", "billing");
            String logLevel = env.equals("prod") ? "WARN" : env.equals("staging") ? "INFO" : "DEBUG";
            if (env.equals("dev")) {
                params.add(versioned("/apps/billing/dev/log-level", ParameterType.STRING, "Root log level of the billing service",
                        billing, List.of("INFO", "TRACE", "DEBUG"), Map.of()));
            } else {
                params.add(literal("/apps/billing/" + env + "/log-level", ParameterType.STRING,
                        "Root log level of the billing service", billing, logLevel));
            }
            if (env.equals("prod")) {
                params.add(versioned("/apps/billing/prod/feature-flags", ParameterType.STRING_LIST,
                        "Billing features switched on in this environment", billing,
                        List.of("invoices-v2", "invoices-v2,tax-engine", "invoices-v2,tax-engine,dunning-emails"),
                        Map.of("release-2026-11", 3, "release-2026-10", 2)));
            } else {
                params.add(literal("/apps/billing/" + env + "/feature-flags", ParameterType.STRING_LIST,
                        "Billing features switched on in this environment", billing, "invoices-v2,tax-engine,dunning-emails,credit-notes"));
            }
            if (!env.equals("dev")) {
                params.add(literal("/apps/billing/" + env + "/database-secret", ParameterType.STRING,
                        "Secrets Manager secret holding the billing database credentials", billing, "billing/" + env + "/postgres"));
            }
            params.add(secure("/apps/billing/" + env + "/payment-gateway-api-key", APP_KEY_ALIAS,
                    "API key for the payment gateway", billing, "pgw_" + env + "_"));
            params.add(secure("/apps/billing/" + env + "/session-signing-key", null, null, billing, ""));

            List<Tag> orders = appTags("commerce", env, "CC-2210", "orders");
            params.add(literal("/apps/orders/" + env + "/queue-url", ParameterType.STRING, "SQS queue the order events go to", orders,
                    "https://sqs.us-east-1.amazonaws.com/" + ACCOUNT + "/orders-" + env + "-events"));
            params.add(literal("/apps/orders/" + env + "/allowed-origins", ParameterType.STRING_LIST, null, orders,
                    env.equals("prod") ? "https://shop.example.com,https://www.example.com"
                            : "https://shop." + env + ".example.com,http://localhost:3000"));
            params.add(literal("/apps/orders/" + env + "/max-batch-size", ParameterType.STRING, null, List.of(),
                    env.equals("prod") ? "250" : "50"));
            params.add(secure("/apps/orders/" + env + "/jwt-signing-key", env.equals("prod") ? APP_KEY_ALIAS : null,
                    "HMAC key that signs order API tokens", orders, ""));

            List<Tag> portal = appTags("web", env, "CC-3307", "portal");
            params.add(literal("/apps/portal/" + env + "/base-url", ParameterType.STRING, "Public URL of the customer portal", portal,
                    env.equals("prod") ? "https://portal.example.com" : "https://portal." + env + ".example.com"));
            params.add(secure("/apps/portal/" + env + "/oauth-client-secret", APP_KEY_ALIAS,
                    "OAuth client secret of the portal's identity provider app", portal, ""));
        }
        String config = advancedConfigJson();
        if (utf8Size(config) <= 4096 || utf8Size(config) > 8192) {
            throw new IllegalStateException("The Advanced-tier example must be between 4 and 8 KB, not " + utf8Size(config) + " bytes");
        }
        params.add(new ParameterSeed(new ParameterEntry("/apps/billing/prod/config", ParameterType.STRING, ParameterDataType.TEXT,
                ParameterTier.ADVANCED, Optional.empty(),
                Optional.of("Full billing service configuration (JSON, larger than 4 KB, so Advanced tier)"),
                appTags("payments", "prod", "CC-2040", "billing"), 1, Map.of(), Optional.of(config)), List.of(new Literal(config))));

        List<SecretSeed> secrets = new ArrayList<>();
        secrets.add(database("billing/prod/postgres", "Billing database (RDS for PostgreSQL), application user",
                APP_KEY_ALIAS, appTags3("payments", "prod", "billing"), 2,
                new Database("postgres", "billing-prod.cluster-c9akciq32.us-east-1.rds.amazonaws.com", 5432, "billing_app", "billing")));
        secrets.add(database("billing/staging/postgres", "Billing database (RDS for PostgreSQL), staging",
                null, appTags3("payments", "staging", "billing"), 1,
                new Database("postgres", "billing-staging.cluster-c9akciq32.us-east-1.rds.amazonaws.com", 5432, "billing_app", "billing")));
        secrets.add(database("orders/prod/aurora-mysql", "Orders database (Aurora MySQL cluster writer endpoint)",
                APP_KEY_ALIAS, appTags3("commerce", "prod", "orders"), 1,
                new Database("mysql", "orders-prod.cluster-c9akciq32.us-east-1.rds.amazonaws.com", 3306, "orders_app", "orders")));
        secrets.add(database("inventory/prod/mysql-ec2", "Legacy inventory database (MySQL on an EC2 instance)",
                null, appTags3("commerce", "prod", "inventory"), 1,
                new Database("mysql", "10.40.17.23", 3306, "inventory_app", "inventory")));
        secrets.add(database("analytics/prod/redshift", "Analytics warehouse (Amazon Redshift), ETL loader user",
                null, appTags3("data", "prod", "analytics"), 1,
                new Database("redshift", "analytics-prod.c9akciq32.us-east-1.redshift.amazonaws.com", 5439, "etl_loader", "analytics")));
        secrets.add(database("catalog/prod/documentdb", "Product catalog (Amazon DocumentDB)",
                null, appTags3("commerce", "prod", "catalog"), 1,
                new Database("mongo", "catalog-prod.cluster-c9akciq32.us-east-1.docdb.amazonaws.com", 27017, "catalog_app", "catalog")));
        secrets.add(new SecretSeed(new SecretEntry("shipping/prod/carrier-api-key", "API key for the shipping carrier's REST API (plain text)",
                Optional.empty(), appTags3("commerce", "prod", "shipping"), Optional.empty(), Optional.empty(), Optional.empty(), 2),
                Optional.empty(), "sbx_", Map.of()));
        checkout(params, secrets);
        return new Plan(images, List.copyOf(params), List.copyOf(secrets));
    }

    /**
     * The checkout service in staging and in production, alike but for what a release review looks
     * for: two values (and a SecureString's), a tag, a tier, a parameter production lacks, and a
     * secret whose JSON differs in one key.
     */
    private static void checkout(List<ParameterSeed> params, List<SecretSeed> secrets) {
        for (String root : List.of(CHECKOUT_STAGING, CHECKOUT_PROD)) {
            boolean prod = root.equals(CHECKOUT_PROD);
            List<Tag> checkout = tags("Team", "commerce", "CostCenter", "CC-2210", "Application", "checkout");
            params.add(literal(root + "/api-url", ParameterType.STRING, "Base URL of the payment provider's API", checkout,
                    prod ? "https://api.payments.example.com/v2" : "https://sandbox.payments.example.com/v2"));
            params.add(literal(root + "/request-timeout-ms", ParameterType.STRING, "Timeout of one call to the payment provider", checkout,
                    "3000"));
            params.add(literal(root + "/max-retries", ParameterType.STRING, "Retries of a failed payment call", checkout, prod ? "3" : "5"));
            List<Tag> methodsTags = new ArrayList<>(checkout);
            if (prod) {
                methodsTags.add(new Tag("ChangeTicket", "CHG-2291"));
            }
            params.add(literal(root + "/payment-methods", ParameterType.STRING_LIST, "Payment methods offered at checkout",
                    List.copyOf(methodsTags), "card,paypal,apple-pay,google-pay"));
            String taxRules = "{\"defaultRate\":0.2,\"reverseChargeB2B\":true,\"roundTo\":0.01}";
            params.add(new ParameterSeed(new ParameterEntry(root + "/tax-rules", ParameterType.STRING, ParameterDataType.TEXT,
                    prod ? ParameterTier.ADVANCED : ParameterTier.STANDARD, Optional.empty(), Optional.of("Tax rounding and defaults (JSON)"),
                    checkout, 1, Map.of(), Optional.of(taxRules)), List.of(new Literal(taxRules))));
            if (!prod) {
                params.add(literal(root + "/debug-endpoint", ParameterType.STRING, "Where staging sends payment traces", checkout,
                        "https://trace.staging.example.com/checkout"));
            }
            params.add(secure(root + "/webhook-signing-key", APP_KEY_ALIAS, "Signs the payment provider's webhooks", checkout,
                    "whsec_"));
        }
        for (String prefix : List.of(CHECKOUT_STAGING_SECRETS, CHECKOUT_PROD_SECRETS)) {
            String env = prefix.equals(CHECKOUT_PROD_SECRETS) ? "prod" : "staging";
            secrets.add(new SecretSeed(new SecretEntry(prefix + "payment-provider", "Payment provider account and API key (JSON)",
                    Optional.empty(), appTags3("commerce", env, "checkout"), Optional.empty(), Optional.empty(), Optional.empty(), 1),
                    Optional.empty(), "sk_" + env + "_", Map.of("account_id", "acct_1CofferCheckout", "api_version", "2026-10-01")));
        }
    }

    private static ParameterSeed golden(String env, String arch, List<Tag> tags, String... imageNames) {
        String name = GOLDEN_AMI_ROOT + "/" + (arch.equals("arm64") ? "al2023-arm64" : "al2023") + "/" + env;
        List<Value> values = new ArrayList<>();
        for (String image : imageNames) {
            values.add(new ImageId(image));
        }
        Map<String, Integer> labels = new LinkedHashMap<>();
        labels.put(LABEL_GOLDEN, values.size());
        if (values.size() > 1) {
            labels.put(LABEL_PREVIOUS, values.size() - 1);
        }
        List<Tag> withEnv = new ArrayList<>(tags);
        withEnv.add(new Tag("Environment", env));
        String description = "Golden Amazon Linux 2023 AMI (" + arch + ") approved for " + env;
        return new ParameterSeed(new ParameterEntry(name, ParameterType.STRING, ParameterDataType.EC2_IMAGE, ParameterTier.STANDARD, Optional.empty(),
                Optional.of(description), List.copyOf(withEnv), values.size(), Collections.unmodifiableMap(labels), Optional.empty()),
                List.copyOf(values));
    }

    private static ParameterSeed literal(String name, ParameterType type, String description, List<Tag> tags, String value) {
        return versioned(name, type, description, tags, List.of(value), Map.of());
    }

    private static ParameterSeed versioned(String name, ParameterType type, String description, List<Tag> tags,
                                           List<String> values, Map<String, Integer> labels) {
        return new ParameterSeed(new ParameterEntry(name, type, ParameterDataType.TEXT, ParameterTier.STANDARD, Optional.empty(),
                Optional.ofNullable(description), tags, values.size(), labels, Optional.of(values.get(values.size() - 1))),
                values.stream().<Value>map(Literal::new).toList());
    }

    private static ParameterSeed secure(String name, String keyId, String description, List<Tag> tags, String prefix) {
        return new ParameterSeed(new ParameterEntry(name, ParameterType.SECURE_STRING, ParameterDataType.TEXT, ParameterTier.STANDARD,
                Optional.of(keyId == null ? DEFAULT_SSM_KEY : keyId), Optional.ofNullable(description), tags, 1, Map.of(), Optional.empty()),
                List.of(new Token(prefix, 40)));
    }

    private static SecretSeed database(String name, String description, String kmsKeyId, List<Tag> tags, int versions, Database db) {
        return new SecretSeed(new SecretEntry(name, description, Optional.ofNullable(kmsKeyId), tags,
                Optional.of(db.engine()), Optional.of(db.host()), Optional.of(db.port()), versions), Optional.of(db), "", Map.of());
    }

    private static List<Tag> tags(String... keyValues) {
        List<Tag> list = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            list.add(new Tag(keyValues[i], keyValues[i + 1]));
        }
        return List.copyOf(list);
    }

    private static List<Tag> appTags(String team, String env, String costCenter, String app) {
        return tags("Team", team, "Environment", env, "CostCenter", costCenter, "Application", app);
    }

    private static List<Tag> appTags3(String team, String env, String app) {
        return tags("Team", team, "Environment", env, "Application", app);
    }

    /**
     * A realistic service configuration bigger than the Standard tier's 4 KB, within Advanced's
     * 8 KB. Package-private so a unit test can check its size.
     */
    static String advancedConfigJson() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("service", "billing");
        config.put("environment", "prod");
        config.put("region", REGION);
        config.put("currencies", List.of("USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "SEK"));
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("port", 8443);
        http.put("readTimeoutMs", 15000);
        http.put("maxConnections", 200);
        config.put("http", http);
        List<Map<String, Object>> plans = new ArrayList<>();
        String[] tiers = {"starter", "team", "business", "enterprise"};
        String[] periods = {"monthly", "yearly"};
        for (String tier : tiers) {
            for (String period : periods) {
                for (String currency : List.of("USD", "EUR", "GBP")) {
                    Map<String, Object> plan = new LinkedHashMap<>();
                    plan.put("id", tier + "-" + period + "-" + currency.toLowerCase(java.util.Locale.ROOT));
                    plan.put("currency", currency);
                    plan.put("trialDays", tier.equals("enterprise") ? 30 : 14);
                    plan.put("invoiceTemplate", "templates/" + tier + "/" + period + ".html");
                    plans.add(plan);
                }
            }
        }
        config.put("plans", plans);
        List<Map<String, Object>> taxRules = new ArrayList<>();
        String[][] rates = {{"US", "0.00"}, {"DE", "0.19"}, {"FR", "0.20"}, {"GB", "0.20"}, {"NL", "0.21"}, {"SE", "0.25"},
            {"JP", "0.10"}, {"CA", "0.05"}, {"AU", "0.10"}, {"CH", "0.081"}, {"IE", "0.23"}, {"ES", "0.21"}};
        for (String[] rate : rates) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("country", rate[0]);
            rule.put("vatRate", rate[1]);
            rule.put("reverseChargeB2B", !rate[0].equals("US"));
            rule.put("invoiceFooter", "templates/footers/" + rate[0].toLowerCase(java.util.Locale.ROOT) + ".txt");
            taxRules.add(rule);
        }
        config.put("taxRules", taxRules);
        Map<String, Object> retry = new LinkedHashMap<>();
        retry.put("maxAttempts", 5);
        retry.put("backoffMs", List.of(200, 400, 800, 1600, 3200));
        config.put("paymentGatewayRetry", retry);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- seeding ---------------------------------------------------------------------------

    private static void createAppKey(KmsClient kms) {
        String keyId = kms.createKey(b -> b.description(APP_KEY_DESCRIPTION)
                .tags(t -> t.tagKey("Application").tagValue("coffer-sandbox"))).keyMetadata().keyId();
        kms.createAlias(b -> b.aliasName(APP_KEY_ALIAS).targetKeyId(keyId));
    }

    /** Builds each golden image from a running instance of an Amazon Linux 2023 image; returns name to id. */
    private static Map<String, String> createGoldenImages(Ec2Client ec2) {
        Map<String, String> ids = new HashMap<>();
        for (String arch : List.of("x86_64", "arm64")) {
            List<ImageEntry> images = PLAN.images().stream().filter(i -> i.architecture().equals(arch)).toList();
            if (images.isEmpty()) {
                continue;
            }
            String base = baseImage(ec2, arch);
            String instanceType = arch.equals("arm64") ? "t4g.micro" : InstanceType.T3_MICRO.toString();
            String instanceId = ec2.runInstances(b -> b.imageId(base).instanceType(instanceType).minCount(1).maxCount(1)
                    .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                            .tags(t -> t.key("Name").value("golden-ami-builder-" + arch)).build()))
                    .instances().get(0).instanceId();
            try {
                for (ImageEntry image : images) {
                    String id = ec2.createImage(b -> b.instanceId(instanceId).name(image.name()).description(image.description())
                            .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.IMAGE)
                                    .tags(t -> t.key("Name").value(image.name()),
                                            t -> t.key("Team").value("platform"),
                                            t -> t.key("BaseImage").value(base))
                                    .build()))
                            .imageId();
                    ids.put(image.name(), id);
                }
            } finally {
                ec2.terminateInstances(b -> b.instanceIds(instanceId));
            }
        }
        return ids;
    }

    /**
     * An Amazon-owned Amazon Linux 2023 image of the architecture, picked deterministically (the
     * first by name). The name filter keeps the call fast: moto preloads about 1,200 images.
     */
    private static String baseImage(Ec2Client ec2, String arch) {
        List<Image> images = ec2.describeImages(b -> b.owners("amazon").filters(
                Filter.builder().name("architecture").values(arch).build(),
                Filter.builder().name("name").values("al2023-ami-2023*-" + arch).build())).images();
        if (images.isEmpty()) {
            images = ec2.describeImages(b -> b.owners("amazon").filters(
                    Filter.builder().name("architecture").values(arch).build())).images();
        }
        return images.stream()
                .min(Comparator.comparing((Image i) -> i.name() == null ? "" : i.name()).thenComparing(Image::imageId))
                .map(Image::imageId)
                .orElseThrow(() -> new IllegalStateException("No Amazon " + arch + " image to build the golden images from"));
    }

    private static void putParameter(SsmClient ssm, ParameterSeed seed, Map<String, String> imageIds, SecureRandom random) {
        ParameterEntry p = seed.entry();
        for (int i = 0; i < seed.values().size(); i++) {
            String value = resolve(seed.values().get(i), imageIds, random);
            PutParameterRequest.Builder put = PutParameterRequest.builder()
                    .name(p.name())
                    .type(p.type().awsName())
                    .dataType(p.dataType().awsName())
                    .tier(p.tier().awsName())
                    .value(value);
            p.description().ifPresent(put::description);
            if (p.isSecure() && p.keyId().isPresent() && !p.keyId().get().equals(DEFAULT_SSM_KEY)) {
                put.keyId(p.keyId().get());
            }
            if (i == 0) {
                // Tags only at creation: PutParameter refuses tags together with Overwrite.
                if (!p.tags().isEmpty()) {
                    put.tags(p.tags().stream()
                            .map(t -> software.amazon.awssdk.services.ssm.model.Tag.builder().key(t.key()).value(t.value()).build())
                            .toList());
                }
            } else {
                put.overwrite(true);
            }
            ssm.putParameter(put.build());
        }
        for (Map.Entry<String, Integer> label : p.labels().entrySet()) {
            ssm.labelParameterVersion(b -> b.name(p.name()).parameterVersion(label.getValue().longValue()).labels(label.getKey()));
        }
    }

    private static String resolve(Value value, Map<String, String> imageIds, SecureRandom random) {
        if (value instanceof Literal literal) {
            return literal.text();
        }
        if (value instanceof ImageId image) {
            String id = imageIds.get(image.imageName());
            if (id == null) {
                throw new IllegalStateException("Golden image not created: " + image.imageName());
            }
            return id;
        }
        Token token = (Token) value;
        return token.prefix() + randomText(random, TOKEN_ALPHABET, token.length());
    }

    private static void createSecret(SecretsManagerClient sm, SecretSeed seed, SecureRandom random) {
        SecretEntry s = seed.entry();
        List<software.amazon.awssdk.services.secretsmanager.model.Tag> tags = s.tags().stream()
                .map(t -> software.amazon.awssdk.services.secretsmanager.model.Tag.builder().key(t.key()).value(t.value()).build())
                .toList();
        sm.createSecret(b -> {
            b.name(s.name()).description(s.description()).secretString(secretValue(seed, random)).tags(tags);
            s.kmsKeyId().ifPresent(b::kmsKeyId);
        });
        for (int v = 2; v <= s.versions(); v++) {
            // A rotated value: AWSCURRENT moves to it, AWSPREVIOUS stays on the first one.
            String next = secretValue(seed, random);
            sm.putSecretValue(b -> b.secretId(s.name()).secretString(next));
        }
    }

    private static String secretValue(SecretSeed seed, SecureRandom random) {
        if (!seed.fields().isEmpty()) {
            Map<String, Object> json = new java.util.TreeMap<>(seed.fields());
            json.put("secret_key", seed.tokenPrefix() + randomText(random, TOKEN_ALPHABET, 40));
            try {
                return JSON.writeValueAsString(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Could not build the secret for " + seed.entry().name(), e);
            }
        }
        if (seed.database().isEmpty()) {
            return seed.tokenPrefix() + randomText(random, TOKEN_ALPHABET, 40);
        }
        Database db = seed.database().get();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("engine", db.engine());
        json.put("host", db.host());
        json.put("port", db.port());
        json.put("username", db.username());
        json.put("password", randomText(random, PASSWORD_ALPHABET, 32));
        json.put("dbname", db.dbname());
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not build the secret for " + seed.entry().name(), e);
        }
    }

    private static String randomText(SecureRandom random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** UTF-8 size of a text, as the AWS limits count it. */
    static int utf8Size(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
