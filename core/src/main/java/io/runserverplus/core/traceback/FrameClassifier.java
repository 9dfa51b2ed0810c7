package io.runserverplus.core.traceback;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides where a frame's class comes from by asking the class loader for the class file's URL
 * (no class is loaded or initialised): a directory means application code, a jar a library,
 * {@code jrt:} the JDK. Results are cached per class name since stacks repeat the same classes.
 */
@Singleton
public class FrameClassifier {

    /** Packages of RunServerPlus itself; their frames are the debugger's plumbing, not the app's. */
    private static final List<String> DEBUGGER_PACKAGES = List.of(
            "io.runserverplus.core.", "io.runserverplus.spi.", "io.runserverplus.adapter.",
            "io.runserverplus.console.", "io.runserverplus.reloader.");

    /** Reflection and method-handle machinery that sits between a caller and its callee. */
    private static final List<String> PLUMBING_PREFIXES = List.of(
            "jdk.internal.reflect.", "sun.reflect.", "java.lang.invoke.", "jdk.internal.invoke.");

    private static final List<String> JDK_PREFIXES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.");

    /**
     * What the class file's location says about a class.
     *
     * @param kind      application, library or JDK
     * @param location  short origin for the page: JDK module, jar file name or class directory
     * @param classFile the class file's URL, when the loader knows it
     */
    public record Origin(FrameKind kind, String location, java.util.Optional<URL> classFile) {
    }

    private final List<String> applicationPackages;
    private final Map<String, Origin> cache = new ConcurrentHashMap<>();

    @Inject
    public FrameClassifier(TracebackSettings settings) {
        this.applicationPackages = settings.applicationPackages().stream()
                .map(name -> name.endsWith(".") ? name : name + ".")
                .toList();
    }

    /** Kind and origin of a class, looked up through the given loader. */
    public Origin classify(String className, ClassLoader loader) {
        return cache.computeIfAbsent(className, name -> lookUp(name, loader));
    }

    /** Whether the frame is plumbing that would only distract on the page. */
    public boolean isHidden(StackTraceElement element) {
        String className = element.getClassName();
        if (isApplicationPackage(className)) {
            return false;
        }
        if (DEBUGGER_PACKAGES.stream().anyMatch(className::startsWith)
                || PLUMBING_PREFIXES.stream().anyMatch(className::startsWith)) {
            return true;
        }
        // Lambda proxies are hidden classes (Foo$$Lambda/0x...); the lambda body itself is a real
        // method (lambda$main$0) in the declaring class and stays visible.
        return className.contains("$$Lambda") || className.contains("$Proxy")
                || ("java.lang.reflect.Method".equals(className) && "invoke".equals(element.getMethodName()));
    }

    private Origin lookUp(String className, ClassLoader loader) {
        String resource = classFileOf(className);
        URL url = loader == null ? ClassLoader.getSystemResource(resource) : loader.getResource(resource);
        java.util.Optional<URL> classFile = java.util.Optional.ofNullable(url);
        if (isApplicationPackage(className)) {
            return new Origin(FrameKind.APPLICATION, url == null ? "" : describe(url, resource), classFile);
        }
        if (url == null) {
            boolean jdk = JDK_PREFIXES.stream().anyMatch(className::startsWith);
            return new Origin(jdk ? FrameKind.JDK : FrameKind.LIBRARY, "", classFile);
        }
        return new Origin(kindOf(url), describe(url, resource), classFile);
    }

    private boolean isApplicationPackage(String className) {
        return applicationPackages.stream().anyMatch(className::startsWith);
    }

    /** The class file of the top-level class, which exists even for nested and local classes. */
    private static String classFileOf(String className) {
        int nested = className.indexOf('$');
        String outer = nested > 0 ? className.substring(0, nested) : className;
        return outer.replace('.', '/') + ".class";
    }

    private static FrameKind kindOf(URL url) {
        return switch (url.getProtocol()) {
            case "jrt" -> FrameKind.JDK;
            case "file" -> FrameKind.APPLICATION;
            default -> FrameKind.LIBRARY;
        };
    }

    /** A short origin: the JDK module, the jar's file name, or the class directory. */
    static String describe(URL url, String resource) {
        String text = url.toString();
        return switch (url.getProtocol()) {
            case "jrt" -> {
                String path = url.getPath().substring(1);
                yield path.substring(0, path.indexOf('/'));
            }
            case "jar" -> {
                String jar = text.substring(0, text.indexOf("!/"));
                yield jar.substring(jar.lastIndexOf('/') + 1);
            }
            case "file" -> {
                String path = java.nio.file.Path.of(java.net.URI.create(text)).toString();
                yield path.endsWith(resource) ? path.substring(0, path.length() - resource.length() - 1) : path;
            }
            default -> text;
        };
    }
}
