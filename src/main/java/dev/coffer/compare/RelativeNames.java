package dev.coffer.compare;

/** Names relative to a side's root, and back. */
final class RelativeNames {

    private RelativeNames() {
    }

    /** "/apps/billing/prod/db/host" under "/apps/billing/prod" is "db/host"; under "/" it is "apps/billing/prod/db/host". */
    static String parameter(String name, String root) {
        if (root.equals("/")) {
            return name.startsWith("/") ? name.substring(1) : name;
        }
        return name.startsWith(root + "/") ? name.substring(root.length() + 1) : name;
    }

    static String parameterName(String relative, String root) {
        return root.equals("/") ? "/" + relative : root + "/" + relative;
    }

    /** "billing/prod/postgres" with the prefix "billing/prod/" is "postgres": what follows the prefix, as written. */
    static String secret(String name, String prefix) {
        return name.substring(prefix.length());
    }

    static String secretName(String relative, String prefix) {
        return prefix + relative;
    }
}
