package dev.coffer.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every consumer format, its names and escaping, and SecureStrings left out or included. */
class ConsumerFormatsTest {

    private static final Parameter URL = parameter("/app/prod/db/url", ParameterType.STRING);
    private static final Parameter POOL = parameter("/app/prod/max-pool.size", ParameterType.STRING);
    private static final Parameter HOSTS = parameter("/app/prod/hosts", ParameterType.STRING_LIST);
    private static final Parameter TOKEN = parameter("/app/prod/api-token", ParameterType.SECURE_STRING);
    private static final List<Parameter> FOLDER = List.of(URL, POOL, HOSTS, TOKEN);
    private static final Map<String, String> PLAIN = Map.of(
            "/app/prod/db/url", "postgres://db:5432/app",
            "/app/prod/max-pool.size", "20",
            "/app/prod/hosts", "a.example.com,b.example.com");

    private static Parameter parameter(String name, ParameterType type) {
        return new Parameter(name, type, ParameterTier.STANDARD, ParameterDataType.TEXT, 1, Instant.EPOCH, "admin",
                Optional.empty(), Optional.empty(), "");
    }

    private static Map<String, String> withToken(String token) {
        Map<String, String> values = new java.util.HashMap<>(PLAIN);
        values.put(TOKEN.name(), token);
        return values;
    }

    @Test
    void namesAreThePathBelowTheFolderUpperCasedWithSeparatorsAsUnderscores() {
        assertThat(ConsumerFormats.variableName("/app/prod", "/app/prod/db/url")).isEqualTo("DB_URL");
        assertThat(ConsumerFormats.variableName("/app/prod", "/app/prod/max-pool.size")).isEqualTo("MAX_POOL_SIZE");
        assertThat(ConsumerFormats.variableName("/app/prod/", "/app/prod/Key")).as("trailing slash").isEqualTo("KEY");
        assertThat(ConsumerFormats.variableName("/", "/app/prod/key")).as("from the root").isEqualTo("APP_PROD_KEY");
        assertThat(ConsumerFormats.variableName("/app", "/app/2fa/secret")).as("no variable starts with a digit").isEqualTo("_2FA_SECRET");
    }

    @Test
    void dotenvQuotesValuesAndLeavesSecureStringsOutUnlessTheirValuesAreGiven() {
        ConsumerFormats.Result without = ConsumerFormats.format(ConsumerFormat.DOTENV, "/app/prod", FOLDER, PLAIN);

        assertThat(without.text()).isEqualTo("""
                DB_URL="postgres://db:5432/app"
                MAX_POOL_SIZE="20"
                HOSTS="a.example.com,b.example.com"
                """);
        assertThat(without.written()).isEqualTo(3);
        assertThat(without.leftOut()).containsExactly(TOKEN.name());

        ConsumerFormats.Result with = ConsumerFormats.format(ConsumerFormat.DOTENV, "/app/prod", FOLDER, withToken("s3cr3t"));
        assertThat(with.text()).endsWith("API_TOKEN=\"s3cr3t\"\n");
        assertThat(with.leftOut()).isEmpty();
        assertThat(with.written()).isEqualTo(4);
    }

    @Test
    void dotenvEscapesQuotesBackslashesDollarsAndLineBreaks() {
        String value = "say \"hi\" \\ $HOME\nline two";
        String text = ConsumerFormats.format(ConsumerFormat.DOTENV, "/app/prod", List.of(TOKEN), Map.of(TOKEN.name(), value)).text();

        assertThat(text).isEqualTo("API_TOKEN=\"say \\\"hi\\\" \\\\ \\$HOME\\nline two\"\n");
    }

    @Test
    void shellLinesAreSingleQuotedSoNothingExpands() {
        String text = ConsumerFormats.format(ConsumerFormat.SHELL, "/app/prod", List.of(URL, TOKEN),
                Map.of(URL.name(), "it's $HOME", TOKEN.name(), "a'b")).text();

        assertThat(text).isEqualTo("""
                export DB_URL='it'\\''s $HOME'
                export API_TOKEN='a'\\''b'
                """);
    }

    @Test
    void jsonIsOneObjectKeyedByTheVariableNames() {
        String text = ConsumerFormats.format(ConsumerFormat.JSON, "/app/prod", FOLDER,
                withToken("q\"uote\\back\nline\u0001")).text();

        assertThat(text).isEqualTo("""
                {
                  "DB_URL": "postgres://db:5432/app",
                  "MAX_POOL_SIZE": "20",
                  "HOSTS": "a.example.com,b.example.com",
                  "API_TOKEN": "q\\"uote\\\\back\\nline\\u0001"
                }
                """);
        assertThat(ConsumerFormats.format(ConsumerFormat.JSON, "/app/prod", List.of(), Map.of()).text()).isEqualTo("{}\n");
    }

    @Test
    void cloudFormationReferencesNeedNoValueAndSecureStringsUseSsmSecure() {
        ConsumerFormats.Result result = ConsumerFormats.format(ConsumerFormat.CLOUDFORMATION, "/app/prod", FOLDER, Map.of());

        assertThat(result.text()).isEqualTo("""
                DB_URL: '{{resolve:ssm:/app/prod/db/url}}'
                MAX_POOL_SIZE: '{{resolve:ssm:/app/prod/max-pool.size}}'
                HOSTS: '{{resolve:ssm:/app/prod/hosts}}'
                API_TOKEN: '{{resolve:ssm-secure:/app/prod/api-token}}'
                """);
        assertThat(result.leftOut()).as("a reference reveals nothing, so nothing is left out").isEmpty();
    }

    @Test
    void terraformDataBlocksNeedNoValue() {
        ConsumerFormats.Result result = ConsumerFormats.format(ConsumerFormat.TERRAFORM, "/app/prod", List.of(URL, TOKEN), Map.of());

        assertThat(result.text()).isEqualTo("""
                data "aws_ssm_parameter" "db_url" {
                  name = "/app/prod/db/url"
                }

                data "aws_ssm_parameter" "api_token" {
                  name = "/app/prod/api-token"
                }
                """);
    }

    @Test
    void namesThatClashAreListedAndOnlyTheFirstIsWritten() {
        Parameter dashed = parameter("/app/prod/db-url", ParameterType.STRING);
        ConsumerFormats.Result result = ConsumerFormats.format(ConsumerFormat.CLOUDFORMATION, "/app/prod", List.of(URL, dashed), Map.of());

        assertThat(result.text()).isEqualTo("DB_URL: '{{resolve:ssm:/app/prod/db/url}}'\n");
        assertThat(result.clashes()).containsExactly("/app/prod/db-url");
    }

    @Test
    void aMissingPlainValueIsAnErrorNotASilentGap() {
        assertThatThrownBy(() -> ConsumerFormats.format(ConsumerFormat.DOTENV, "/app/prod", List.of(URL), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("No value was read for /app/prod/db/url.");
    }
}
