package io.runserverplus.spi;

/**
 * The frame a console is bound to, visible to snippets as {@code frame}.
 *
 * @param index the frame's position in the traceback (0 = innermost), or -1 for no frame
 * @param className the declaring class
 * @param methodName the method
 * @param fileName the source file, or {@code null}
 * @param lineNumber the line, or a negative number when unknown
 */
public record FrameInfo(int index, String className, String methodName, String fileName, int lineNumber) {

    /** The frame at {@code index} of a stack trace. */
    public static FrameInfo of(int index, StackTraceElement element) {
        return new FrameInfo(index, element.getClassName(), element.getMethodName(),
                element.getFileName(), element.getLineNumber());
    }

    @Override
    public String toString() {
        return className + "." + methodName + "(" + (fileName == null ? "Unknown Source"
                : lineNumber >= 0 ? fileName + ":" + lineNumber : fileName) + ")";
    }
}
