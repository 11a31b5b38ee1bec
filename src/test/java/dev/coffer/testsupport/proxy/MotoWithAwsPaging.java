package dev.coffer.testsupport.proxy;

import dev.coffer.sandbox.MotoServer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A moto_server of its own that pages DescribeParameters as AWS does, for inventories too large
 * for {@link AwsProxy#awsPaging}: that reads moto's whole filtered list at a listing's first page,
 * and moto scans every parameter again for each of its 10-item pages, so 50,000 parameters took
 * about 25 minutes before the first page. This moto loads {@code aws-paging/sitecustomize.py}
 * (beside this class in the test resources), which keeps a listing's filtered list after one scan
 * and serves MaxResults 1 to 50 from it. Put {@link AwsProxy#startAwsLike} with
 * {@code awsPaging(false)} in front of it for the round trip and the throttling.
 */
public final class MotoWithAwsPaging {

    private MotoWithAwsPaging() {
    }

    /** Starts it on a free loopback port, with this extra environment (the recorder's, for example). */
    public static MotoServer start(Optional<Path> log, Map<String, String> environment) {
        Map<String, String> withPaging = new HashMap<>(environment);
        withPaging.put("PYTHONPATH", pagingFolder().toString());
        return MotoServer.start(log, withPaging);
    }

    private static Path pagingFolder() {
        URL patch = MotoWithAwsPaging.class.getResource("aws-paging/sitecustomize.py");
        if (patch == null) {
            throw new IllegalStateException("aws-paging/sitecustomize.py is missing from the test resources");
        }
        try {
            return Path.of(patch.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
