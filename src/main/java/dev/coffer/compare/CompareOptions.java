package dev.coffer.compare;

/**
 * What a comparison reads beside the metadata.
 *
 * @param values compare values (GetParametersByPath with decryption, BatchGetSecretValue); without, metadata only
 * @param tags   compare tags (ListTagsForResource, one call per parameter; secrets' tags come with the listing)
 */
public record CompareOptions(boolean values, boolean tags) {
}
