package io.runserverplus.core.server;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The start-up lines, worded as runserver_plus words them so its users feel at home. */
@Singleton
public class Banner {

    static final String WARNING = "WARNING: This is a development server. Do not use it in a production deployment.";

    private final Terminal terminal;

    @Inject
    public Banner(Terminal terminal) {
        this.terminal = terminal;
    }

    public void print(String scheme, ServerAddress bound) {
        terminal.println(terminal.style("1;31", WARNING));
        terminal.println(" * Running on " + scheme + "://" + bound.urlHost() + ":" + bound.port());
        terminal.println("Quit the server with CONTROL-C.");
        terminal.out().flush();
    }
}
