package io.runserverplus.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runserverplus.core.RunServerPlus;
import org.junit.jupiter.api.Test;

/** An app that Javalin refuses to start is reported in Javalin's words, not as a port problem. */
class JavalinStartFailureIT {

    @Test
    void aRouteJavalinRejectsIsNamedInJavalinsWords() {
        assertThatThrownBy(() -> RunServerPlus.builder()
                .app(JavalinApp.of(config -> config.routes.get("/items/{id", ctx -> ctx.result("never"))))
                .addrPort("127.0.0.1:0")
                .useReloader(false)
                .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The app failed to start: ")
                .hasMessageContaining("/items/{id")
                .hasMessageNotContaining("127.0.0.1");
    }
}
