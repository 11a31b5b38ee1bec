package dev.coffer.testsupport.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.InvalidNextTokenException;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * moto itself paging DescribeParameters, GetParametersByPath and DescribeLaunchTemplateVersions as
 * AWS does, for the benchmarks' large inventories: 60 parameters and 7 launch templates here.
 */
class MotoWithAwsPagingIT {

    private static final List<ParameterStringFilter> KEPT =
            List.of(ParameterStringFilter.builder().key("Path").option("Recursive").values("/kept").build());
    private static final int TEMPLATES = 7;
    private static MotoServer moto;
    private static ClientFactory clients;

    @BeforeAll
    static void start() {
        moto = MotoWithAwsPaging.start(Optional.empty(), Map.of());
        clients = Moto.clients(moto, false);
        for (int i = 0; i < 60; i++) {
            String name = "/kept/param-" + i;
            clients.ssm().putParameter(b -> b.name(name).value("value").type(ParameterType.STRING));
        }
        for (int i = 0; i < TEMPLATES; i++) {
            String name = "paging-template-" + i;
            clients.ec2().createLaunchTemplate(b -> b.launchTemplateName(name)
                    .launchTemplateData(d -> d.imageId("resolve:ssm:/golden/ami").instanceType("t3.micro")));
        }
        // A second version, not the default: that template's default and latest are two entries.
        clients.ec2().createLaunchTemplateVersion(b -> b.launchTemplateName("paging-template-0")
                .launchTemplateData(d -> d.imageId("resolve:ssm:/golden/ami:2")));
    }

    @AfterAll
    static void stop() {
        clients.close();
        moto.close();
    }

    @Test
    void pagesHoldWhatMaxResultsAsksUpToFiftyAndTenWhenAbsent() {
        List<Integer> pages = new ArrayList<>();
        clients.ssm().describeParametersPaginator(b -> b.maxResults(50)).forEach(page -> pages.add(page.parameters().size()));
        DescribeParametersResponse unasked = clients.ssm().describeParameters();

        assertThat(pages).containsExactly(50, 10);
        assertThat(unasked.parameters()).hasSize(10);
        assertThat(unasked.nextToken()).isNotBlank();
    }

