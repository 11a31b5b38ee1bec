package dev.coffer.aws;

import java.util.List;
import java.util.regex.Pattern;

/** The regions Coffer offers in its lists (any other can be typed), and what a region name looks like. */
public final class Regions {

    /** Offered in the Connect dialog, the window's region box and the replication dialog. */
    public static final List<String> OFFERED = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1",
            "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-northeast-2", "sa-east-1",
            "me-central-1", "af-south-1");

    /** us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-7. */
    private static final Pattern NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    private Regions() {
    }

    public static boolean looksLikeRegion(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
