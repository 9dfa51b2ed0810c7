package io.runserverplus.console.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The jar to name in {@code -javaagent:}: the console's own jar, or, when the console's classes come
 * from a directory (an IDE, a reactor build), a jar holding only a manifest that names the agent
 * class. That is enough: {@code -javaagent} loads the agent class through the system class loader,
 * which finds it on the class path the child shares.
 */
public final class AgentJar {

    private static Optional<Path> located;

    private AgentJar() {}

    /** The agent jar, or empty when the console's code source cannot be found or used (found once). */
    public static synchronized Optional<Path> locate() {
        if (located == null) {
            located = find();
        }
        return located;
    }

    private static Optional<Path> find() {
        try {
            CodeSource source = Agent.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(location) && hasPremainClass(location)) {
                return Optional.of(location);
            }
            return Files.isDirectory(location) ? Optional.of(manifestOnlyJar()) : Optional.empty();
        } catch (IOException | URISyntaxException | RuntimeException unusable) {
            return Optional.empty();
        }
    }

    private static boolean hasPremainClass(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest != null && Agent.class.getName().equals(manifest.getMainAttributes().getValue("Premain-Class"));
        }
    }

    private static Path manifestOnlyJar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Premain-Class", Agent.class.getName());
        main.putValue("Agent-Class", Agent.class.getName());
        main.putValue("Can-Retransform-Classes", "true");
        main.putValue("Can-Redefine-Classes", "true");
        Path jar = Files.createTempFile("runserverplus-agent", ".jar"); // owner-only on POSIX
        jar.toFile().deleteOnExit();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.flush();
        }
        return jar;
    }
}
