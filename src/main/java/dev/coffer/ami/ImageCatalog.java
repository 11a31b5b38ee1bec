package dev.coffer.ami;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

/** EC2 machine images (DescribeImages) and the public parameters that name the latest ones. Plain Java; no UI types. */
public final class ImageCatalog {

    /** The most images a search returns, newest first. */
    public static final int SEARCH_LIMIT = 200;
    /** Where AWS publishes the ids of its latest images. */
    public static final String PUBLIC_PREFIX = "/aws/service/";

    private final ClientFactory clients;

    public ImageCatalog(ClientFactory clients) {
        this.clients = clients;
    }

    /**
     * The images matching {@code search}, newest first, at most {@value #SEARCH_LIMIT}. The search
     * is checked first; a problem throws {@link InvalidDraftException} before anything is sent.
     */
    public List<MachineImage> search(ImageSearch search) {
        List<Problem> problems = search.problems();
        if (!problems.isEmpty()) {
            throw new InvalidDraftException(problems);
        }
        DescribeImagesRequest.Builder request = DescribeImagesRequest.builder().owners(search.owner());
        List<Filter> filters = new ArrayList<>();
        if (!search.namePattern().isEmpty()) {
            filters.add(Filter.builder().name("name").values(search.namePattern()).build());
        }
        if (!search.architecture().isEmpty()) {
            filters.add(Filter.builder().name("architecture").values(search.architecture()).build());
        }
        // The "platform" filter only knows Windows; Linux/UNIX is every image without it.
        if ("Windows".equals(search.platform())) {
            filters.add(Filter.builder().name("platform").values("windows").build());
        }
        if (!filters.isEmpty()) {
            request.filters(filters);
        }
        List<MachineImage> images = new ArrayList<>();
        for (Image image : clients.ec2().describeImagesPaginator(request.build()).images()) {
            MachineImage m = toImage(image);
            if (search.platform().isEmpty() || search.platform().equals(m.platform())) {
                images.add(m);
            }
        }
        images.sort(NEWEST_FIRST);
        return images.size() > SEARCH_LIMIT ? List.copyOf(images.subList(0, SEARCH_LIMIT)) : List.copyOf(images);
    }

    /** Newest creation date first; images created together by name, highest first (names usually carry a date). */
    static final Comparator<MachineImage> NEWEST_FIRST = Comparator
            .comparing((MachineImage m) -> m.created().orElse(Instant.EPOCH)).reversed()
            .thenComparing(MachineImage::name, Comparator.reverseOrder());

    /** One image by id, or empty when AWS does not know it (or it is not shared with the account). */
    public Optional<MachineImage> describe(String imageId) {
        List<Problem> problems = ImageIds.check("imageId", imageId);
        if (!problems.isEmpty()) {
            throw new InvalidDraftException(problems);
        }
        try {
            return clients.ec2().describeImages(b -> b.imageIds(imageId.trim())).images().stream().findFirst().map(ImageCatalog::toImage);
        } catch (software.amazon.awssdk.services.ec2.model.Ec2Exception e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if (code.startsWith("InvalidAMIID")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The AMI id a public parameter names, such as
     * {@code /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}.
     */
    public String resolvePublicParameter(String name) {
        String n = name == null ? "" : name.trim();
        if (!n.startsWith(PUBLIC_PREFIX)) {
            throw new InvalidDraftException(List.of(new Problem("publicParameter",
                    "A public parameter starts with " + PUBLIC_PREFIX + ", such as /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64.")));
        }
        String value = clients.ssm().getParameter(b -> b.name(n)).parameter().value();
        if (!ImageIds.valid(value)) {
            throw new InvalidDraftException(List.of(new Problem("publicParameter", n + " holds \"" + value + "\", which is not an AMI id.")));
        }
        return value;
    }

    static MachineImage toImage(Image i) {
        return new MachineImage(i.imageId(), orEmpty(i.name()), orEmpty(i.description()), instant(i.creationDate()),
                orEmpty(i.architectureAsString()), platform(i), i.imageOwnerAlias() != null ? i.imageOwnerAlias() : orEmpty(i.ownerId()),
                orEmpty(i.stateAsString()), instant(i.deprecationTime()));
    }

    private static String platform(Image i) {
        if (i.platformDetails() != null && !i.platformDetails().isEmpty()) {
            return i.platformDetails().toLowerCase(Locale.ROOT).startsWith("windows") ? "Windows" : "Linux/UNIX";
        }
        String p = i.platformAsString();
        return p != null && p.toLowerCase(Locale.ROOT).startsWith("windows") ? "Windows" : "Linux/UNIX";
    }

    private static Optional<Instant> instant(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
