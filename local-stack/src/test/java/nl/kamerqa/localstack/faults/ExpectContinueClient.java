package nl.kamerqa.localstack.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 POST that lets the server refuse a large body before it is sent, as RFC 9110 §10.1.1 allows:
 * headers with {@code Expect: 100-continue}, then wait a moment for a final answer even after {@code 100 Continue}
 * (Tomcat sends that at once), and send the body only when none comes.
 *
 * <p>Why not {@link java.net.http.HttpClient}: once it has seen {@code 100} it writes the whole body, and when the
 * server answers 413 and closes the connection mid-body it reports an IOException instead of the 413, so the client
 * could never see the answer curl shows.
 */
final class ExpectContinueClient {

    /** Status, headers (lower-case names) and body of the final answer. */
    record Response(int status, Map<String, String> headers, String body) {
    }

    private static final Duration FINAL_ANSWER_WAIT = Duration.ofSeconds(3);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(90);

    private ExpectContinueClient() {
    }

    static Response post(URI uri, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            head.append("POST ").append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n")
                    .append("Expect: 100-continue\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            boolean bodySent = false;
            socket.setSoTimeout((int) FINAL_ANSWER_WAIT.toMillis());
            while (true) {
                Response response;
                try {
                    response = readResponse(in);
                } catch (SocketTimeoutException noFinalAnswerYet) {
                    if (bodySent) {
                        throw noFinalAnswerYet;
                    }
                    out.write(body);
                    out.flush();
                    bodySent = true;
                    socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
                    continue;
                }
                if (response.status() != 100) {
                    return response;
                }
            }
        }
    }

    private static Response readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        if (status == 100) {
            return new Response(status, headers, "");
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = chunkSize(readLine(in)); size > 0; size = chunkSize(readLine(in))) {
                chunks.writeBytes(in.readNBytes(size));
                readLine(in);
            }
            body = chunks.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static int chunkSize(String line) {
        if (line == null) {
            return 0;
        }
        int semicolon = line.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).strip(), 16);
    }

    /** A CRLF-terminated line, without it; null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
