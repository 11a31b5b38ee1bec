package dev.coffer.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.Problem;
import dev.coffer.parameters.ParameterPolicies.Notice;
import dev.coffer.parameters.ParameterPolicies.Unit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterPoliciesTest {

    private static final Instant EXPIRY = Instant.parse("2026-12-02T21:34:33Z");
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final ParameterPolicies ALL = new ParameterPolicies(Optional.of(EXPIRY), Optional.of(Notice.days(15)),
            Optional.of(Notice.days(20)));

    @Test
    void toJsonIsExactlyTheArrayAwsExpects() {
        assertThat(ALL.toJson()).isEqualTo("["
                + "{\"Type\":\"Expiration\",\"Version\":\"1.0\",\"Attributes\":{\"Timestamp\":\"2026-12-02T21:34:33.000Z\"}},"
                + "{\"Type\":\"ExpirationNotification\",\"Version\":\"1.0\",\"Attributes\":{\"Before\":\"15\",\"Unit\":\"Days\"}},"
                + "{\"Type\":\"NoChangeNotification\",\"Version\":\"1.0\",\"Attributes\":{\"After\":\"20\",\"Unit\":\"Days\"}}]");
        assertThat(ParameterPolicies.none().withNoChangeNotification(Notice.hours(6)).toJson())
                .isEqualTo("[{\"Type\":\"NoChangeNotification\",\"Version\":\"1.0\",\"Attributes\":{\"After\":\"6\",\"Unit\":\"Hours\"}}]");
        assertThat(ParameterPolicies.none().toJson()).isEqualTo("[]");
        assertThat(ParameterPolicies.CLEAR_JSON).isEqualTo("[{}]");
    }

    @Test
    void toJsonEscapesAndStaysValidJson() throws Exception {
        JsonNode array = new ObjectMapper().readTree(ALL.toJson());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(3);
        assertThat(array.get(1).path("Attributes").path("Before").isTextual()).isTrue(); // AWS takes the amounts as strings
    }

    @Test
    void timestampsKeepMillisecondsInUtc() {
        Instant withNanos = Instant.parse("2027-01-05T08:09:10.123456789Z");
        ParameterPolicies p = ParameterPolicies.none().withExpiration(withNanos);
        assertThat(p.toJson()).contains("\"Timestamp\":\"2027-01-05T08:09:10.123Z\"");
        assertThat(p.expiration()).contains(Instant.parse("2027-01-05T08:09:10.123Z"));
    }

    @Test
    void parseRoundTrips() {
        List<ParameterPolicies> samples = List.of(ALL, ParameterPolicies.none(),
                ParameterPolicies.none().withExpiration(EXPIRY),
                ParameterPolicies.none().withExpiration(EXPIRY).withExpirationNotification(Notice.hours(12)),
                ParameterPolicies.none().withNoChangeNotification(Notice.hours(1)));
        for (ParameterPolicies p : samples) {
            assertThat(ParameterPolicies.parse(p.toJson())).as(p.summary()).isEqualTo(p);
        }
    }

    @Test
    void parseReadsTheJoinOfPolicyTextsThatDescribeParametersGives() {
        // ParameterStore.toParameter joins each PolicyText (a policy's JSON text) as "[a,b]".
        String joined = "[{\"Type\":\"Expiration\",\"Version\":\"1.0\",\"Attributes\":{\"Timestamp\":\"2026-12-02T21:34:33.000Z\"}},"
                + "{\"Type\":\"NoChangeNotification\",\"Version\":\"1.0\",\"Attributes\":{\"After\":\"20\",\"Unit\":\"Days\"}}]";
        ParameterPolicies p = ParameterPolicies.parse(joined);
        assertThat(p.expiration()).contains(EXPIRY);
        assertThat(p.noChangeNotification()).contains(Notice.days(20));
        assertThat(p.expirationNotification()).isEmpty();
    }

    @Test
    void parseIsLenientWithWhatAwsMaySend() {
        // policies as JSON strings inside the array, a single object, numbers, other cases, offsets
        String strings = "[\"{\\\"Type\\\":\\\"ExpirationNotification\\\",\\\"Version\\\":\\\"1.0\\\","
                + "\\\"Attributes\\\":{\\\"Before\\\":\\\"3\\\",\\\"Unit\\\":\\\"Hours\\\"}}\"]";
        assertThat(ParameterPolicies.parse(strings).expirationNotification()).contains(Notice.hours(3));
        assertThat(ParameterPolicies.parse("{\"Type\":\"NoChangeNotification\",\"Attributes\":{\"After\":7,\"Unit\":\"days\"}}")
                .noChangeNotification()).contains(Notice.days(7));
        assertThat(ParameterPolicies.parse("[{\"Type\":\"Expiration\",\"Version\":\"1.0\",\"Attributes\":"
                + "{\"Timestamp\":\"2019-11-01T22:13:48.87+10:30\"}}]").expiration())
                .contains(Instant.parse("2019-11-01T11:43:48.870Z"));
        assertThat(ParameterPolicies.parse("[{\"Type\":\"SomethingNew\",\"Version\":\"2.0\",\"Attributes\":{}}]").isEmpty()).isTrue();
    }

    @Test
    void emptyTextsMeanNoPolicies() {
        for (String none : new String[] {null, "", "  ", "[]", "[{}]", "null"}) {
            assertThat(ParameterPolicies.parse(none)).as(String.valueOf(none)).isEqualTo(ParameterPolicies.none());
        }
        assertThat(ParameterPolicies.none().isEmpty()).isTrue();
        assertThat(ALL.isEmpty()).isFalse();
        assertThat(ALL.count()).isEqualTo(3);
    }

    @Test
    void parseRejectsWhatIsNotPolicies() {
        assertThatThrownBy(() -> ParameterPolicies.parse("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParameterPolicies.parse("\"text\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParameterPolicies.parse("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParameterPolicies.parse("[{\"Type\":\"Expiration\",\"Attributes\":{}}]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Timestamp");
        assertThatThrownBy(() -> ParameterPolicies.parse("[{\"Type\":\"Expiration\",\"Attributes\":{\"Timestamp\":\"tomorrow\"}}]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tomorrow");
        assertThatThrownBy(() -> ParameterPolicies.parse("[{\"Type\":\"NoChangeNotification\",\"Attributes\":{\"After\":\"x\",\"Unit\":\"Days\"}}]"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParameterPolicies.parse("[{\"Type\":\"NoChangeNotification\",\"Attributes\":{\"After\":\"2\",\"Unit\":\"Weeks\"}}]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Days or Hours");
    }

    @Test
    void summaryInWords() {
        assertThat(ALL.summary()).isEqualTo("Expires 2026-12-02 21:34 UTC; notifies 15 days before expiry; notifies if unchanged for 20 days");
        assertThat(ParameterPolicies.none().summary()).isEqualTo("No policies");
        assertThat(ParameterPolicies.none().withNoChangeNotification(Notice.hours(1)).summary()).isEqualTo("Notifies if unchanged for 1 hour");
        assertThat(ParameterPolicies.none().withExpiration(EXPIRY).withExpirationNotification(Notice.days(1)).summary())
                .isEqualTo("Expires 2026-12-02 21:34 UTC; notifies 1 day before expiry");
        assertThat(Unit.HOURS.awsName()).isEqualTo("Hours");
        assertThat(Unit.fromAws("Days")).isEqualTo(Unit.DAYS);
    }

    @Test
    void checkAcceptsValidPolicies() {
        assertThat(ALL.check(NOW)).isEmpty();
        assertThat(ParameterPolicies.none().check(NOW)).isEmpty();
        assertThat(ParameterPolicies.none().withNoChangeNotification(Notice.hours(1)).check(NOW)).isEmpty();
    }

    @Test
    void checkRefusesAnExpirationThatIsNotInTheFuture() {
        assertThat(ParameterPolicies.none().withExpiration(NOW).check(NOW)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("policies");
            assertThat(p.message()).contains("2026-06-01 00:00 UTC").contains("not in the future");
        });
        assertThat(ParameterPolicies.none().withExpiration(NOW.minusSeconds(1)).check(NOW)).hasSize(1);
        assertThat(ParameterPolicies.none().withExpiration(NOW.plusSeconds(1)).check(NOW)).isEmpty();
    }

    @Test
    void checkRefusesAmountsBelowOneAndANotificationWithoutExpiration() {
        ParameterPolicies bad = new ParameterPolicies(Optional.empty(), Optional.of(Notice.days(0)), Optional.of(Notice.hours(-3)));
        List<Problem> problems = bad.check(NOW);
        assertThat(problems).extracting(Problem::field).containsOnly("policies");
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("at least 1 day before expiry"))
                .anySatisfy(m -> assertThat(m).contains("needs an expiration date"))
                .anySatisfy(m -> assertThat(m).contains("at least 1 hour without change"));
        assertThat(problems).hasSize(3);
    }

    @Test
    void noticesNeedAUnit() {
        assertThatThrownBy(() -> new Notice(1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
