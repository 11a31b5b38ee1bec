package dev.coffer.ami;

import dev.coffer.aws.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What to look for among images: owner ("self", "amazon", "aws-marketplace" or a 12-digit account
 * id), a name pattern with AWS's wildcards (* and ?), an architecture and a platform (empty: any).
 */
public record ImageSearch(String owner, String namePattern, String architecture, String platform) {

    public static final List<String> ARCHITECTURES = List.of("", "x86_64", "arm64", "i386", "x86_64_mac", "arm64_mac");
    /** Platform as the "platform" filter knows it: only Windows images carry one. */
    public static final List<String> PLATFORMS = List.of("", "Linux/UNIX", "Windows");
    private static final Pattern OWNER = Pattern.compile("self|amazon|aws-marketplace|[0-9]{12}");

    public ImageSearch {
        owner = owner == null ? "" : owner.trim();
        namePattern = namePattern == null ? "" : namePattern.trim();
        architecture = architecture == null ? "" : architecture;
        platform = platform == null ? "" : platform;
    }

    /** Every problem at once; empty when the search can be sent. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (owner.isEmpty()) {
            problems.add(new Problem("owner", "Choose an owner: self, amazon, aws-marketplace or a 12-digit account id "
                    + "(listing every public image is too slow to be useful)."));
        } else if (!OWNER.matcher(owner).matches()) {
            problems.add(new Problem("owner", "\"" + owner + "\" is not an owner: use self, amazon, aws-marketplace or a 12-digit account id."));
        }
        if (namePattern.length() > 128) {
            problems.add(new Problem("name", "An image name has at most 128 characters."));
        }
        if (!ARCHITECTURES.contains(architecture)) {
            problems.add(new Problem("architecture", "Unknown architecture \"" + architecture + "\"."));
        }
        if (!PLATFORMS.contains(platform)) {
            problems.add(new Problem("platform", "Unknown platform \"" + platform + "\"."));
        }
        return problems;
    }
}
