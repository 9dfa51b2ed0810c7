package io.runserverplus.core.server;

import io.runserverplus.core.terminal.Terminal;
import io.runserverplus.core.tls.TlsMaterial;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The start-up lines, worded as runserver_plus words them so its users feel at home. */
@Singleton
public class Banner {

    static final String WARNING = "WARNING: This is a development server. Do not use it in a production deployment.";

    private final Terminal terminal;

    @Inject
    public Banner(Terminal terminal) {
        this.terminal = terminal;
    }

    public void print(String scheme, ServerAddress bound, Optional<TlsMaterial> tls) {
        terminal.println(terminal.style("1;31", WARNING));
        tls.ifPresent(material -> terminal.println(certificateLine(material)));
        terminal.println(" * Running on " + scheme + "://" + bound.urlHost() + ":" + bound.port());
        terminal.println("Quit the server with CONTROL-C.");
        terminal.out().flush();
    }

    private static String certificateLine(TlsMaterial material) {
        String fingerprint = " (SHA-256 " + material.sha256Fingerprint() + ")";
        return material.certFile()
                .map(file -> " * " + (material.generated() ? "Generated the development certificate " : "Using the certificate ")
                        + file + fingerprint)
                .orElse(" * Using an adhoc certificate made for this start" + fingerprint);
    }
}
