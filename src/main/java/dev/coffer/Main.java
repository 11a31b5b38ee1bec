package dev.coffer;

import javafx.application.Application;
import picocli.CommandLine;

/**
 * The launcher. A plain class (not an Application) so Coffer starts from the class path and from
 * the packaged runtime alike. Handles --help, --version, --self-check and the
 * {@code login} and {@code audit} subcommands without starting JavaFX.
 */
public final class Main {

    private Main() {
    }

    /** Coffer's command line: the launch options and the {@code login} and {@code audit} subcommands. */
    static CommandLine commands(LaunchOptions options) {
        return new CommandLine(options).addSubcommand(new LoginCommand()).addSubcommand(new dev.coffer.audit.AuditCommand());
    }

    public static void main(String[] args) {
        LaunchOptions options = new LaunchOptions();
        // Building the subcommands costs a start some 100 ms of reflection: only when one may be named.
        boolean onlyOptions = java.util.Arrays.stream(args).allMatch(a -> a.startsWith("-") && !a.equals("-h") && !a.equals("--help"));
        CommandLine cli = onlyOptions ? new CommandLine(options) : commands(options);
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return;
            }
            if (parsed.hasSubcommand()) {
                // `coffer login …`, `coffer audit …`: runs the subcommand alone, without a window.
                System.exit(cli.execute(args));
            }
        } catch (CommandLine.ParameterException e) {
            cli.getErr().println(e.getMessage());
            e.getCommandLine().usage(cli.getErr());
            System.exit(2);
        }
        if (options.selfCheck()) {
            System.exit(SelfCheck.run(System.out));
        }
        App.prepare(options);
        Application.launch(App.class, args);
    }
}
