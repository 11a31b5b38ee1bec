package dev.coffer.testsupport.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.testsupport.proxy.ProxiedRequest.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Error answers as AWS words them on each protocol (botocore's parsers and the SDK's error
 * unmarshallers read the code from these places):
 * <ul>
 *   <li>awsJson1_1 (SSM, Secrets Manager, KMS): the status, header {@code x-amzn-ErrorType: CODE}
 *       and body {@code {"__type":"CODE","message":"..."}}; throttling is HTTP 400
 *       {@code ThrottlingException} "Rate exceeded";</li>
 *   <li>awsQuery (STS): {@code <ErrorResponse><Error><Type>Sender|Receiver</Type><Code>CODE</Code>
 *       <Message>...</Message></Error><RequestId>...</RequestId></ErrorResponse>}; throttling is
 *       HTTP 400 {@code Throttling} "Rate exceeded";</li>
 *   <li>ec2: {@code <Response><Errors><Error><Code>CODE</Code><Message>...</Message></Error></Errors>
 *       <RequestID>...</RequestID></Response>}; throttling is HTTP 503 {@code RequestLimitExceeded};</li>
 *   <li>restJson1 (Lambda): header {@code x-amzn-ErrorType} and {@code {"message":"..."}}; throttling
 *       is HTTP 429 {@code TooManyRequestsException}.</li>
 * </ul>
 * Server errors use each service's own code where its model has one (SSM {@code InternalServerError},
 * Secrets Manager {@code InternalServiceError}, KMS {@code KMSInternalException}), else AWS's common
 * {@code InternalFailure} / EC2's {@code InternalError}; HTTP 503 is {@code ServiceUnavailable}
 * (EC2: {@code Unavailable}).
 */
final class ErrorAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> INTERNAL_ERROR_CODES = Map.of(
            "AmazonSSM", "InternalServerError",
            "secretsmanager", "InternalServiceError",
            "TrentService", "KMSInternalException");

    private ErrorAnswers() {
    }

    static Answer throttling(ProxiedRequest request) {
        return switch (request.protocol()) {
            case JSON -> json(400, "ThrottlingException", "Rate exceeded");
            case QUERY -> query(400, "Throttling", "Rate exceeded");
            case EC2 -> ec2(503, "RequestLimitExceeded", "Request limit exceeded.");
            case REST_JSON -> restJson(429, "TooManyRequestsException", "Rate exceeded");
        };
    }

    static Answer internalError(ProxiedRequest request) {
        String message = "An internal error occurred. Try again.";
        return switch (request.protocol()) {
            case JSON -> json(500, INTERNAL_ERROR_CODES.getOrDefault(request.jsonService(), "InternalFailure"), message);
            case QUERY -> query(500, "InternalFailure", message);
            case EC2 -> ec2(500, "InternalError", message);
            case REST_JSON -> restJson(500, "ServiceException", message);
        };
    }

    static Answer serviceUnavailable(ProxiedRequest request) {
        String message = "The service is unavailable. Try again later.";
        return switch (request.protocol()) {
            case JSON -> json(503, "ServiceUnavailable", message);
            case QUERY -> query(503, "ServiceUnavailable", message);
            case EC2 -> ec2(503, "Unavailable", message);
            case REST_JSON -> restJson(503, "ServiceUnavailable", message);
        };
    }

    static Answer expiredToken(ProxiedRequest request) {
        String message = "The security token included in the request is expired";
        return switch (request.protocol()) {
            case JSON -> json(400, "ExpiredTokenException", message);
            case QUERY -> query(403, "ExpiredToken", message);
            case EC2 -> ec2(400, "RequestExpired", "Request has expired.");
            case REST_JSON -> restJson(403, "ExpiredTokenException", message);
        };
    }

    /** What AWS answers a caller whose policies do not allow the operation, in its words. */
    static Answer accessDenied(ProxiedRequest request) {
        // The signing name in the credential scope (".../us-east-1/rds/aws4_request") is the IAM prefix of the action.
        String[] scope = request.header("Authorization").orElse("").split("/");
        String action = (scope.length >= 4 ? scope[3] + ":" : "") + request.operation();
        String message = "User: arn:aws:sts::123456789012:assumed-role/Auditor/alice is not authorized to perform: " + action
                + " because no identity-based policy allows the " + action + " action";
        return switch (request.protocol()) {
            case JSON -> json(400, "AccessDeniedException", message);
            case QUERY -> query(403, "AccessDenied", message);
            case EC2 -> ec2(403, "UnauthorizedOperation", message);
            case REST_JSON -> restJson(403, "AccessDeniedException", message);
        };
    }

    /** A JSON 1.1 error, for the operations the proxy answers itself (DescribeParameters). */
    static Answer json(int status, String code, String message) {
        return new Answer(status, List.of(
                new Header("Content-Type", "application/x-amz-json-1.1"),
                new Header("x-amzn-RequestId", UUID.randomUUID().toString()),
                new Header("x-amzn-ErrorType", code)),
                bytes(Map.of("__type", code, "message", message)));
    }

    private static Answer restJson(int status, String code, String message) {
        return new Answer(status, List.of(
                new Header("Content-Type", "application/json"),
                new Header("x-amzn-RequestId", UUID.randomUUID().toString()),
                new Header("x-amzn-ErrorType", code)),
                bytes(Map.of("message", message)));
    }

    private static Answer query(int status, String code, String message) {
        String requestId = UUID.randomUUID().toString();
        String type = status < 500 ? "Sender" : "Receiver";
        String xml = "<ErrorResponse><Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>" + message
                + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
        return xml(status, requestId, xml);
    }

    private static Answer ec2(int status, String code, String message) {
        String requestId = UUID.randomUUID().toString();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error></Errors><RequestID>" + requestId + "</RequestID></Response>";
        return xml(status, requestId, xml);
    }

    private static Answer xml(int status, String requestId, String xml) {
        return new Answer(status, List.of(
                new Header("Content-Type", "text/xml"),
                new Header("x-amzn-RequestId", requestId)),
                xml.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(Object json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
