package dev.coffer;

import dev.coffer.audit.AuditCommand;
import dev.coffer.compare.DiffCommand;
import dev.coffer.compare.PromoteCommand;
import dev.coffer.ui.shell.App;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Set;
import javafx.application.Application;
import picocli.CommandLine;

/**
 * The launcher. A plain class (not an Application) so Coffer starts from the class path and from
 * the packaged runtime alike. Handles --help, --version, --self-check and the
 * {@code login}, {@code audit}, {@code diff}, {@code promote} and {@code where-used} subcommands without starting JavaFX.
 */
public final class Main {

    /** The subcommands' names, as {@link #commands} registers them: only these make Main build them. */
    static final Set<String> SUBCOMMANDS = Set.of("login", "audit", "diff", "promote", "where-used");

    private Main() {
    }

    /** Coffer's command line: the launch options and the {@code login}, {@code audit}, {@code diff}, {@code promote} and {@code where-used} subcommands. */
    static CommandLine commands(LaunchOptions options) {
        return new CommandLine(options).addSubcommand(new LoginCommand()).addSubcommand(new AuditCommand())
                .addSubcommand(new DiffCommand()).addSubcommand(new PromoteCommand()).addSubcommand(new WhereUsedCommand());
    }

    public static void main(String[] args) {
        // The usual start asks for no subcommand, help, version or self-check: its options are parsed
        // while JavaFX starts (a new JVM's first picocli parse takes some 0.3 s), and a bad one still
        // stops Coffer before any window opens (App.init).
        if (Arrays.stream(args).noneMatch(Main::answeredWithoutWindow)) {
            StartupClasses.preload();
            prepare(args);
            try {
                Application.launch(App.class, args);
            } catch (RuntimeException e) {
                // Without a display JavaFX fails before App.init: a bad option is still the first thing to say.
                App.startOptions();
                throw e;
            }
            return;
        }
        LaunchOptions options = new LaunchOptions();
        CommandLine cli = commands(options);
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return;
            }
            if (parsed.hasSubcommand()) {
                // `coffer login …`, `coffer audit …`, `coffer diff …`: runs the subcommand alone, without a window.
                System.exit(cli.execute(args));
            }
        } catch (CommandLine.ParameterException e) {
            refuse(e);
        }
        if (options.selfCheck()) {
            System.exit(SelfCheck.run(System.out));
        }
        StartupClasses.preload();
        prepare(args);
        Application.launch(App.class, args);
    }

    /** Hands the window's options to the app, parsed while JavaFX starts; a bad one ends Coffer with status 2. */
    private static void prepare(String[] args) {
        App.prepare(() -> LaunchOptions.parse(args).start(), error -> {
            if (error instanceof CommandLine.ParameterException bad) {
                refuse(bad);
            }
        });
    }

    /** Whether an argument may ask for something Coffer answers without a window (short options are only -h and -V). */
    private static boolean answeredWithoutWindow(String arg) {
        return SUBCOMMANDS.contains(arg) || arg.equals("--help") || arg.equals("--version") || arg.equals("--self-check")
                || arg.startsWith("-") && !arg.startsWith("--");
    }

    /** A bad option: says what was wrong and how to use Coffer, and exits with status 2. */
    static void refuse(CommandLine.ParameterException e) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println(e.getMessage());
        e.getCommandLine().usage(err);
        System.exit(2);
    }
}