    @Test
    void maxResultsAboveFiftyIsAValidationException() {
        Throwable above = catchThrowable(() -> clients.ssm().describeParameters(b -> b.maxResults(51)));

        assertThat(above).isInstanceOf(SsmException.class);
        assertThat(((SsmException) above).awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(((SsmException) above).awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '51' at "
                + "'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50");
    }

    @Test
    void aListingKeepsItsListBetweenPagesAndANewListingSeesChanges() {
        DescribeParametersResponse first = clients.ssm().describeParameters(b -> b.parameterFilters(KEPT).maxResults(50));
        clients.ssm().deleteParameter(b -> b.name("/kept/param-59"));
        clients.ssm().putParameter(b -> b.name("/kept/param-60").value("value").type(ParameterType.STRING));
        try {
            DescribeParametersResponse second = clients.ssm().describeParameters(
                    b -> b.parameterFilters(KEPT).maxResults(50).nextToken(first.nextToken()));
            List<String> fresh = new ArrayList<>();
            clients.ssm().describeParametersPaginator(b -> b.parameterFilters(KEPT).maxResults(50))
                    .forEach(page -> page.parameters().forEach(p -> fresh.add(p.name())));

            assertThat(first.parameters()).hasSize(50);
            assertThat(second.parameters()).extracting(ParameterMetadata::name)
                    .as("the listing's own list, not a rescan").hasSize(10).contains("/kept/param-59").doesNotContain("/kept/param-60");
            assertThat(fresh).hasSize(60).contains("/kept/param-60").doesNotContain("/kept/param-59");
            assertThat(catchThrowable(() -> clients.ssm().describeParameters(b -> b.maxResults(50).nextToken(first.nextToken()))))
                    .as("a token belongs to its listing's filters").isInstanceOf(InvalidNextTokenException.class);
        } finally {
            clients.ssm().deleteParameter(b -> b.name("/kept/param-60"));
            clients.ssm().putParameter(b -> b.name("/kept/param-59").value("value").type(ParameterType.STRING));
        }
    }

    @Test
    void getParametersByPathKeepsItsListBetweenPagesOfTen() {
        clients.ssm().putParameter(b -> b.name("/kept/deeper/secret").value("s3cr3t").type(ParameterType.SECURE_STRING));
        try {
            GetParametersByPathResponse first = clients.ssm().getParametersByPath(b -> b.path("/kept").recursive(true));
            clients.ssm().putParameter(b -> b.name("/kept/param-61").value("value").type(ParameterType.STRING));
            List<software.amazon.awssdk.services.ssm.model.Parameter> rest = new ArrayList<>();
            String token = first.nextToken();
            while (token != null) {
                String from = token;
                GetParametersByPathResponse page = clients.ssm().getParametersByPath(
                        b -> b.path("/kept").recursive(true).withDecryption(true).nextToken(from));
                assertThat(page.parameters()).hasSizeLessThanOrEqualTo(10);
                rest.addAll(page.parameters());
                token = page.nextToken();
            }
            Map<String, String> values = new java.util.HashMap<>();
            first.parameters().forEach(p -> values.put(p.name(), p.value()));
            rest.forEach(p -> values.put(p.name(), p.value()));

            assertThat(first.parameters()).hasSize(10);
            assertThat(values).as("the listing's own list, not a rescan").hasSize(61).doesNotContainKey("/kept/param-61");
            assertThat(values.get("/kept/deeper/secret")).as("decrypted when asked").isEqualTo("s3cr3t");
            assertThat(catchThrowable(() -> clients.ssm().getParametersByPath(b -> b.path("/kept").maxResults(11))))
                    .isInstanceOf(SsmException.class).hasMessageContaining("less than or equal to 10");
            assertThat(catchThrowable(() -> clients.ssm().getParametersByPath(b -> b.path("/other").nextToken(first.nextToken()))))
                    .as("a token belongs to its listing's path").isInstanceOf(InvalidNextTokenException.class);
        } finally {
            clients.ssm().deleteParameters(b -> b.names("/kept/deeper/secret", "/kept/param-61"));
        }
    }

    @Test
    void launchTemplateVersionsOfTheWholeAccountArePagedWithANextToken() {
        List<DescribeLaunchTemplateVersionsResponse> pages = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            DescribeLaunchTemplateVersionsResponse page = clients.ec2().describeLaunchTemplateVersions(
                    b -> b.versions("$Default", "$Latest").maxResults(5).nextToken(from));
            pages.add(page);
            token = page.nextToken();
        } while (token != null && pages.size() < 10);
        List<String> versions = pages.stream().flatMap(p -> p.launchTemplateVersions().stream())
                .map(v -> v.launchTemplateName() + ":" + v.versionNumber()).toList();
        DescribeLaunchTemplateVersionsResponse unasked = clients.ec2().describeLaunchTemplateVersions(b -> b.versions("$Latest"));

        // moto lists a template's default and latest as two entries, one version or two: 7 templates, 14 entries.
        assertThat(pages).extracting(p -> p.launchTemplateVersions().size()).containsExactly(5, 5, 4);
        assertThat(versions).contains("paging-template-0:1", "paging-template-0:2", "paging-template-6:1")
                .extracting(v -> v.substring(0, v.indexOf(':'))).containsOnly(
                        java.util.stream.IntStream.range(0, TEMPLATES).mapToObj(i -> "paging-template-" + i).toArray(String[]::new));
        assertThat(unasked.launchTemplateVersions()).as("200 a page when MaxResults is absent").hasSize(TEMPLATES)
                .extracting(LaunchTemplateVersion::versionNumber).containsOnly(1L, 2L);
        assertThat(unasked.nextToken()).isNull();
    }

    @Test
    void launchTemplateVersionsRefuseMaxResultsAbove200AndAForeignToken() {
        String token = clients.ec2().describeLaunchTemplateVersions(b -> b.versions("$Latest").maxResults(2)).nextToken();

        Throwable above = catchThrowable(() -> clients.ec2().describeLaunchTemplateVersions(b -> b.versions("$Latest").maxResults(201)));
        Throwable foreign = catchThrowable(() -> clients.ec2().describeLaunchTemplateVersions(
                b -> b.versions("$Default").maxResults(2).nextToken(token)));

        assertThat(above).isInstanceOf(Ec2Exception.class);
        assertThat(((Ec2Exception) above).awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(((Ec2Exception) above).awsErrorDetails().errorMessage()).isEqualTo("Maximum results allowed are between 1 and 200");
        assertThat(foreign).as("a token belongs to its listing's versions").isInstanceOf(Ec2Exception.class);
        assertThat(((Ec2Exception) foreign).awsErrorDetails().errorCode()).isEqualTo("InvalidNextToken");
    }
}
