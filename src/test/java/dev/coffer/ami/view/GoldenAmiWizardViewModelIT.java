package dev.coffer.ami.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.ami.CurrentImage;
import dev.coffer.ami.GoldenImageUpdate;
import dev.coffer.ami.ImageCatalog;
import dev.coffer.ami.ImageIds;
import dev.coffer.ami.MachineImage;
import dev.coffer.ami.view.GoldenAmiWizardViewModel.ComparedField;
import dev.coffer.ami.view.GoldenAmiWizardViewModel.Page;
import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.HeldBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import dev.coffer.testsupport.proxy.Fault;
import dev.coffer.testsupport.proxy.FaultRule;
import dev.coffer.usage.ConsumerIndex;
import dev.coffer.usage.view.ConsumerScan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The golden AMI wizard's view model against moto, without a window: every page's state, checks, navigation and apply. */
@WithMoto
class GoldenAmiWizardViewModelIT {

    private static MotoServer moto;
    private static ClientFactory clients;
    private static ParameterStore parameters;
    private static String current;
    private static String next;
    private static String arm;

    private final List<String> changed = new ArrayList<>();
    /** The window's cache of the connection's where-used scan. */
    private final ObjectProperty<ConsumerIndex> scanned = new SimpleObjectProperty<>();

    @BeforeAll
    static void connect(MotoServer server) {
        moto = server;
        clients = Moto.clients(moto, false);
        parameters = new ParameterStore(clients);
        List<Image> amazonLinux = clients.ec2().describeImages(b -> b.owners("amazon").filters(
                Filter.builder().name("name").values("amzn2-ami-hvm-*").build(),
                Filter.builder().name("architecture").values("x86_64").build())).images();
        current = amazonLinux.get(0).imageId();
        next = amazonLinux.get(1).imageId();
        arm = clients.ec2().describeImages(b -> b.owners("amazon").filters(Filter.builder().name("architecture").values("arm64").build()))
                .images().get(0).imageId();
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    private static void put(String name, String value) {
        clients.ssm().putParameter(b -> b.name(name).value(value).type(ParameterType.STRING).dataType("aws:ec2:image").overwrite(true));
    }

    /** The wizard opened on {@code start} (an existing parameter), on its first page. */
    private GoldenAmiWizardViewModel wizard(String start) {
        return wizard(start, new ConsumerScan(new SameThreadBackground(), clients, scanned));
    }

    /** As {@link #wizard(String)}, looking for consumers through {@code consumers}. */
    private GoldenAmiWizardViewModel wizard(String start, ConsumerScan consumers) {
        GoldenAmiWizardViewModel vm = new GoldenAmiWizardViewModel(new SameThreadBackground(), parameters, new ImageCatalog(clients),
                new GoldenImageUpdate(parameters), consumers, parameters.describe(start), changed::addAll);
        vm.start();
        return vm;
    }

    private static void add(GoldenAmiWizardViewModel vm, String name) {
        vm.nameToAddProperty().set(name);
        vm.addParameter();
    }

    /** From the first page to the review, moving to {@code image}, confirming a change of architecture if asked. */
    private static void toReview(GoldenAmiWizardViewModel vm, String image) {
        vm.next();
        vm.imageIdProperty().set(image);
        vm.next();
        assertThat(vm.pageProperty().get()).as(vm.statusProperty().get()).isEqualTo(Page.COMPARE);
        vm.confirmedProperty().set(vm.needsConfirmationProperty().get());
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.REVIEW);
    }

    private static long calls(String operation) {
        return clients.calls().count(operation);
    }

    private static Map<Long, List<String>> labels(String name) {
        return clients.ssm().getParameterHistory(b -> b.name(name)).parameters().stream()
                .collect(Collectors.toMap(ParameterHistory::version, ParameterHistory::labels));
    }

