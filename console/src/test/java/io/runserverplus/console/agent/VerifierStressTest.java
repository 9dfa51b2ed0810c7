package io.runserverplus.console.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.util.ReflectionUtils;

/**
 * Instruments every class of real jars (AssertJ, JUnit: javac output with local variable tables) and
 * has the JVM verify them all, by defining them in a fresh loader and linking them.
 */
class VerifierStressTest {
    @Test
    void theVerifierAcceptsEveryInstrumentedClass() throws Exception {
        int verified = 0;
        List<String> rejected = new ArrayList<>();
        for (Class<?> anchor : List.of(Assertions.class, Test.class, ReflectionUtils.class)) {
            Path jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            InstrumentingLoader loader = new InstrumentingLoader(read(jar));
            for (String name : loader.classes.keySet()) {
                try {
                    Class<?> type = Class.forName(name, false, loader);
                    type.getDeclaredMethods(); // links the class: the verifier runs here
                    verified++;
                } catch (VerifyError | ClassFormatError e) {
                    rejected.add(name + ": " + e);
                } catch (LinkageError e) {
                    // A missing optional dependency of the library: not the agent's doing.
                }
            }
            // Not all: annotations, and classes whose code cannot throw (getters, constants), need no handler.
            assertThat(loader.instrumented).as(jar.toString()).isGreaterThan(loader.classes.size() / 3);
        }
        assertThat(rejected).isEmpty();
        assertThat(verified).isGreaterThan(1000);
    }

    private static Map<String, byte[]> read(Path jar) throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.contains("-") && !name.startsWith("META-INF/")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        classes.put(name.substring(0, name.length() - 6).replace('/', '.'), in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    /** Child-first for the jar's classes, defined instrumented; everything else from the parent. */
    private static final class InstrumentingLoader extends ClassLoader {
        final Map<String, byte[]> classes;
        int instrumented;

        InstrumentingLoader(Map<String, byte[]> classes) {
            super(VerifierStressTest.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                byte[] original = classes.get(name);
                if (original == null) {
                    return super.loadClass(name, resolve);
                }
                byte[] bytes = ClassInstrumenter.instrument(original, message -> { });
                if (bytes != null) {
                    instrumented++;
                }
                return defineClass(name, bytes == null ? original : bytes, 0, (bytes == null ? original : bytes).length);
            }
        }
    }
}
