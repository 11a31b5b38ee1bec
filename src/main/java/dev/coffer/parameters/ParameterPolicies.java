package dev.coffer.parameters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.aws.Problem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parameter policies of an Advanced parameter: an expiration (AWS deletes the parameter then),
 * a notification some days or hours before it, and a notification when the parameter has not
 * changed for some days or hours. AWS takes them as one JSON array that replaces all earlier
 * policies; {@code [{}]} removes them all.
 */
public record ParameterPolicies(Optional<Instant> expiration, Optional<Notice> expirationNotification,
                                Optional<Notice> noChangeNotification) {

    /** At most this many policies on one parameter. */
    public static final int MAX_POLICIES = 10;
    /** The whole policy text may be at most this long. */
    public static final int MAX_CHARS = 4096;
    /** What PutParameter takes to remove every policy of a parameter. */
    public static final String CLEAR_JSON = "[{}]";

    static final String EXPIRATION = "Expiration";
    static final String EXPIRATION_NOTIFICATION = "ExpirationNotification";
    static final String NO_CHANGE_NOTIFICATION = "NoChangeNotification";
    static final String VERSION = "1.0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AWS_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SUMMARY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Days or hours, as AWS spells them ("Days", "Hours"). */
    public enum Unit {
        DAYS("Days", "day"), HOURS("Hours", "hour");

        private final String aws;
        private final String word;

        Unit(String aws, String word) {
            this.aws = aws;
            this.word = word;
        }

        /** "Days" or "Hours". */
        public String awsName() {
            return aws;
        }

        /** "1 day", "15 days", "1 hour". */
        public String words(int amount) {
            return amount + " " + word + (amount == 1 ? "" : "s");
        }

        public static Unit fromAws(String text) {
            for (Unit u : values()) {
                if (u.aws.equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return u;
                }
            }
            throw new IllegalArgumentException("Unknown policy unit \"" + text + "\"; AWS takes Days or Hours.");
        }
    }

    /** A number of days or hours. */
    public record Notice(int amount, Unit unit) {
        public Notice {
            if (unit == null) {
                throw new IllegalArgumentException("A notice has a unit (days or hours)");
            }
        }

        public static Notice days(int amount) {
            return new Notice(amount, Unit.DAYS);
        }

        public static Notice hours(int amount) {
            return new Notice(amount, Unit.HOURS);
        }

        public String words() {
            return unit.words(amount);
        }
    }

    public ParameterPolicies {
        expiration = expiration == null ? Optional.empty() : expiration.map(t -> t.truncatedTo(ChronoUnit.MILLIS));
        expirationNotification = expirationNotification == null ? Optional.empty() : expirationNotification;
        noChangeNotification = noChangeNotification == null ? Optional.empty() : noChangeNotification;
    }

    public static ParameterPolicies none() {
        return new ParameterPolicies(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return expiration.isEmpty() && expirationNotification.isEmpty() && noChangeNotification.isEmpty();
    }

    public ParameterPolicies withExpiration(Instant at) {
        return new ParameterPolicies(Optional.ofNullable(at), expirationNotification, noChangeNotification);
    }

    public ParameterPolicies withExpirationNotification(Notice notice) {
        return new ParameterPolicies(expiration, Optional.ofNullable(notice), noChangeNotification);
    }

    public ParameterPolicies withNoChangeNotification(Notice notice) {
        return new ParameterPolicies(expiration, expirationNotification, Optional.ofNullable(notice));
    }

    /** How many policies this is (0 to 3). */
    public int count() {
        return (expiration.isPresent() ? 1 : 0) + (expirationNotification.isPresent() ? 1 : 0) + (noChangeNotification.isPresent() ? 1 : 0);
    }

    /**
     * The JSON array PutParameter's Policies takes, e.g.
     * {@code [{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2026-12-02T21:34:33.000Z"}}]};
     * {@code []} when there are none (to remove policies send {@link #CLEAR_JSON}).
     */
    public String toJson() {
        ArrayNode array = JSON.createArrayNode();
        expiration.ifPresent(at -> policy(array, EXPIRATION).put("Timestamp", AWS_TIMESTAMP.format(at)));
        expirationNotification.ifPresent(n -> {
            ObjectNode attributes = policy(array, EXPIRATION_NOTIFICATION);
            attributes.put("Before", String.valueOf(n.amount()));
            attributes.put("Unit", n.unit().awsName());
        });
        noChangeNotification.ifPresent(n -> {
            ObjectNode attributes = policy(array, NO_CHANGE_NOTIFICATION);
            attributes.put("After", String.valueOf(n.amount()));
            attributes.put("Unit", n.unit().awsName());
        });
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds {"Type":type,"Version":"1.0","Attributes":{}} to the array and returns its Attributes. */
    private static ObjectNode policy(ArrayNode array, String type) {
        ObjectNode policy = array.addObject();
        policy.put("Type", type);
        policy.put("Version", VERSION);
        return policy.putObject("Attributes");
    }

    /**
     * Reads policies as DescribeParameters reports them: a JSON array text, or the {@code [a,b]}
     * join of the PolicyText entries that {@link Parameter#policiesJson()} holds. An empty text,
     * {@code []} and {@code [{}]} mean no policies. Entries may also be JSON strings holding a
     * policy; policy types other than the three AWS has are ignored.
     *
     * @throws IllegalArgumentException when the text is not such a JSON array or a policy is malformed
     */
    public static ParameterPolicies parse(String policiesJson) {
        if (policiesJson == null || policiesJson.isBlank()) {
            return none();
        }
        JsonNode root;
        try {
            root = JSON.readTree(policiesJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Parameter policies are not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return none();
        }
        if (root.isObject()) {
            ArrayNode single = JSON.createArrayNode();
            single.add(root);
            root = single;
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException("Parameter policies must be a JSON array.");
        }
        ParameterPolicies result = none();
        for (JsonNode node : root) {
            JsonNode policy = node;
            if (node.isTextual()) {
                try {
                    policy = JSON.readTree(node.asText());
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("A parameter policy is not valid JSON: " + e.getOriginalMessage(), e);
                }
            }
            if (policy == null || !policy.isObject()) {
                throw new IllegalArgumentException("Each parameter policy must be a JSON object.");
            }
            if (policy.isEmpty()) {
                continue; // [{}]
            }
            String type = policy.path("Type").asText("");
            JsonNode attributes = policy.path("Attributes");
            switch (type) {
                case EXPIRATION -> result = result.withExpiration(timestamp(attributes.path("Timestamp").asText("")));
                case EXPIRATION_NOTIFICATION -> result = result.withExpirationNotification(notice(attributes, "Before"));
                case NO_CHANGE_NOTIFICATION -> result = result.withNoChangeNotification(notice(attributes, "After"));
                default -> {
                    // A policy type Coffer does not know: left out.
                }
            }
        }
        return result;
    }

    private static Instant timestamp(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("An Expiration policy needs a Timestamp.");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("The expiration \"" + text + "\" is not an ISO-8601 date and time.", e);
            }
        }
    }

    private static Notice notice(JsonNode attributes, String amountField) {
        JsonNode amount = attributes.path(amountField);
        int n;
        try {
            n = amount.isNumber() ? amount.intValue() : Integer.parseInt(amount.asText("").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A notification policy needs a whole number in " + amountField + ".", e);
        }
        return new Notice(n, Unit.fromAws(attributes.path("Unit").asText("")));
    }

    /**
     * Every problem at once (field "policies"): the expiration must lie after {@code now};
     * notification amounts must be positive; an expiration notification needs an expiration; the
     * JSON must fit AWS's limits (at most {@value #MAX_POLICIES} policies and
     * {@value #MAX_CHARS} characters).
     */
    public List<Problem> check(Instant now) {
        List<Problem> problems = new ArrayList<>();
        expiration.ifPresent(at -> {
            if (!at.isAfter(now)) {
                problems.add(new Problem("policies", "The expiration " + SUMMARY_TIME.format(at)
                        + " is not in the future; AWS deletes the parameter at that time, so choose a later date."));
            }
        });
        expirationNotification.ifPresent(n -> {
            if (n.amount() <= 0) {
                problems.add(new Problem("policies", "The expiration notification must come at least 1 " + n.unit().word
                        + " before expiry (it is " + n.amount() + ")."));
            }
            if (expiration.isEmpty()) {
                problems.add(new Problem("policies", "An expiration notification needs an expiration date; set one or remove the notification."));
            }
        });
        noChangeNotification.ifPresent(n -> {
            if (n.amount() <= 0) {
                problems.add(new Problem("policies", "The no-change notification needs at least 1 " + n.unit().word
                        + " without change (it is " + n.amount() + ")."));
            }
        });
        if (count() > MAX_POLICIES) {
            problems.add(new Problem("policies", count() + " policies; AWS allows at most " + MAX_POLICIES + " on a parameter."));
        }
        int chars = toJson().length();
        if (chars > MAX_CHARS) {
            problems.add(new Problem("policies", "The policies are " + chars + " characters of JSON; AWS allows at most "
                    + String.format(Locale.US, "%,d", MAX_CHARS) + "."));
        }
        return problems;
    }

    /**
     * In words, e.g. "Expires 2026-12-02 21:34 UTC; notifies 15 days before expiry; notifies if
     * unchanged for 20 days", or "No policies".
     */
    public String summary() {
        if (isEmpty()) {
            return "No policies";
        }
        List<String> parts = new ArrayList<>();
        expiration.ifPresent(at -> parts.add("Expires " + SUMMARY_TIME.format(at)));
        expirationNotification.ifPresent(n -> parts.add((parts.isEmpty() ? "Notifies " : "notifies ") + n.words() + " before expiry"));
        noChangeNotification.ifPresent(n -> parts.add((parts.isEmpty() ? "Notifies " : "notifies ") + "if unchanged for " + n.words()));
        return String.join("; ", parts);
    }
}
