package io.runserverplus.core.render;

import io.runserverplus.spi.DebugRequest;

/** The three forms a traceback is served in, chosen from the request's Accept header. */
public enum MediaType {
    HTML("text/html; charset=utf-8"),
    JSON("application/json; charset=utf-8"),
    TEXT("text/plain; charset=utf-8");

    private final String contentType;

    MediaType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * Browsers name {@code text/html}; API clients name {@code application/json} or
     * {@code application/problem+json}; everything else
     * (curl's {@code *}{@code /*}, scripts, log scrapers) gets the plain stack trace.
     */
    public static MediaType preferredBy(DebugRequest request) {
        if (request.accepts("text/html")) {
            return HTML;
        }
        return request.accepts("application/json") || request.accepts("application/problem+json") ? JSON : TEXT;
    }
}
