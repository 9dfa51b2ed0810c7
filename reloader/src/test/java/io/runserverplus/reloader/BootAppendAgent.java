package io.runserverplus.reloader;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * A {@code -javaagent} that appends the jar named in its argument to the boot class path, as the
 * console's agent does: the JVM then warns that class sharing is limited to the boot loader.
 */
public final class BootAppendAgent {

    private BootAppendAgent() {
    }

    public static void premain(String jar, Instrumentation instrumentation) throws IOException {
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
    }
}
