package dev.coffer.secrets;

import java.util.List;

/**
 * The outcome of checking a resource policy: first that it is JSON (a parse error gives the line
 * and column), then Secrets Manager's ValidateResourcePolicy (syntax, broad access such as a
 * wildcard principal, lock-out). Each finding reads "KIND: message", for example
 * "ERROR: Not valid JSON at line 3, column 5: ..." or "BROAD_ACCESS: ..." (the check name AWS
 * reports, upper case).
 *
 * @param valid true when the policy is JSON and AWS found nothing wrong
 */
public record PolicyCheck(boolean valid, List<String> findings) {

    public PolicyCheck {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
