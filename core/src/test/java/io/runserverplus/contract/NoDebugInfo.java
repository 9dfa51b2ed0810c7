package io.runserverplus.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;

/**
 * A failure in a class compiled as plain {@code javac} compiles without {@code -g:vars}: no local
 * variable table, so the agent can only name the parameters {@code arg0}, {@code arg1}. Compiled
 * once, at first use, into a directory of its own (the agent instruments classes from directories).
 */
final class NoDebugInfo {

    static final String MESSAGE = "no carrier for the parcel";
    private static final String SOURCE = """
            package io.runserverplus.contract.nodebug;

            public class Shipment {
                public static String ship(String item, int count) {
                    int left = count - 1;
                    throw new IllegalStateException("%s");
                }
            }
            """.formatted(MESSAGE);

    private static volatile Class<?> shipment;

    private NoDebugInfo() {
    }

    static String fail() throws Exception {
        try {
            return (String) shipment().getMethod("ship", String.class, int.class).invoke(null, "parcel", 2);
        } catch (InvocationTargetException thrown) {
            throw (Exception) thrown.getCause();
        }
    }

    private static synchronized Class<?> shipment() throws Exception {
        if (shipment == null) {
            Path directory = Files.createTempDirectory("rsp-nodebug");
            Path source = Files.writeString(Files.createDirectories(directory.resolve("src")).resolve("Shipment.java"),
                    SOURCE);
            Path classes = Files.createDirectories(directory.resolve("classes"));
            int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g:source,lines",
                    "-d", classes.toString(), source.toString());
            if (status != 0) {
                throw new UncheckedIOException(new IOException("javac failed with status " + status));
            }
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    NoDebugInfo.class.getClassLoader());
            shipment = loader.loadClass("io.runserverplus.contract.nodebug.Shipment");
        }
        return shipment;
    }
}
