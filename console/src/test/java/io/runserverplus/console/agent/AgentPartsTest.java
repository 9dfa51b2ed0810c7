package io.runserverplus.console.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small pieces: argument parsing, which classes are the application's, type names. */
class AgentPartsTest {
    @Test
    void optionsParsePackagesCacheAndVerbose() {
        AgentOptions options = AgentOptions.parse("packages=com.acme, org.example ;cache=none;verbose");
        assertThat(options.packages()).containsExactly("com/acme/", "org/example/");
        assertThat(options.cache()).isNull();
        assertThat(options.verbose()).isTrue();
        AgentOptions defaults = AgentOptions.parse(null);
        assertThat(defaults.cache()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "runserverplus-agent-cache"));
        assertThat(defaults.packages()).isEmpty();
    }

    @Test
    void applicationClassesAreThoseFromDirectoriesOrConfiguredPackages() throws Exception {
        CaptureTransformer transformer = new CaptureTransformer(AgentOptions.parse("packages=io.runserverplus.mine;cache=none"), null);
        ClassLoader app = ClassLoader.getSystemClassLoader();
        ProtectionDomain dir = domain("file:/work/app/target/classes/");
        ProtectionDomain jar = domain("file:/repo/lib/framework.jar");
        assertThat(transformer.selected(app, "com/acme/Orders", dir)).isTrue();
        assertThat(transformer.selected(app, "com/acme/Orders", jar)).isFalse();
        assertThat(transformer.selected(app, "com/acme/Orders", domain("jrt:/java.base"))).isFalse();
        assertThat(transformer.selected(app, "com/acme/Orders", null)).isFalse();
        assertThat(transformer.selected(null, "com/acme/Orders", dir)).isFalse();
        assertThat(transformer.selected(app, "java/lang/Thing", dir)).isFalse();
        assertThat(transformer.selected(app, "io/runserverplus/core/Server", dir)).isFalse();
        assertThat(transformer.selected(app, "io/runserverplus/console/agent/Agent", dir)).isFalse();
        assertThat(transformer.selected(app, "io/runserverplus/examples/javalin/Inventory", dir)).as("a demo").isTrue();
        assertThat(transformer.selected(app, "io/runserverplus/mine/Thing", jar)).isTrue();
    }

    @Test
    void typeNamesAsWrittenInJava() {
        assertThat(SignatureText.toJava("I")).isEqualTo("int");
        assertThat(SignatureText.toJava("[[J")).isEqualTo("long[][]");
        assertThat(SignatureText.toJava("Ljava/lang/String;")).isEqualTo("java.lang.String");
        assertThat(SignatureText.toJava("Ljava/util/Map<Ljava/lang/String;+Ljava/util/List<*>;>;"))
                .isEqualTo("java.util.Map<java.lang.String, ? extends java.util.List<?>>");
        assertThat(SignatureText.toJava("TT;")).isEqualTo("T");
        assertThat(SignatureText.toJava("Lp/Outer<TT;>.Inner<-Ljava/lang/Number;>;"))
                .isEqualTo("p.Outer<T>.Inner<? super java.lang.Number>");
        assertThat(SignatureText.toJava("not a type")).isEqualTo("not a type");
    }

    @Test
    void theCacheDirectoryMustBeTheUsersAlone(@TempDir Path temp) throws Exception {
        Path fresh = temp.resolve("cache");
        assertThat(PrivateDirectory.open(fresh)).isEqualTo(fresh);
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        Path shared = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(PrivateDirectory.open(shared)).isNull();
        assertThat(new TransformCache(shared).get(new byte[] {1}, b -> new byte[] {2})).containsExactly(2);
        try (var files = Files.list(shared)) {
            assertThat(files).isEmpty(); // memory only: nothing written where others could swap it
        }
    }

    @Test
    void theCacheKeyChangesWithTheAgentsCode(@TempDir Path temp) throws Exception {
        assertThat(TransformCache.VERSION).matches(TransformCache.FORMAT + "-[0-9a-f]{24}"); // from target/classes
        Path jar = Files.write(temp.resolve("agent.jar"), new byte[] {1, 2, 3});
        String before = TransformCache.version(jar);
        assertThat(TransformCache.version(jar)).isEqualTo(before);
        Files.write(jar, new byte[] {1, 2, 3, 4});
        assertThat(TransformCache.version(jar)).isNotEqualTo(before);
        Path classes = temp.resolve("classes");
        Path file = Files.createDirectories(classes.resolve("io/runserverplus/console/agent")).resolve("MayThrow.class");
        Files.write(file, new byte[] {1});
        String fromDirectory = TransformCache.version(classes);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 5_000));
        assertThat(TransformCache.version(classes)).isNotEqualTo(fromDirectory);
        assertThat(TransformCache.version(temp.resolve("missing"))).isNotEqualTo(TransformCache.version(temp.resolve("missing")));
    }

    private static ProtectionDomain domain(String url) throws Exception {
        return new ProtectionDomain(new CodeSource(new URL(url), (Certificate[]) null), null);
    }
}
