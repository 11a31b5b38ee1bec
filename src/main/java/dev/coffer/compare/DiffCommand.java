package dev.coffer.compare;

import dev.coffer.about.Version;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.ServiceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coffer diff}: compares two sides and prints what differs, for pipelines that watch for
 * drift. Both sides are opened read-only, so it cannot change anything.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class, sortOptions = false,
        description = {"Compare parameters and secrets of two sides (read-only: nothing is changed in AWS). Values are never printed.",
            "Exit code: 0 the sides are the same, 1 they differ, 2 bad options, 3 AWS or a file could not be read."})
public final class DiffCommand extends SideOptions implements Callable<Integer> {

    /** Exit code: the sides differ. */
    public static final int DRIFT = 1;

    @Option(names = "--include-values", description = "Compare values too (decrypted in memory, never printed); without it metadata only.")
    boolean includeValues;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ClientFactory> opened = new ArrayList<>();
        try {
            Side left;
            Side right;
            try {
                left = side(true, true, opened);
                right = side(false, true, opened);
            } catch (IllegalArgumentException bad) {
                err.println(AwsErrors.explain(bad).text());
                return BAD_OPTIONS;
            }
            Comparison comparison = Comparer.compare(left, right, new CompareOptions(includeValues, tags), message -> { }, () -> false);
            out.print(ComparisonReport.diff(comparison, format));
            out.flush();
            return comparison.same() ? 0 : DRIFT;
        } catch (IOException | RuntimeException e) {
            err.println(ServiceText.printable(AwsErrors.explain(e).commandText()));
            return FAILED;
        } finally {
            opened.forEach(ClientFactory::close);
        }
    }
}
