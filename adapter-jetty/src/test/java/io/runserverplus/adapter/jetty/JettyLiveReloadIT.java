package io.runserverplus.adapter.jetty;

import io.runserverplus.contract.LiveReloadContract;
import io.runserverplus.spi.WebApp;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

class JettyLiveReloadIT extends LiveReloadContract {
    @Override
    protected WebApp app(Map<String, Page> pages) {
        return JettyApp.of(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Page page = pages.get(Request.getPathInContext(request));
                if (page == null) {
                    return false;
                }
                if (page.body() == null) {
                    throw new IllegalStateException("the page failed");
                }
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, page.contentType());
                page.headers().forEach(response.getHeaders()::put);
                Content.Sink.write(response, true, page.body(), callback);
                return true;
            }
        });
    }
}
