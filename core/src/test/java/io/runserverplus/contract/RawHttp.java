package io.runserverplus.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 written by hand over a socket: java.net.http refuses to set the Host header, and the
 * host checks are only tested by sending the hostile ones a DNS-rebinding page would make a
 * browser send.
 */
final class RawHttp {
    private RawHttp() {
    }

    record Response(int status, String head, String body) {
        Optional<String> header(String name) {
            return head.lines().skip(1)
                    .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip())
                    .findFirst();
        }
    }

    /** Sends one request; {@code host} null leaves the Host header out. */
    static Response send(int port, String method, String target, String host, Map<String, String> headers, String body)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            if (host != null) {
                request.append("Host: ").append(host).append("\r\n");
            }
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            if (!body.isEmpty() || "POST".equals(method)) {
                request.append("Content-Type: application/x-www-form-urlencoded\r\n")
                        .append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            // Read one response by its own framing: not every server closes at once on Connection: close.
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            String head = null;
            String rest = "";
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
                String text = received.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                if (end < 0) {
                    continue;
                }
                head = text.substring(0, end);
                rest = text.substring(end + 4);
                Response partial = new Response(0, head, rest);
                Optional<String> length = partial.header("Content-Length");
                boolean chunked = partial.header("Transfer-Encoding").map(value -> value.contains("chunked")).orElse(false);
                if (length.isPresent() && rest.getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length.get())) {
                    break;
                }
                if (chunked && rest.endsWith("0\r\n\r\n")) {
                    break;
                }
            }
            if (head == null) {
                head = received.toString(StandardCharsets.UTF_8);
            }
            String[] statusLine = head.split(" ", 3);
            return new Response(Integer.parseInt(statusLine[1]), head, rest);
        }
    }
}
