package io.runserverplus.console.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
        CaptureTransformer transformer = new CaptureTransformer(AgentOptions.parse("packages=io.runserverplus.mine;cache=none"));
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
        assertThat(TypeNames.toJava("I")).isEqualTo("int");
        assertThat(TypeNames.toJava("[[J")).isEqualTo("long[][]");
        assertThat(TypeNames.toJava("Ljava/lang/String;")).isEqualTo("java.lang.String");
        assertThat(TypeNames.toJava("Ljava/util/Map<Ljava/lang/String;+Ljava/util/List<*>;>;"))
                .isEqualTo("java.util.Map<java.lang.String, ? extends java.util.List<?>>");
        assertThat(TypeNames.toJava("TT;")).isEqualTo("T");
        assertThat(TypeNames.toJava("Lp/Outer<TT;>.Inner<-Ljava/lang/Number;>;"))
                .isEqualTo("p.Outer<T>.Inner<? super java.lang.Number>");
        assertThat(TypeNames.toJava("not a type")).isEqualTo("not a type");
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
    void theCacheKeyChangesWithTheTransformsClassFiles() {
        assertThat(TransformCache.VERSION).matches(TransformCache.FORMAT + "-[0-9a-f]{24}");
        assertThat(TransformCache.version(MethodInstrumenter.class)).isNotEqualTo(TransformCache.version(MayThrow.class))
                .isEqualTo(TransformCache.version(MethodInstrumenter.class));
    }

    private static ProtectionDomain domain(String url) throws Exception {
        return new ProtectionDomain(new CodeSource(new URL(url), (Certificate[]) null), null);
    }
}
