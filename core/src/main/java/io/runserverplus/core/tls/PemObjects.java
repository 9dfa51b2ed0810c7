package io.runserverplus.core.tls;

import io.runserverplus.core.settings.CertificatePaths;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openssl.PEMParser;

/** Every PEM block in a file, decoded by Bouncy Castle into its ASN.1 holder type. */
final class PemObjects {

    private PemObjects() {
    }

    /** The blocks in order; throws the "not valid PEM" sentence when a block cannot be decoded. */
    static List<Object> parse(String text, PemRole role, CertificatePaths paths) {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException undecodable) {
            // Bouncy Castle reports bad Base64 as a RuntimeException, bad ASN.1 or a missing END line
            // as an IOException, and a block type it does not know as an IOException too.
            throw TlsProblems.corrupt(role, paths);
        }
        return objects;
    }
}
