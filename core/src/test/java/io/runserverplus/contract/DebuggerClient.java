package io.runserverplus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the page's script does, over HTTP: read the page's secret and ids, log in with the PIN, post commands. */
final class DebuggerClient {

    private final ContractServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    DebuggerClient(ContractServer server) {
        this.server = server;
    }

    /** POSTs a form to {@code /__debugger__/<name>} with the given secret and cookie (either may be null). */
    HttpResponse<String> post(String name, String secret, String cookie, Map<String, String> form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/__debugger__/" + name)))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (secret != null) {
            request.header("X-Debugger-Secret", secret);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in with the right PIN; returns the cookie as a Cookie header sends it. */
    String login(String secret) throws Exception {
        HttpResponse<String> response = post("pinauth", secret, null, Map.of("pin", ContractServer.PIN));
        assertThat(response.body()).isEqualTo("{\"auth\": true, \"exhausted\": false}");
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    static Map<String, String> fields(String... keysAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String attribute(String page, String name) {
        Matcher matcher = Pattern.compile(name + "=\"([^\"]*)\"").matcher(page);
        assertThat(matcher.find()).as("page has %s", name).isTrue();
        return matcher.group(1);
    }
}
