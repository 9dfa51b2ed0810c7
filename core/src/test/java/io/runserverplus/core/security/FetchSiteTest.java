package io.runserverplus.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.DebugRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FetchSiteTest {

    private static DebugRequest request(boolean secure, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new DebugRequest("POST", "/__debugger__/eval", "", "HTTP/1.1", secure, map, "127.0.0.1");
    }

    @Test
    void sameSiteIsAllowedOnlyFromThisPortDefaultPortsIncluded() {
        assertThat(FetchSite.refusal(request(false, "Host", "localhost:8000", "Sec-Fetch-Site", "same-site",
                "Origin", "http://app.localhost:8000"))).isEmpty();
        assertThat(FetchSite.refusal(request(false, "Host", "dev.test", "Sec-Fetch-Site", "same-site",
                "Origin", "http://app.dev.test"))).as("both on port 80").isEmpty();
        assertThat(FetchSite.refusal(request(true, "Host", "dev.test", "Sec-Fetch-Site", "same-site",
                "Referer", "https://app.dev.test/page?x=1"))).as("both on port 443").isEmpty();
        assertThat(FetchSite.refusal(request(true, "Host", "dev.test", "Sec-Fetch-Site", "same-site",
                "Origin", "http://app.dev.test"))).as("80 is not 443").isPresent();
    }

    @Test
    void theRefusalNamesTheSendersOriginButNotItsPath() {
        assertThat(FetchSite.refusal(request(false, "Host", "localhost:8000", "Sec-Fetch-Site", "same-site",
                "Origin", "null", "Referer", "http://localhost:9000/private/path?token=1")))
                .hasValue("The debugger refuses commands sent by a page on another port of this host (Sec-Fetch-Site:"
                        + " same-site, from http://localhost:9000); use the debugger's own page on port 8000.\n");
        assertThat(FetchSite.refusal(request(false, "Host", "localhost:8000", "Sec-Fetch-Site", "Cross-Site")))
                .hasValueSatisfying(text -> assertThat(text).contains("another site"));
    }
}
