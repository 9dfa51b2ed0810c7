package io.runserverplus.console.frame;

/**
 * The frame console in a JVM that does not let it keep javac's state between inputs (no agent, no
 * {@code --add-exports}): every compilation starts afresh, with the same results.
 */
class FrameConsoleWithoutKeptJavacStateTest extends FrameConsoleTest {

    @Override
    boolean keepJavacState() {
        return false;
    }
}
