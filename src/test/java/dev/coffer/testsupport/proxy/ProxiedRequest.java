package dev.coffer.testsupport.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.1 request as the SDK sent it, and the AWS operation it calls: the part of
 * {@code X-Amz-Target} after the dot for JSON protocols (SSM, Secrets Manager, KMS), the
 * {@code Action} parameter for query protocols (STS, EC2), else the method and path (REST APIs
 * such as Lambda).
 */
record ProxiedRequest(String method, String target, List<Header> headers, byte[] body, String operation, Protocol protocol) {

    record Header(String name, String value) {
    }

    /** How the service words its errors on the wire (botocore's "protocol" of the service model). */
    enum Protocol {
        /** awsJson1_1: SSM, Secrets Manager, KMS. */
        JSON,
        /** awsQuery: STS. */
        QUERY,
        /** ec2: a query request with an answer of its own shape. */
        EC2,
        /** restJson1: Lambda. */
        REST_JSON
    }

    private static final String EC2_API_VERSION = "2016-11-15";

    /** The region the request was signed for (its SigV4 credential scope), or "" when it is not signed. */
    String region() {
        String authorization = header(headers, "Authorization").orElse("");
        int credential = authorization.indexOf("Credential=");
        if (credential < 0) {
            return "";
        }
        String[] scope = authorization.substring(credential + "Credential=".length()).split("[/,]");
        return scope.length > 2 ? scope[2] : "";
    }

    /** Reads the next request of a kept-alive connection; empty when the client closed it between requests. */
    static Optional<ProxiedRequest> read(InputStream in, OutputStream out) throws IOException {
        String requestLine = readLine(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in);
        }
        if (requestLine == null) {
            return Optional.empty();
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("Not an HTTP/1.1 request line: " + requestLine);
        }
        List<Header> headers = new ArrayList<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            }
        }
        if ("100-continue".equalsIgnoreCase(header(headers, "Expect").orElse(""))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(header(headers, "Transfer-Encoding").orElse(""))) {
            body = readChunked(in);
        } else {
            int length = Integer.parseInt(header(headers, "Content-Length").orElse("0"));
            body = in.readNBytes(length);
            if (body.length < length) {
                throw new IOException("The client closed the connection in the middle of a request body");
            }
        }
        return Optional.of(of(parts[0], parts[1], headers, body));
    }

    static ProxiedRequest of(String method, String target, List<Header> headers, byte[] body) {
        Optional<String> amzTarget = header(headers, "X-Amz-Target");
        if (amzTarget.isPresent()) {
            String t = amzTarget.get();
            return new ProxiedRequest(method, target, headers, body, t.substring(t.indexOf('.') + 1), Protocol.JSON);
        }
        Map<String, String> form = formParameters(target, headers, body);
        if (form.containsKey("Action")) {
            Protocol protocol = EC2_API_VERSION.equals(form.get("Version")) ? Protocol.EC2 : Protocol.QUERY;
            return new ProxiedRequest(method, target, headers, body, form.get("Action"), protocol);
        }
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        return new ProxiedRequest(method, target, headers, body, method + " " + path, Protocol.REST_JSON);
    }

    /** The same request with another body (as the proxy re-sends a listing's pages to the upstream). */
    ProxiedRequest withBody(byte[] newBody) {
        return new ProxiedRequest(method, target, headers, newBody, operation, protocol);
    }

    Optional<String> header(String name) {
        return header(headers, name);
    }

    /** The service's name in X-Amz-Target (AmazonSSM, secretsmanager, TrentService), empty for other protocols. */
    String jsonService() {
        return header("X-Amz-Target").map(t -> t.substring(0, Math.max(0, t.indexOf('.')))).orElse("");
    }

    private static Optional<String> header(List<Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    private static Map<String, String> formParameters(String target, List<Header> headers, byte[] body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int query = target.indexOf('?');
        if (query >= 0) {
            parse(target.substring(query + 1), parameters);
        }
        String type = header(headers, "Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            parse(new String(body, StandardCharsets.UTF_8), parameters);
        }
        return parameters;
    }

    private static void parse(String encoded, Map<String, String> into) {
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                into.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("The client closed the connection in the middle of a chunked body");
            }
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                // Skip the trailers, up to the empty line.
                String trailer;
                do {
                    trailer = readLine(in);
                } while (trailer != null && !trailer.isEmpty());
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    /** One CRLF-terminated line in ISO-8859-1, as HTTP/1.1 heads are; null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }
}
