package io.runserverplus.adapter.helidon;

import io.helidon.http.HeaderNames;
import io.runserverplus.contract.LiveReloadContract;
import io.runserverplus.spi.WebApp;
import java.util.Map;

class HelidonLiveReloadIT extends LiveReloadContract {
    @Override
    protected WebApp app(Map<String, Page> pages) {
        return HelidonApp.of(routing -> pages.forEach((path, page) -> routing.get(path, (request, response) -> {
            if (page.body() == null) {
                throw new IllegalStateException("the page failed");
            }
            response.header(HeaderNames.CONTENT_TYPE, page.contentType());
            page.headers().forEach(response::header);
            response.send(page.body());
        })));
    }
}
