package dev.coffer.testsupport.proxy;

import dev.coffer.testsupport.proxy.ProxiedRequest.Header;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** An HTTP answer the proxy sends back: the upstream's, or one the proxy made in AWS's shape. */
record Answer(int status, List<Header> headers, byte[] body) {

    /** Headers that describe one hop's connection or framing; the proxy sets its own. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "content-length",
            "te", "trailer", "upgrade", "proxy-connection");

    void writeTo(OutputStream out) throws IOException {
        writeHead(out);
        out.write(body);
        out.flush();
    }

    /** The status and headers as promised (Content-Length of the whole body), then only the first half of the body. */
    void writeTruncatedTo(OutputStream out) throws IOException {
        writeHead(out);
        out.write(body, 0, body.length / 2);
        out.flush();
    }

    private void writeHead(OutputStream out) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason()).append("\r\n");
        for (Header h : headers) {
            if (!HOP_BY_HOP.contains(h.name().toLowerCase(Locale.ROOT))) {
                head.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private String reason() {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }
}
