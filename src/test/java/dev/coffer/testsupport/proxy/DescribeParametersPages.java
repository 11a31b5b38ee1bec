package dev.coffer.testsupport.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.testsupport.proxy.ProxiedRequest.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DescribeParameters as AWS pages it, in front of moto (which answers 10 items a page whatever is
 * asked and rescans every parameter for every page): MaxResults 1 to 50, 10 when absent, a
 * ValidationException outside; the first page of a listing reads the whole filtered list from
 * the upstream once (following its NextTokens) and keeps it, and the later pages are served from
 * that list with the proxy's own NextToken. A new listing (no NextToken) reads afresh, so it sees
 * every change made before it; pages of a listing already under way do not.
 */
final class DescribeParametersPages {

    /** AWS's bounds for DescribeParameters' MaxResults (botocore's ssm model: min 1, max 50; 10 when absent). */
    static final int MAX_RESULTS = 50;
    static final int DEFAULT_RESULTS = 10;
    /** Listings kept for their later pages; older ones are forgotten, as a token expires. */
    private static final int LISTINGS_KEPT = 16;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sends a request to the upstream and returns its answer. */
    interface Upstream {
        Answer send(ProxiedRequest request) throws IOException, InterruptedException;
    }

    /** One listing: the request's filters (everything but MaxResults and NextToken) and what the upstream listed for them. */
    private record Listing(JsonNode filters, List<JsonNode> parameters) {
    }

    private final AtomicLong listingIds = new AtomicLong();
    private final Map<Long, Listing> listings = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Listing> eldest) {
            return size() > LISTINGS_KEPT;
        }
    });

    Answer answer(ProxiedRequest request, Upstream upstream) throws IOException, InterruptedException {
        ObjectNode body = request.body().length == 0 ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(request.body());
        int maxResults = body.path("MaxResults").asInt(DEFAULT_RESULTS);
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            String bound = maxResults < 1 ? "greater than or equal to 1" : "less than or equal to " + MAX_RESULTS;
            return ErrorAnswers.json(400, "ValidationException", "1 validation error detected: Value '" + maxResults
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value " + bound);
        }
        ObjectNode filters = body.deepCopy();
        filters.remove(List.of("MaxResults", "NextToken"));

        Position position;
        Listing listing;
        String token = body.path("NextToken").asText("");
        if (token.isEmpty()) {
            ListingRead read = readAll(request, filters, upstream);
            if (read.failure() != null) {
                return read.failure();
            }
            listing = new Listing(filters, read.parameters());
            position = new Position(listingIds.incrementAndGet(), 0);
            listings.put(position.listing(), listing);
        } else {
            position = Position.of(token).orElse(null);
            listing = position == null ? null : listings.get(position.listing());
            if (listing == null || !listing.filters().equals(filters)
                    || position.offset() < 0 || position.offset() > listing.parameters().size()) {
                return ErrorAnswers.json(400, "InvalidNextToken", "The specified token isn't valid.");
            }
        }

        int end = Math.min(position.offset() + maxResults, listing.parameters().size());
        ObjectNode page = JSON.createObjectNode();
        ArrayNode parameters = page.putArray("Parameters");
        listing.parameters().subList(position.offset(), end).forEach(parameters::add);
        if (end < listing.parameters().size()) {
            page.put("NextToken", new Position(position.listing(), end).token());
        }
        return new Answer(200, List.of(
                new Header("Content-Type", "application/x-amz-json-1.1"),
                new Header("x-amzn-RequestId", UUID.randomUUID().toString())),
                JSON.writeValueAsBytes(page));
    }

    private record ListingRead(List<JsonNode> parameters, Answer failure) {
    }

    /**
     * The whole filtered list, page by page from the upstream, in AWS's largest pages (moto answers 10
     * whatever is asked); an error answer of the upstream is passed on as it is.
     */
    private static ListingRead readAll(ProxiedRequest request, ObjectNode filters, Upstream upstream)
            throws IOException, InterruptedException {
        List<JsonNode> parameters = new ArrayList<>();
        String next = null;
        do {
            ObjectNode pageRequest = filters.deepCopy().put("MaxResults", MAX_RESULTS);
            if (next != null) {
                pageRequest.put("NextToken", next);
            }
            Answer answer = upstream.send(request.withBody(JSON.writeValueAsBytes(pageRequest)));
            if (answer.status() != 200) {
                return new ListingRead(null, answer);
            }
            JsonNode page = JSON.readTree(answer.body());
            page.path("Parameters").forEach(parameters::add);
            next = page.path("NextToken").asText("");
        } while (!next.isEmpty());
        return new ListingRead(parameters, null);
    }

    /** Where the next page of a listing starts; the NextToken carries it, opaque to the client as AWS's are. */
    private record Position(long listing, int offset) {

        String token() {
            return Base64.getUrlEncoder().encodeToString((listing + ":" + offset).getBytes(StandardCharsets.UTF_8));
        }

        static Optional<Position> of(String token) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
                return Optional.of(new Position(Long.parseLong(parts[0]), Integer.parseInt(parts[1])));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                return Optional.empty();
            }
        }
    }
}
