package dev.coffer.parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameter names as a hierarchy. "/a/b/c" is the leaf "c" in folder "/a/b"; a name without a
 * leading slash ("build-number") is a leaf of the root "/".
 */
public final class ParameterPath {

    public static final String ROOT = "/";

    private ParameterPath() {
    }

    /** Folder segments of a name: "/a/b/c" gives [a, b]; "top" gives []. */
    public static List<String> folderSegments(String name) {
        List<String> segments = new ArrayList<>();
        int start = name.startsWith("/") ? 1 : 0;
        int slash;
        while ((slash = name.indexOf('/', start)) >= 0) {
            if (slash > start) {
                segments.add(name.substring(start, slash));
            }
            start = slash + 1;
        }
        return segments;
    }

    public static String leafOf(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    public static String parentOf(String name) {
        int slash = name.lastIndexOf('/');
        return slash <= 0 ? ROOT : name.substring(0, slash);
    }

    /** "/" + segments joined by "/", e.g. [a, b] gives "/a/b". */
    public static String folderPath(List<String> segments) {
        return segments.isEmpty() ? ROOT : "/" + String.join("/", segments);
    }
}
