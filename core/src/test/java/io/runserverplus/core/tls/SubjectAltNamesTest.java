package io.runserverplus.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectAltNamesTest {

    private static final String ALWAYS = "DNS:localhost, IP:127.0.0.1, IP:0:0:0:0:0:0:0:1";

    @ParameterizedTest(name = "bind host \"{0}\"")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-                 | " + ALWAYS + "                     | localhost",
            "127.0.0.1         | " + ALWAYS + "                     | localhost",
            "localhost         | " + ALWAYS + "                     | localhost",
            "LOCALHOST.        | " + ALWAYS + "                     | localhost",
            "::1               | " + ALWAYS + "                     | localhost",
            "[0:0:0:0:0:0:0:1] | " + ALWAYS + "                     | localhost",
            "0.0.0.0           | " + ALWAYS + "                     | localhost",
            "::                | " + ALWAYS + "                     | localhost",
            "192.168.1.20      | " + ALWAYS + ", IP:192.168.1.20    | localhost",
            "fe80::1%eth0      | " + ALWAYS + ", IP:fe80:0:0:0:0:0:0:1 | localhost",
            "DevBox.Example.org| " + ALWAYS + ", DNS:devbox.example.org | devbox.example.org"})
    void theCertificateCoversLoopbackAndTheBindHostOnce(String bindHost, String names, String commonName) {
        assertThat(describe(SubjectAltNames.forHost(bindHost).getNames())).isEqualTo(names);
        assertThat(SubjectAltNames.commonName(bindHost)).isEqualTo(commonName);
    }

    private static String describe(GeneralName[] names) {
        List<String> described = Arrays.stream(names).map(name -> switch (name.getTagNo()) {
            case GeneralName.dNSName -> "DNS:" + name.getName();
            case GeneralName.iPAddress -> "IP:" + ip(name);
            default -> "other:" + name;
        }).toList();
        return String.join(", ", described);
    }

    private static String ip(GeneralName name) {
        byte[] bytes = org.bouncycastle.asn1.ASN1OctetString.getInstance(name.getName()).getOctets();
        try {
            return java.net.InetAddress.getByAddress(bytes).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
