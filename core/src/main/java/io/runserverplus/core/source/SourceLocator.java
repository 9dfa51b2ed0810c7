package io.runserverplus.core.source;

import java.net.URL;
import java.util.Optional;

/**
 * Finds the source file of a stack frame. The default looks in the application's source roots, a
 * {@code -sources.jar} beside a library jar, and the JDK's {@code lib/src.zip}; bind another
 * implementation in a Guice module to look elsewhere.
 */
public interface SourceLocator {

    /**
     * @param className binary name of the frame's class, e.g. {@code com.acme.Shop$Cart}
     * @param fileName  the file name recorded in the class file, e.g. {@code Shop.java}
     * @param moduleName the frame's module (JDK frames), possibly empty
     * @param classFile where the class file was loaded from, if known
     */
    Optional<SourceFile> locate(String className, String fileName, String moduleName, Optional<URL> classFile);
}