    @Test
    void theFirstPageShowsTheImageEachParameterNamesAndWarnsAboutTheOthers() {
        String prod = "/vm/first/prod";
        put(prod, current);
        clients.ssm().putParameter(b -> b.name("/vm/first/secure").value(current).type(ParameterType.SECURE_STRING));
        clients.ssm().putParameter(b -> b.name("/vm/first/text").value("latest").type(ParameterType.STRING));
        put("/vm/first/unknown", "ami-0123456789abcdef0");

        GoldenAmiWizardViewModel vm = wizard(prod);
        assertThat(vm.pageProperty().get()).isEqualTo(Page.PARAMETERS);
        assertThat(vm.currents()).singleElement().satisfies(c -> {
            assertThat(c.image().map(MachineImage::name).orElse("")).startsWith("amzn2-ami-hvm-");
            assertThat(GoldenAmiWizardViewModel.version(c)).isEqualTo("1");
            assertThat(GoldenAmiWizardViewModel.value(c)).isEqualTo(current);
        });
        assertThat(vm.currentWarningsProperty().get()).isEmpty();
        assertThat(vm.canGoOnProperty().get()).isTrue();
        assertThat(vm.canGoBackProperty().get()).isFalse();

        add(vm, "bad name");
        assertThat(vm.statusProperty().get()).isNotEmpty();
        assertThat(vm.names()).containsExactly(prod);
        assertThat(vm.nameToAddProperty().get()).as("a refused name stays to be corrected").isEqualTo("bad name");

        for (String name : List.of("/vm/first/new", "/vm/first/secure", "/vm/first/text", "/vm/first/unknown", prod)) {
            add(vm, name);
        }
        assertThat(vm.names()).containsExactly(prod, "/vm/first/new", "/vm/first/secure", "/vm/first/text", "/vm/first/unknown");
        assertThat(vm.currents()).extracting(CurrentImage::parameter).containsExactlyElementsOf(vm.names());
        assertThat(vm.currents()).extracting(GoldenAmiWizardViewModel::version).containsExactly("1", "new", "1", "1", "1");
        assertThat(vm.currents()).extracting(GoldenAmiWizardViewModel::value).containsExactly(current, "", "(SecureString)", "latest",
                "ami-0123456789abcdef0");
        assertThat(vm.currentWarningsProperty().get().split("\n")).containsExactly(
                "/vm/first/secure does not hold an AMI id (it is a SecureString).",
                "/vm/first/text does not hold an AMI id.",
                "/vm/first/unknown: ami-0123456789abcdef0 is not an available image in this region (DescribeImages does not know it).");

        for (String name : List.copyOf(vm.names())) {
            vm.removeParameter(name);
        }
        assertThat(vm.currents()).isEmpty();
        assertThat(vm.canGoOnProperty().get()).as("no parameter, no next page").isFalse();
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.PARAMETERS);
    }

    @Test
    void theNewImageIsSearchedResolvedOrTypedAndABadIdIsRefusedBeforeAnyCall() {
        String prod = "/vm/image/prod";
        put(prod, current);
        GoldenAmiWizardViewModel vm = wizard(prod);
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.NEW_IMAGE);
        assertThat(vm.ownerProperty().get()).isEqualTo("self");

        long describes = calls("DescribeImages");
        vm.ownerProperty().set("nobody");
        vm.namePatternProperty().set("x".repeat(129));
        vm.search();
        assertThat(vm.statusProperty().get().split("\n")).as("every problem at once").hasSize(2)
                .anyMatch(line -> line.contains("\"nobody\" is not an owner")).anyMatch(line -> line.contains("at most 128 characters"));
        assertThat(calls("DescribeImages")).isEqualTo(describes);

        vm.ownerProperty().set("amazon");
        vm.namePatternProperty().set("amzn2-ami-hvm-*");
        vm.architectureProperty().set("x86_64");
        vm.search();
        assertThat(vm.found()).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(i -> i.architecture().equals("x86_64") && i.name().startsWith("amzn2-ami-hvm-"))
                .isSortedAccordingTo(Comparator.comparing((MachineImage i) -> i.created().orElse(Instant.EPOCH)).reversed());
        assertThat(vm.statusProperty().get()).isEqualTo(vm.found().size() + " images, newest first.");
        MachineImage chosen = vm.found().get(1);
        vm.choose(chosen);
        assertThat(vm.imageIdProperty().get()).isEqualTo(chosen.id());

        vm.publicParameterProperty().set("/golden/ami/prod");
        vm.resolvePublicParameter();
        assertThat(vm.statusProperty().get()).isEqualTo("A public parameter starts with /aws/service/.");
        assertThat(vm.imageIdProperty().get()).isEqualTo(chosen.id());
        vm.publicParameterProperty().set("/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2");
        vm.resolvePublicParameter();
        assertThat(vm.statusProperty().get()).isEmpty();
        assertThat(ImageIds.valid(vm.imageIdProperty().get())).isTrue();

        describes = calls("DescribeImages");
        vm.imageIdProperty().set("ami-12XY");
        vm.next();
        assertThat(vm.statusProperty().get()).contains("\"ami-12XY\" is not an AMI id").contains("8 or 17 lowercase hex digits");
        assertThat(vm.pageProperty().get()).isEqualTo(Page.NEW_IMAGE);
        assertThat(calls("DescribeImages")).as("a bad id is refused before DescribeImages is asked").isEqualTo(describes);

        vm.imageIdProperty().set("ami-0123456789abcdef0");
        vm.next();
        assertThat(vm.statusProperty().get()).isEqualTo("AWS knows no image ami-0123456789abcdef0 in this region, or it is not shared with this account.");
        assertThat(vm.pageProperty().get()).isEqualTo(Page.NEW_IMAGE);

        vm.back();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.PARAMETERS);
        assertThat(vm.names()).containsExactly(prod);
        vm.next();
        assertThat(vm.imageIdProperty().get()).as("the page is as the user left it").isEqualTo("ami-0123456789abcdef0");
        assertThat(vm.ownerProperty().get()).isEqualTo("amazon");
    }

    @Test
    void aChangeOfArchitectureMustBeConfirmedBeforeTheReview() {
        String other = "/vm/compare/other";
        put(other, current);
        GoldenAmiWizardViewModel vm = wizard(other);
        vm.next();
        vm.imageIdProperty().set(arm);
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.COMPARE);
        assertThat(vm.newImageProperty().get().id()).isEqualTo(arm);
        assertThat(vm.compareHeadings()).containsExactly("New", "Current");
        assertThat(vm.comparison()).extracting(ComparedField::field).containsExactly("Image id", "Name", "Description", "Created",
                "Architecture", "Platform", "Owner", "State", "Deprecation");
        assertThat(vm.comparison()).filteredOn(f -> f.field().equals("Image id")).singleElement()
                .extracting(ComparedField::values).isEqualTo(List.of(arm, current));
        assertThat(vm.comparison()).filteredOn(f -> f.field().equals("Architecture")).singleElement()
                .extracting(ComparedField::values).isEqualTo(List.of("arm64", "x86_64"));
        assertThat(vm.compareWarningsProperty().get()).contains("The architecture changes from x86_64 to arm64.");
        assertThat(vm.needsConfirmationProperty().get()).isTrue();
        assertThat(vm.canGoOnProperty().get()).isFalse();
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.COMPARE);

        vm.confirmedProperty().set(true);
        assertThat(vm.canGoOnProperty().get()).isTrue();
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.REVIEW);
        assertThat(clients.ssm().getParameter(b -> b.name(other)).parameter().value()).isEqualTo(current);

        // Another image of the same architecture needs no confirmation; a new choice needs a new tick.
        vm.back();
        vm.back();
        vm.imageIdProperty().set(next);
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.COMPARE);
        assertThat(vm.needsConfirmationProperty().get()).isFalse();
        assertThat(vm.confirmedProperty().get()).isFalse();
        assertThat(vm.compareWarningsProperty().get()).isEmpty();
        assertThat(vm.canGoOnProperty().get()).isTrue();
    }

    @Test
    void theReviewShowsEveryProblemAtOnceAndApplyWaitsUntilThereAreNone() {
        String prod = "/vm/review/prod";
        put(prod, current);
        GoldenAmiWizardViewModel vm = wizard(prod);
        add(vm, "/vm/review/fresh");
        toReview(vm, next);
        assertThat(vm.planLines()).containsExactly(
                prod + ": " + current + " (version 1) → " + next
                        + ", data type aws:ec2:image; label golden moves to the new version; previous to version 1",
                "/vm/review/fresh: created with " + next + ", data type aws:ec2:image; label golden moves to the new version");
        assertThat(vm.reviewProblemsProperty().get()).isEmpty();
        assertThat(vm.canGoOnProperty().get()).isTrue();

        long puts = calls("PutParameter");
        vm.noteProperty().set("n".repeat(1025));
        vm.labelProperty().set("1bad");
        vm.previousLabelProperty().set("1bad");
        assertThat(vm.reviewProblemsProperty().get().split("\n"))
                .anyMatch(line -> line.contains("at most 1024 characters"))
                .anyMatch(line -> line.contains("starts with a digit"))
                .anyMatch(line -> line.contains("must differ"))
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(vm.canGoOnProperty().get()).isFalse();
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.REVIEW);
        assertThat(calls("PutParameter")).isEqualTo(puts);

        vm.noteProperty().set("CHG-1");
        vm.labelProperty().set(" golden ");
        vm.previousLabelProperty().set("");
        assertThat(vm.reviewProblemsProperty().get()).isEmpty();
        assertThat(vm.planLines().get(0)).endsWith("; label golden moves to the new version");
        assertThat(vm.canGoOnProperty().get()).isTrue();
    }

    @Test
    void applyPutsTheImageMovesTheLabelsVerifiesAndSaysWhatChanged() {
        String prod = "/vm/apply/prod";
        String staging = "/vm/apply/staging";
        String fresh = "/vm/apply/fresh";
        put(prod, current);
        put(staging, current);
        GoldenAmiWizardViewModel vm = wizard(prod);
        add(vm, staging);
        add(vm, fresh);
        toReview(vm, next);
        vm.noteProperty().set("CHG-1042: monthly patch image");
        vm.next();

        assertThat(vm.pageProperty().get()).as(vm.statusProperty().get()).isEqualTo(Page.DONE);
        assertThat(vm.finishedProperty().get()).isTrue();
        assertThat(vm.canGoBackProperty().get()).isFalse();
        assertThat(vm.onLastPage()).isTrue();
        assertThat(vm.statusProperty().get()).isEmpty();
        assertThat(vm.results()).containsExactly(
                prod + ": version 2 holds " + next + " (was version 1); golden → version 2; previous → version 1. Verified: AWS shows the new version.",
                staging + ": version 2 holds " + next + " (was version 1); golden → version 2; previous → version 1. Verified: AWS shows the new version.",
                fresh + ": version 1 holds " + next + "; golden → version 1. Verified: AWS shows the new version.");
        assertThat(changed).containsExactly(prod, staging, fresh);
        for (String name : List.of(prod, staging)) {
            var p = clients.ssm().getParameter(b -> b.name(name)).parameter();
            assertThat(p.value()).isEqualTo(next);
            assertThat(p.dataType()).isEqualTo("aws:ec2:image");
            assertThat(labels(name)).containsEntry(2L, List.of("golden")).containsEntry(1L, List.of("previous"));
            assertThat(clients.ssm().getParameterHistory(b -> b.name(name)).parameters().get(1).description())
                    .isEqualTo("CHG-1042: monthly patch image");
        }
        assertThat(labels(fresh)).containsEntry(1L, List.of("golden"));
    }

    @Test
    void whenAwsRefusesAStepOfTheApplyEverythingTypedIsKept() {
        String first = "/vm/refused/first";
        String second = "/vm/refused/second";
        put(first, current);
        put(second, current);
        // AWS allows ten labels on a version: "previous" cannot join them, so the second parameter's last step is refused.
        clients.ssm().labelParameterVersion(b -> b.name(second).parameterVersion(1L)
                .labels(IntStream.range(0, 10).mapToObj(i -> "release-" + i).toList()));
        GoldenAmiWizardViewModel vm = wizard(first);
        add(vm, second);
        toReview(vm, next);
        vm.noteProperty().set("CHG-9");
        vm.next();

        assertThat(vm.statusProperty().get()).contains("ParameterVersionLabelLimitExceeded")
                .endsWith("Parameters listed before the failure may already be updated.");
        assertThat(vm.pageProperty().get()).isEqualTo(Page.REVIEW);
        assertThat(vm.finishedProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.canGoOnProperty().get()).as("the user may correct and apply again").isTrue();
        assertThat(vm.canGoBackProperty().get()).isTrue();
        assertThat(vm.names()).containsExactly(first, second);
        assertThat(vm.imageIdProperty().get()).isEqualTo(next);
        assertThat(vm.noteProperty().get()).isEqualTo("CHG-9");
        assertThat(vm.labelProperty().get()).isEqualTo("golden");
        assertThat(vm.previousLabelProperty().get()).isEqualTo("previous");
        assertThat(vm.results()).isEmpty();
        assertThat(changed).as("the tree re-reads what may have changed").containsExactly(first, second);
        assertThat(clients.ssm().getParameter(b -> b.name(first)).parameter().value()).as("the step before was done").isEqualTo(next);
    }

    @Test
    void aParameterChangedByOthersDuringTheApplyIsRefusedAndThePagesKeepTheirInput() {
        String first = "/vm/conflict/first";
        String second = "/vm/conflict/second";
        put(first, current);
        put(second, current);
        GoldenAmiWizardViewModel vm = wizard(first);
        add(vm, second);
        toReview(vm, next);
        // Someone else saves the second parameter while the wizard updates the first.
        vm.statusProperty().addListener((o, was, now) -> {
            if (now.startsWith("Updated " + first)) {
                put(second, arm);
            }
        });
        vm.next();

        assertThat(vm.statusProperty().get()).endsWith("Go back to the first page to read the parameters again.");
        assertThat(vm.pageProperty().get()).isEqualTo(Page.REVIEW);
        assertThat(clients.ssm().getParameter(b -> b.name(second)).parameter().value()).as("the other change stands").isEqualTo(arm);
        vm.back();
        vm.back();
        vm.back();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.PARAMETERS);
        assertThat(vm.currents()).extracting(GoldenAmiWizardViewModel::version).containsExactly("2", "2");
        assertThat(vm.currents()).extracting(GoldenAmiWizardViewModel::value).containsExactly(next, arm);
        assertThat(vm.imageIdProperty().get()).isEqualTo(next);
    }
    /** Launch templates that follow {@code name} and pin its version 1, and a stack whose parameter names it. */
    private static void consumersOf(String name, String prefix) {
        clients.ec2().createLaunchTemplate(b -> b.launchTemplateName(prefix + "-follows")
                .launchTemplateData(d -> d.imageId("resolve:ssm:" + name).instanceType("t3.micro")));
        clients.ec2().createLaunchTemplate(b -> b.launchTemplateName(prefix + "-pinned")
                .launchTemplateData(d -> d.imageId("resolve:ssm:" + name + ":1").instanceType("t3.micro")));
        clients.cloudFormation().createStack(b -> b.stackName(prefix + "-stack").templateBody("""
                {"Parameters": {"ImageId": {"Type": "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", "Default": "%s"}},
                 "Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}
                """.formatted(name)));
    }

    @Test
    void theReviewAndTheDonePageSayWhichLaunchTemplatesAndStacksFollowTheNewImageAndWhichNeedAnAction() {
        String prod = "/vm/consumers/prod";
        String staging = "/vm/consumers/staging";
        put(prod, current);
        put(staging, current);
        consumersOf(prod, "vm-prod");
        clients.ec2().createLaunchTemplate(b -> b.launchTemplateName("vm-staging-follows")
                .launchTemplateData(d -> d.imageId("resolve:ssm:" + staging).instanceType("t3.micro")));
        GoldenAmiWizardViewModel vm = wizard(prod);
        add(vm, staging);
        toReview(vm, next);

        assertThat(scanned.get()).as("the wizard scanned, for this lookup and the window's later ones").isNotNull();
        List<String> follow = List.of(
                prod + ": launch template vm-prod-follows, version 1 (default and latest) ImageId: follows, its next launch uses the new image",
                staging + ": launch template vm-staging-follows, version 1 (default and latest) ImageId: follows, its next launch uses the new image");
        List<String> act = List.of(
                prod + ": stack vm-prod-stack, Parameters.ImageId: resolves the parameter only at its next stack update; update stack vm-prod-stack",
                prod + ": launch template vm-prod-pinned, version 1 (default and latest) ImageId: pinned to version 1, will not follow the update");
        assertThat(vm.followers()).containsExactlyElementsOf(follow);
        assertThat(vm.needAction()).containsExactlyElementsOf(act);
        assertThat(vm.consumersNoteProperty().get())
                .isEqualTo("2 follow the new image by themselves and 2 need an action.");
        assertThat(vm.canLookForConsumersProperty().get()).isFalse();
        assertThat(vm.lookingForConsumersProperty().get()).isFalse();

        // A parameter taken out of the update takes its consumers with it.
        vm.back();
        vm.back();
        vm.back();
        vm.removeParameter(staging);
        toReview(vm, next);
        assertThat(vm.followers()).containsExactly(follow.get(0));
        assertThat(vm.needAction()).containsExactlyElementsOf(act);

        vm.next();
        assertThat(vm.pageProperty().get()).as(vm.statusProperty().get()).isEqualTo(Page.DONE);
        assertThat(vm.results()).singleElement().asString().contains("Verified");
        assertThat(vm.followers()).as("the Done page repeats the list").containsExactly(follow.get(0));
        assertThat(vm.needAction()).containsExactlyElementsOf(act);
        assertThat(vm.consumersNoteProperty().get())
                .isEqualTo("1 follows the new image by itself and 2 need an action.");
    }

    @Test
    void theWindowsScanIsUsedWithoutScanningAgain() {
        String prod = "/vm/cached/prod";
        put(prod, current);
        consumersOf(prod, "vm-cached");
        new ConsumerScan(new SameThreadBackground(), clients, scanned).scan();
        assertThat(scanned.get()).isNotNull();
        long templates = calls("GetTemplate");
        long versions = calls("DescribeLaunchTemplateVersions");

        GoldenAmiWizardViewModel vm = wizard(prod);
        toReview(vm, next);

        assertThat(calls("GetTemplate")).isEqualTo(templates);
        assertThat(calls("DescribeLaunchTemplateVersions")).isEqualTo(versions);
        assertThat(vm.followers()).singleElement().asString().startsWith(prod + ": launch template vm-cached-follows,");
        assertThat(vm.needAction()).hasSize(2);
    }

    @Test
    void aCancelledScanLeavesTheConsumersUnknownTheUpdateGoesOnAndLookingAgainFillsTheList() {
        String prod = "/vm/cancelled/prod";
        put(prod, current);
        consumersOf(prod, "vm-cancelled");
        HeldBackground scanning = new HeldBackground();
        GoldenAmiWizardViewModel vm = wizard(prod, new ConsumerScan(scanning, clients, scanned));
        toReview(vm, next);
        assertThat(vm.lookingForConsumersProperty().get()).isTrue();
        assertThat(vm.consumersNoteProperty().get()).startsWith("Looking for the launch templates and stacks that use these parameters…");
        assertThat(vm.canGoOnProperty().get()).as("Apply does not wait for the scan").isTrue();

        vm.stopLookingForConsumers();
        scanning.runAll();

        assertThat(vm.lookingForConsumersProperty().get()).isFalse();
        assertThat(vm.consumersNoteProperty().get())
                .isEqualTo("Consumers unknown: the scan was cancelled. The update does not need them; check them later with Where used…");
        assertThat(vm.followers()).isEmpty();
        assertThat(vm.needAction()).isEmpty();
        assertThat(vm.canLookForConsumersProperty().get()).isTrue();
        assertThat(scanned.get()).isNull();

        vm.next();
        assertThat(vm.pageProperty().get()).as(vm.statusProperty().get()).isEqualTo(Page.DONE);
        assertThat(vm.results()).singleElement().asString().contains("Verified");
        assertThat(vm.consumersNoteProperty().get()).startsWith("Consumers unknown: the scan was cancelled.");

        vm.lookForConsumers();
        scanning.runAll();
        assertThat(vm.followers()).singleElement().asString().startsWith(prod + ": launch template vm-cancelled-follows,");
        assertThat(vm.needAction()).hasSize(2);
    }

    @Test
    void aScanThatCouldReadNothingSaysTheConsumersAreUnknownAndTheUpdateGoesOn() {
        String prod = "/vm/unreadable/prod";
        put(prod, current);
        consumersOf(prod, "vm-unreadable");
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory expired = proxy.clients(true)) {
            proxy.inject(FaultRule.of(Fault.EXPIRED_TOKEN));
            GoldenAmiWizardViewModel vm = wizard(prod, new ConsumerScan(new SameThreadBackground(), expired, scanned));
            toReview(vm, next);

            assertThat(vm.consumersNoteProperty().get()).startsWith("Consumers unknown: ")
                    .contains("CloudFormation stacks could not be read: ").contains("EC2 launch templates could not be read: ")
                    .endsWith("The update does not need them.");
            assertThat(vm.followers()).isEmpty();
            assertThat(vm.needAction()).isEmpty();

            vm.next();
            assertThat(vm.pageProperty().get()).as(vm.statusProperty().get()).isEqualTo(Page.DONE);
            assertThat(vm.results()).singleElement().asString().contains("Verified");
        }
    }
}
