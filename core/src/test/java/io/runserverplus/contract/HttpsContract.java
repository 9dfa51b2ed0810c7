package io.runserverplus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runserverplus.core.RunServerPlus;
import io.runserverplus.core.RunningServer;
import io.runserverplus.core.settings.SettingsException;
import io.runserverplus.core.terminal.Terminal;
import io.runserverplus.spi.WebApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a generated development certificate, checked with curl and openssl as a user would. */
public abstract class HttpsContract {

    private static final Pattern FINGERPRINT = Pattern.compile("\\(SHA-256 ([0-9A-F:]+)\\)");

    @TempDir
    Path temp;

    protected abstract WebApp app(Map<String, ContractRoute> routes, Map<String, StreamingRoute> streams);

    @Test
    void aGeneratedCertificateServesHttpsThatCurlAndOpensslAccept() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (RunningServer server = start(builder(console).certFile(temp.resolve("dev")))) {
            assertThat(server.url()).startsWith("https://127.0.0.1:");
            String banner = console.toString(StandardCharsets.UTF_8);
            assertThat(banner).contains(" * Generated the development certificate " + temp.resolve("dev.crt"))
                    .contains(" * Running on https://127.0.0.1:" + server.port());
            assertThat(Files.getPosixFilePermissions(temp.resolve("dev.key")).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");

            Result curl = run("curl", "-sS", "--cacert", temp.resolve("dev.crt").toString(),
                    "https://localhost:" + server.port() + "/ok");
            assertThat(curl.status()).as(curl.output()).isZero();
            assertThat(curl.output()).isEqualTo("ok");

            Result failing = run("curl", "-sS", "--cacert", temp.resolve("dev.crt").toString(),
                    "https://127.0.0.1:" + server.port() + "/boom");
            assertThat(failing.output()).startsWith("java.lang.IllegalStateException: only 2 on hand, 3 wanted");

            Result openssl = run("openssl", "s_client", "-connect", "127.0.0.1:" + server.port(), "-servername",
                    "localhost", "-CAfile", temp.resolve("dev.crt").toString(), "-showcerts");
            assertThat(openssl.output()).contains("CN = localhost").contains("-----BEGIN CERTIFICATE-----")
                    .contains("Verify return code: 0 (ok)");
        }
    }

    @Test
    void aSecondStartReusesTheSameCertificate() throws Exception {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        try (RunningServer ignored = start(builder(first).certFile(temp.resolve("reuse.crt")))) {
            assertThat(first.toString(StandardCharsets.UTF_8)).contains("Generated the development certificate");
        }
        try (RunningServer ignored = start(builder(second).certFile(temp.resolve("reuse")))) {
            assertThat(second.toString(StandardCharsets.UTF_8)).contains(" * Using the certificate " + temp.resolve("reuse.crt"));
        }
        assertThat(fingerprint(second)).isEqualTo(fingerprint(first));
    }

    @Test
    void anAdhocCertificateIsNewAtEachStartAndWritesNothing() throws Exception {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        try (RunningServer ignored = start(builder(first).adhocCertificate())) {
            assertThat(first.toString(StandardCharsets.UTF_8)).contains(" * Using an adhoc certificate made for this start");
        }
        try (RunningServer ignored = start(builder(second).adhocCertificate())) {
            assertThat(fingerprint(second)).isNotEqualTo(fingerprint(first));
        }
    }

    @Test
    void badCertificateFilesStopStartupWithOneSentenceNamingTheFile() throws Exception {
        Path corrupt = Files.writeString(temp.resolve("corrupt.crt"), "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
        Files.writeString(temp.resolve("corrupt.key"), "");
        Path directory = Files.createDirectories(temp.resolve("folder.crt"));

        assertThatThrownBy(() -> start(builder(new ByteArrayOutputStream()).certFile(corrupt)))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("Certificate file \"" + corrupt + "\" is not valid PEM")
                .satisfies(thrown -> assertThat(thrown.getStackTrace()).isEmpty());
        assertThatThrownBy(() -> start(builder(new ByteArrayOutputStream()).certFile(directory)))
                .hasMessage("Certificate file \"" + directory + "\" is a directory; pass the path of a PEM file with --cert-file.");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        try (RunningServer ignored = start(builder(new ByteArrayOutputStream()).certFile(temp.resolve("one")))) {
            // writes one.crt and one.key
        }
        try (RunningServer ignored = start(builder(new ByteArrayOutputStream()).certFile(temp.resolve("two")))) {
            // writes two.crt and two.key
        }

        assertThatThrownBy(() -> start(builder(new ByteArrayOutputStream()).certFile(temp.resolve("one.crt"))
                .keyFile(temp.resolve("two.key"))))
                .hasMessage("Key file \"" + temp.resolve("two.key") + "\" does not belong to the certificate in \""
                        + temp.resolve("one.crt") + "\"; pass the certificate's own key with --key-file or delete"
                        + " both files to have a new pair generated.");
    }

    private RunServerPlus.Builder builder(ByteArrayOutputStream console) {
        return RunServerPlus.builder()
                .app(app(ContractRoutes.standard(), ContractRoutes.streaming()))
                .addrPort("127.0.0.1:0")
                .useReloader(false)
                .applicationPackages("io.runserverplus.contract")
                .terminal(new Terminal(new PrintStream(console, true, StandardCharsets.UTF_8), false));
    }

    private static RunningServer start(RunServerPlus.Builder builder) {
        return builder.start();
    }

    private static String fingerprint(ByteArrayOutputStream console) {
        Matcher matcher = FINGERPRINT.matcher(console.toString(StandardCharsets.UTF_8));
        assertThat(matcher.find()).as("banner shows the fingerprint").isTrue();
        return matcher.group(1);
    }

    private record Result(int status, String output) {
    }

    private static Result run(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile())).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        return new Result(process.exitValue(), output);
    }
}
