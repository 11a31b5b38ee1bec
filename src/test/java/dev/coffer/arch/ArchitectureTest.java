package dev.coffer.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.coffer.audit.RevealRecorder;
import dev.coffer.audit.SessionClients;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.ClientFactory;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;

/**
 * The layers of docs/architecture.md, checked on the compiled classes: every reference counts,
 * fully-qualified ones as well as imports.
 */
class ArchitectureTest {

    /** Features: each owns its views and talks to the shell through an interface it declares. */
    private static final String[] FEATURES = {"dev.coffer.parameters..", "dev.coffer.secrets..", "dev.coffer.ami..",
            "dev.coffer.rotation..", "dev.coffer.audit..", "dev.coffer.compare..", "dev.coffer.usage.."};
    /** The features' domain and services, without their views. */
    private static final String[] FEATURE_DOMAIN = {"dev.coffer.parameters", "dev.coffer.secrets", "dev.coffer.ami",
            "dev.coffer.rotation", "dev.coffer.audit", "dev.coffer.kms", "dev.coffer.compare", "dev.coffer.usage"};
    /** The classes that call AWS for a feature (see docs/architecture.md). */
    private static final Set<String> STORES = Set.of("ParameterStore", "SecretStore", "KeyCatalog", "ImageCatalog",
            "RotationFunctions", "RotationSetup", "ConsumerStore", "DatabaseCatalog");
    /** Views, view models and controllers: everything a window is made of. */
    private static final String[] SCREENS = {"..view..", "dev.coffer.ui.kit..", "dev.coffer.ui.shell..", "dev.coffer.ui.connect.."};
    /** Domain and services: plain Java and the AWS SDK. */
    private static final String[] DOMAIN = {"dev.coffer.aws..", "dev.coffer.auth..", "dev.coffer.files..", "dev.coffer.kms..",
            "dev.coffer.parameters", "dev.coffer.secrets", "dev.coffer.ami", "dev.coffer.rotation", "dev.coffer.audit",
            "dev.coffer.compare", "dev.coffer.usage", "dev.coffer.sandbox.."};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.coffer");
    }

    @Test
    void noPackageCycles() {
        // "dev.(**)": every package is a slice of its own, dev.coffer itself included.
        slices().matching("dev.(**)").namingSlices("$1").should().beFreeOfCycles().check(main);
    }

    @Test
    void screensTouchNoAwsSdkType() {
        noClasses().that().resideInAnyPackage(SCREENS)
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .because("views, view models and controllers work with Coffer's own types; the stores speak to AWS")
                .check(main);
    }

    @Test
    void domainAndServicesUseNoJavaFx() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(main);
    }

    @Test
    void inTheFeaturesOnlyTheStoresSpeakToAws() {
        noClasses().that().resideInAnyPackage(FEATURE_DOMAIN).and().doNotHaveFullyQualifiedName(RevealRecorder.class.getName())
                .and(not(describe("a store", c -> STORES.contains(topLevelName(c)))))
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services..")
                .because("workflows (the audit report, the golden image update, copying, import and export) read and write "
                        + "through the stores, which keep every AWS call; the reveal recorder is an SDK interceptor (reading "
                        + "the AWS config files with the SDK's own parser is no call)")
                .check(main);
    }

    /** A nested class counts as the class it is in. */
    private static String topLevelName(JavaClass c) {
        String name = c.getName().substring(c.getPackageName().length() + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    @Test
    void onlyTheClientFactoryBuildsSdkClients() {
        DescribedPredicate<JavaMethodCall> buildsAClient = DescribedPredicate.describe("build an SDK client",
                call -> call.getTargetOwner().isAssignableTo(SdkClient.class)
                        && (call.getName().equals("builder") || call.getName().equals("create")));
        noClasses().that().doNotHaveFullyQualifiedName("dev.coffer.aws.ClientFactory")
                .should().callMethodWhere(buildsAClient)
                .check(main);
    }

    @Test
    void featuresDoNotKnowTheShell() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().resideInAnyPackage("dev.coffer.ui.shell..", "dev.coffer.ui.connect..")
                .because("a feature declares the small interface it needs, and the shell implements it")
                .check(main);
    }

    @Test
    void connectingKnowsNoShell() {
        noClasses().that().resideInAPackage("dev.coffer.ui.connect..")
                .should().dependOnClassesThat().resideInAPackage("dev.coffer.ui.shell..")
                .check(main);
    }

    @Test
    void everySessionOpensItsClientsThroughSessionClients() {
        noClasses().that().doNotHaveFullyQualifiedName(SessionClients.class.getName()).and().resideOutsideOfPackage("dev.coffer.aws")
                .should().callConstructor(ClientFactory.class, AwsSession.class, List.class)
                .because("an audit session's clients must record every value revealed, and SessionClients adds the recorder")
                .check(main);
    }

    @Test
    void theKitKnowsNoFeature() {
        noClasses().that().resideInAPackage("dev.coffer.ui.kit..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.coffer.ui.shell..", "dev.coffer.ui.connect..")
                .check(main);
    }

    @Test
    void awsDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("dev.coffer.aws..")
                .should().dependOnClassesThat(resideInAPackage("dev.coffer..").and(not(resideInAPackage("dev.coffer.aws.."))))
                .check(main);
    }

    @Test
    void nothingDependsOnTheEntryPoints() {
        noClasses().that().resideOutsideOfPackage("dev.coffer")
                .should().dependOnClassesThat().resideInAPackage("dev.coffer")
                .because("dev.coffer holds only the entry points (Main, the commands, the self-check)")
                .check(main);
    }

    @Test
    void viewModelsGoThroughTheBackgroundToReachTheFxThread() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().callMethod(Platform.class, "runLater", Runnable.class)
                .because("a view model hands work to the UI thread through its Background, so a test can run it on its own thread")
                .check(main);
    }

    @Test
    void onlyWindowsAndTheAppMakeStagesAndScenes() {
        DescribedPredicate<JavaConstructorCall> makesAWindow = DescribedPredicate.describe("create a Stage or a Scene",
                call -> call.getTargetOwner().isAssignableTo(Stage.class) || call.getTargetOwner().isAssignableTo(Scene.class));
        noClasses().that().doNotHaveFullyQualifiedName("dev.coffer.ui.kit.Windows")
                .and().doNotHaveFullyQualifiedName("dev.coffer.ui.shell.App")
                .should().callConstructorWhere(makesAWindow)
                .because("a screen is FXML named in Screen and opened through Windows.open, which gives every window its "
                        + "owner, modality, title, stylesheet and icons")
                .check(main);
    }

    @Test
    void rulesSeeTheWholeApplication() {
        // A rule over no classes passes whatever it says: make sure every layer was imported.
        assertThat(main.that(resideInAnyPackage(DOMAIN))).isNotEmpty();
        assertThat(main.that(resideInAnyPackage(SCREENS))).isNotEmpty();
    }
}
