package io.runserverplus.adapter.javalin;

import io.runserverplus.contract.LiveReloadContract;
import io.runserverplus.spi.WebApp;
import java.util.Map;

class JavalinLiveReloadIT extends LiveReloadContract {
    @Override
    protected WebApp app(Map<String, Page> pages) {
        return JavalinApp.of(config -> pages.forEach((path, page) -> config.routes.get(path, ctx -> {
            if (page.body() == null) {
                throw new IllegalStateException("the page failed");
            }
            page.headers().forEach(ctx::header);
            ctx.contentType(page.contentType()).result(page.body());
        })));
    }
}
