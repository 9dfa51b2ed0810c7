package io.runserverplus.core.traceback;

import io.runserverplus.core.source.SourceWindow;
import io.runserverplus.spi.CapturedFrame;
import java.util.Optional;

/**
 * One stack frame as the page shows it.
 *
 * @param id         number of the frame within its traceback, used by debugger commands
 * @param className  binary class name, e.g. {@code com.acme.Shop$Cart}
 * @param methodName method name as the JVM reports it, e.g. {@code lambda$main$0}
 * @param fileName   source file name, empty when the class was compiled without it
 * @param lineNumber line number, or a negative number when unknown
 * @param origin     the module, jar or directory the class came from, empty when unknown
 * @param kind       application, library or JDK
 * @param hidden     plumbing (the debugger itself, reflection, lambda forms) left off the page
 * @param source     the lines around {@link #lineNumber}, when the source was found
 * @param locals     {@code this}, parameters and locals as the exception left this frame, when the
 *                   capture agent recorded them (live objects, for the page's table and the console)
 */
public record Frame(
        int id,
        String className,
        String methodName,
        String fileName,
        int lineNumber,
        String origin,
        FrameKind kind,
        boolean hidden,
        Optional<SourceWindow> source,
        Optional<CapturedFrame> locals) {

    /** The frame as {@code printStackTrace} writes it, without the leading "at". */
    public String location() {
        return className + "." + methodName + "(" + fileAndLine() + ")";
    }

    /** {@code Shop.java:42} as in a stack trace, or {@code Unknown Source}. */
    public String fileAndLine() {
        if (fileName.isEmpty()) {
            return "Unknown Source";
        }
        return lineNumber >= 0 ? fileName + ":" + lineNumber : fileName;
    }

    /** The class name without its package, e.g. {@code Shop$Cart}. */
    public String simpleClassName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    public boolean isApplication() {
        return kind == FrameKind.APPLICATION;
    }
}
