package io.runserverplus.core.tls;

import io.runserverplus.core.settings.CertificatePaths;
import java.nio.file.Path;

/** Which of the two files a problem is about, for messages that name the file and its option. */
enum PemRole {
    CERTIFICATE("Certificate file", "--cert-file"),
    KEY("Key file", "--key-file");

    private final String label;
    private final String option;

    PemRole(String label, String option) {
        this.label = label;
        this.option = option;
    }

    String label() {
        return label;
    }

    String option() {
        return option;
    }

    Path file(CertificatePaths paths) {
        return this == CERTIFICATE ? paths.certFile() : paths.keyFile();
    }

    PemRole other() {
        return this == CERTIFICATE ? KEY : CERTIFICATE;
    }
}
