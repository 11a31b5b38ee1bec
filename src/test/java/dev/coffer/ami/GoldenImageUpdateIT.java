package dev.coffer.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.parameters.ParameterConflictException;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Image catalog and golden image updates against moto's preloaded images. */
@WithMoto
class GoldenImageUpdateIT {

    private static ClientFactory clients;
    private static ImageCatalog catalog;
    private static GoldenImageUpdate update;
    private static String first;
    private static String second;

    @BeforeAll
    static void setUp(MotoServer moto) {
        clients = Moto.clients(moto, false);
        catalog = new ImageCatalog(clients);
        update = new GoldenImageUpdate(new ParameterStore(clients));
        List<String> ids = clients.ec2().describeImages(b -> b.owners("amazon")
                .filters(Filter.builder().name("architecture").values("x86_64").build())).images().stream().map(i -> i.imageId()).toList();
        first = ids.get(0);
        second = ids.get(1);
    }

    @AfterAll
    static void tearDown() {
        clients.close();
    }

    @Test
    void searchesByOwnerNameArchitectureAndPlatformNewestFirst() {
        List<MachineImage> linux = catalog.search(new ImageSearch("amazon", "amzn2-ami-hvm-*", "x86_64", "Linux/UNIX"));
        assertThat(linux).isNotEmpty().allSatisfy(i -> {
            assertThat(i.name()).startsWith("amzn2-ami-hvm-");
            assertThat(i.architecture()).isEqualTo("x86_64");
            assertThat(i.platform()).isEqualTo("Linux/UNIX");
            assertThat(i.owner()).isEqualTo("amazon");
        });
        assertThat(linux).isSortedAccordingTo(ImageCatalog.NEWEST_FIRST);
        assertThat(catalog.search(new ImageSearch("amazon", "", "", "Windows"))).isNotEmpty().allMatch(i -> i.platform().equals("Windows"));
        assertThat(catalog.search(new ImageSearch("self", "", "", ""))).isEmpty();
        assertThatThrownBy(() -> catalog.search(new ImageSearch("", "", "", ""))).isInstanceOf(InvalidDraftException.class);
    }

    @Test
    void describesOneImageAndResolvesAPublicParameter() {
        MachineImage image = catalog.describe(first).orElseThrow();
        assertThat(image.id()).isEqualTo(first);
        assertThat(image.state()).isEqualTo("available");
        assertThat(image.created()).isPresent();
        assertThat(catalog.describe("ami-0123456789abcdef0")).isEmpty();
        String latest = catalog.resolvePublicParameter("/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2");
        assertThat(ImageIds.valid(latest)).isTrue();
        assertThatThrownBy(() -> catalog.resolvePublicParameter("/golden/ami")).isInstanceOf(InvalidDraftException.class)
                .hasMessageContaining("/aws/service/");
    }

    @Test
    void appliesANewVersionMovesLabelsVerifiesAndRollsBack(MotoServer moto) throws Exception {
        String prod = "/it/golden/prod";
        String fresh = "/it/golden/new";
        clients.ssm().putParameter(b -> b.name(prod).value(first).type(ParameterType.STRING).dataType("aws:ec2:image").tags(t -> t.key("team").value("platform")));

        GoldenImageUpdate.Plan plan = update.plan(List.of(prod, fresh), second, "CHG-7", "golden", "previous");
        assertThat(plan.changes()).extracting(GoldenImageUpdate.Change::name).containsExactly(prod, fresh);
        assertThat(plan.lines().get(0)).contains(first + " (version 1) → " + second);
        assertThat(plan.lines().get(1)).contains("created with " + second);
        List<GoldenImageUpdate.Applied> applied = update.apply(plan, line -> { });
        assertThat(applied).extracting(GoldenImageUpdate.Applied::version).containsExactly(2L, 1L);
        assertThat(update.verify(prod, 2, Duration.ofSeconds(5))).isEqualTo(GoldenImageUpdate.Verification.VISIBLE);
        assertThat(update.verify(prod, 9, Duration.ofSeconds(1))).isEqualTo(GoldenImageUpdate.Verification.NOT_VISIBLE);

        var p = clients.ssm().getParameter(b -> b.name(prod)).parameter();
        assertThat(p.value()).isEqualTo(second);
        assertThat(p.dataType()).isEqualTo("aws:ec2:image");
        assertThat(labels(prod)).containsEntry(2L, List.of("golden")).containsEntry(1L, List.of("previous"));
        assertThat(labels(fresh)).containsEntry(1L, List.of("golden"));
        assertThat(clients.ssm().listTagsForResource(b -> b.resourceType("Parameter").resourceId(prod)).tagList())
                .anyMatch(t -> t.key().equals("team"));

        // A plan made before someone else changed the parameter is refused.
        GoldenImageUpdate.Plan stale = update.plan(List.of(prod), first, "", "golden", "previous");
        clients.ssm().putParameter(b -> b.name(prod).value(second).type(ParameterType.STRING).dataType("aws:ec2:image").overwrite(true));
        assertThatThrownBy(() -> update.apply(stale, line -> { })).isInstanceOf(ParameterConflictException.class);

        GoldenImageUpdate.Rollback rollback = update.planRollback(prod, "previous");
        assertThat(rollback.toVersion()).isEqualTo(1L);
        assertThat(rollback.toImage()).isEqualTo(first);
        long version = update.rollback(rollback, "golden", "previous");
        assertThat(version).isEqualTo(4L);
        assertThat(clients.ssm().getParameter(b -> b.name(prod)).parameter().value()).isEqualTo(first);
        assertThat(labels(prod)).containsEntry(4L, List.of("golden")).containsEntry(3L, List.of("previous"));
    }

    @Test
    void refusesBadInputBeforeAnyCall(MotoServer moto) {
        clients.ssm().putParameter(b -> b.name("/it/golden/secure").value(first).type(ParameterType.SECURE_STRING));
        Moto.startRecording(moto);
        assertThatThrownBy(() -> update.plan(List.of("/it/golden/x", "bad name"), "ami-XYZ", "", "1bad", "1bad"))
                .isInstanceOfSatisfying(InvalidDraftException.class, e -> assertThat(e.problems()).extracting(p -> p.field())
                        .contains("parameters", "imageId", "label", "previousLabel"));
        assertThat(Moto.stopRecording(moto)).isEmpty();
        assertThatThrownBy(() -> update.plan(List.of("/it/golden/secure"), second, "", "golden", "previous"))
                .isInstanceOf(InvalidDraftException.class).hasMessageContaining("SecureString");
    }

    private static Map<Long, List<String>> labels(String name) {
        return clients.ssm().getParameterHistory(b -> b.name(name)).parameters().stream()
                .collect(Collectors.toMap(ParameterHistory::version, ParameterHistory::labels));
    }
}
