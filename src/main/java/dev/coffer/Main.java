package dev.coffer;

import javafx.application.Application;
import picocli.CommandLine;

/**
 * The launcher. A plain class (not an Application) so Coffer starts from the class path and from
 * the packaged runtime alike. Handles --help, --version and --self-check without starting JavaFX.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LaunchOptions options = new LaunchOptions();
        CommandLine cli = new CommandLine(options);
        cli.addSubcommand(new dev.coffer.audit.AuditCommand());
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return;
            }
        } catch (CommandLine.ParameterException e) {
            cli.getErr().println(e.getMessage());
            e.getCommandLine().usage(cli.getErr());
            System.exit(2);
        }
        if (cli.getParseResult().subcommand() != null) {
            // A subcommand (audit) runs without a window; its options are already parsed.
            System.exit(new CommandLine.RunLast().execute(cli.getParseResult()));
        }
        if (options.selfCheck()) {
            System.exit(SelfCheck.run(System.out));
        }
        App.prepare(options);
        Application.launch(App.class, args);
    }
}
