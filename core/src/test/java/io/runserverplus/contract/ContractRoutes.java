package io.runserverplus.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The routes of the contract app, by path. An adapter's test turns each into a GET route of its
 * framework that answers {@code text/plain} with the returned text.
 */
public final class ContractRoutes {

    /** Messages that would run script if the page forgot to escape them. */
    public static final String XSS_MESSAGE =
            "<script>window.__xss='script'</script>\"><img src=x onerror=\"window.__xss='img'\">'><svg onload=window.__xss='svg'>";

    /**
     * A route whose failure the app's own exception handler answers (each adapter's contract app
     * registers one for {@link HandledByApp}, as an app with a catch-all mapper does).
     */
    public static final String HANDLED_BY_APP = "/handled-by-app";
    /** What that handler answers, with status 500. */
    public static final String APP_ERROR_PAGE = "the app's own error page";

    /** The exception the contract apps' own exception handlers answer. */
    public static final class HandledByApp extends RuntimeException {
        public HandledByApp(String message) {
            super(message);
        }
    }

    private ContractRoutes() {
    }

    public static Map<String, ContractRoute> standard() {
        Map<String, ContractRoute> routes = new LinkedHashMap<>();
        routes.put("/ok", () -> "ok");
        routes.put("/boom", () -> new ContractFailures.Orders().place("alice", 3));
        routes.put("/chain", ContractFailures::chain);
        routes.put("/error", () -> {
            throw new AssertionError("contract Error, not an Exception");
        });
        routes.put("/xss", () -> {
            throw new IllegalArgumentException(XSS_MESSAGE);
        });
        routes.put("/vendor", () -> ContractFailures.Vendor.call());
        routes.put("/basket", ContractFailures.BASKET::toString);
        routes.put("/basket/checkout", () -> ContractFailures.checkout(ContractFailures.BASKET));
        routes.put("/slow-value", ContractFailures::besideASlowValue);
        routes.put("/no-debug-info", NoDebugInfo::fail);
        routes.put(HANDLED_BY_APP, () -> {
            throw new HandledByApp("the app answers this failure itself");
        });
        return routes;
    }

    /** The standard routes plus routes failing in each kind of frame of {@link Warehouse} (the console's). */
    public static Map<String, ContractRoute> withFrames() {
        Map<String, ContractRoute> routes = standard();
        routes.put("/frames/pick", () -> Warehouse.SHARED.pick("a"));
        routes.put("/frames/state", Warehouse.SHARED::state);
        routes.put("/frames/lambda", () -> Warehouse.SHARED.viaLambda("b"));
        routes.put("/frames/constructor", () -> new Warehouse(4).state());
        routes.put("/frames/inner", () -> Warehouse.SHARED.new Picker().run());
        routes.put("/frames/record", () -> new Warehouse.Slot("c", 2).label());
        routes.put("/frames/enum", () -> String.valueOf(Warehouse.Kind.FROZEN.shelfLife()));
        return routes;
    }

    /** Text every streaming route writes before it fails. */
    public static final String PARTIAL_BODY = "partial body, then a failure\n";

    /** Routes that write their body themselves. */
    public static Map<String, StreamingRoute> streaming() {
        Map<String, StreamingRoute> routes = new LinkedHashMap<>();
        routes.put("/partial", body -> {
            body.write(PARTIAL_BODY.repeat(2_000).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.flush();
            throw new IllegalStateException("failed after the response was committed");
        });
        return routes;
    }
}
