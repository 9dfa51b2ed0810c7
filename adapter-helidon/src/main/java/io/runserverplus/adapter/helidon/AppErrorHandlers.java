package io.runserverplus.adapter.helidon;

import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import io.runserverplus.spi.Debugger;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The routing builder the app configures, with each error handler it registers wrapped so that a
 * failure the app's handler answers with a 5xx is still recorded for the failures list (Helidon
 * picks the most specific handler, so a catch-all of the app's wins over the debugger's). The
 * app's answer is left as it is, a {@code Link} to the failure's page added; the wrapper only runs
 * for requests that failed.
 */
final class AppErrorHandlers {

    private AppErrorHandlers() {
    }

    static HttpRouting.Builder recording(HttpRouting.Builder routing, Debugger debugger) {
        InvocationHandler calls = (proxy, method, args) -> {
            Object[] actual = args;
            if (method.getName().equals("error") && args != null && args.length == 2
                    && args[1] instanceof ErrorHandler<?> handler) {
                actual = new Object[] {args[0], recorded(handler, debugger)};
            }
            Object result;
            try {
                result = method.invoke(routing, actual);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
            // Builders chain: keep the app's later calls going through this wrapper too.
            return result == routing ? proxy : result;
        };
        return (HttpRouting.Builder) Proxy.newProxyInstance(HttpRouting.Builder.class.getClassLoader(),
                new Class<?>[] {HttpRouting.Builder.class}, calls);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ErrorHandler<?> recorded(ErrorHandler handler, Debugger debugger) {
        return (request, response, failure) -> {
            boolean[] recorded = {false};
            Runnable record = () -> {
                if (!recorded[0]) {
                    recorded[0] = true;
                    debugger.handledByApp(HelidonExchange.request(request), failure, response.status().code())
                            .forEach((name, value) -> response.header(name, value));
                }
            };
            handler.handle(request, beforeSending(response, record), failure);
            if (!response.isSent()) {
                record.run(); // the handler sent nothing: Helidon answers for it
            }
        };
    }

    /**
     * The response, running {@code record} just before the app's handler starts sending it: the
     * status is the app's by then, headers can still be added, and the failure is listed before
     * the client has its answer.
     */
    private static ServerResponse beforeSending(ServerResponse response, Runnable record) {
        InvocationHandler calls = (proxy, method, args) -> {
            if (SENDING.contains(method.getName())) {
                record.run();
            }
            Object result;
            try {
                result = method.invoke(response, args);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
            return result == response ? proxy : result;
        };
        return (ServerResponse) Proxy.newProxyInstance(ServerResponse.class.getClassLoader(),
                new Class<?>[] {ServerResponse.class}, calls);
    }

    private static final java.util.Set<String> SENDING = java.util.Set.of("send", "outputStream", "sink");
}
