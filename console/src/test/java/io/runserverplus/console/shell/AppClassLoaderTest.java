package io.runserverplus.console.shell;

import io.runserverplus.spi.FrameInfo;
import io.runserverplus.spi.CapturedVariable;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snippets run over the configured application loader, not the system one. */
class AppClassLoaderTest {

    @Test
    void snippetsUseTheAppLoadersClassesAndFallBackToObjectForTypesTheCompilerCannotSee(@TempDir Path dir)
            throws Exception {
        Path onPath = compile(dir.resolve("a"), "demo.Widget",
                "package demo; public class Widget { public String hello() { return \"hi\"; } }");
        Path offPath = compile(dir.resolve("b"), "demo2.Gadget",
                "package demo2; public class Gadget { public String toString() { return \"gadget\"; } }");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {onPath.toUri().toURL(), offPath.toUri().toURL()},
                getClass().getClassLoader())) {
            Object widget = loader.loadClass("demo.Widget").getConstructor().newInstance();
            Object gadget = loader.loadClass("demo2.Gadget").getConstructor().newInstance();
            ConsoleConfig config = ConsoleConfig.defaults().withClassLoader(loader)
                    .withClassPath(System.getProperty("java.class.path") + File.pathSeparator + onPath);
            try (ConsoleSessions sessions = new ConsoleSessions(config)) {
                ConsoleSession s = sessions.open("tb", null, null);
                s.bindFrame(new FrameInfo(0, "demo.Widget", "run", null, 1), widget, List.of(
                        new CapturedVariable("widget", "demo.Widget", widget), new CapturedVariable("gadget", "demo2.Gadget", gadget)));
                assertThat(s.eval("widget.hello()").value()).isEqualTo("\"hi\"");
                s.eval("io.runserverplus.console.shell.Probe.record(new demo.Widget())");
                assertThat(Probe.recorded.getClass()).isSameAs(widget.getClass());
                assertThat(s.eval("self == widget").value()).isEqualTo("true");
                // demo2 is not on the compiler's class path: bound as Object, still the live object
                assertThat(s.eval("gadget.toString()").value()).isEqualTo("\"gadget\"");
                assertThat(s.eval("gadget.getClass().getClassLoader() == widget.getClass().getClassLoader()").value())
                        .isEqualTo("true");
            }
        }
    }

    private static Path compile(Path out, String className, String source) throws Exception {
        Path src = out.resolveSibling(out.getFileName() + "-src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Files.createDirectories(out);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), src.toString());
        assertThat(rc).isZero();
        return out;
    }
}
