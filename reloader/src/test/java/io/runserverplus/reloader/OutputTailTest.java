package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the failure page may show of the child's output. */
class OutputTailTest {

    private static final String KEY = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final OutputTail tail = new OutputTail(5, List.of(KEY, "1"));

    private void print(String text) {
        var splitter = tail.new LineSplitter();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        splitter.accept(bytes, bytes.length);
        splitter.finish();
    }

    @Test
    void thePinLineGoesToTheTerminalOnlyAndThePinIsHiddenWhereverElseItIsPrinted() {
        print("the app logs 123-456-789 early\n * Debugger PIN: 123-456-789\nand again 123456789 later\n");
        print("[main] INFO runserverplus -  * Debugger PIN: 123-456-789\n");

        assertThat(tail.lines()).containsExactly("the app logs [hidden] early", "and again [hidden] later");
    }

    @Test
    void thePinIsHiddenWhenTheConsolesAddressFollowsIt() {
        print(" * Debugger PIN: 123-456-789 (console: http://127.0.0.1:8000/console)\nthe app logs 123-456-789\n");

        assertThat(tail.lines()).containsExactly("the app logs [hidden]");
    }

    @Test
    void thePinStaysHiddenAfterARestartClearsTheTail() {
        print(" * Debugger PIN: 123-456-789\n");
        tail.clear();
        print("a new child prints 123-456-789\n");

        assertThat(tail.lines()).containsExactly("a new child prints [hidden]");
    }

    @Test
    void theSupervisorsSecretsAreHiddenButShortValuesAreLeftAlone() {
        print("env: RUNSERVERPLUS_COOKIE_KEY=" + KEY + " RUNSERVERPLUS_CHILD=1\n");

        assertThat(tail.lines()).containsExactly("env: RUNSERVERPLUS_COOKIE_KEY=[hidden] RUNSERVERPLUS_CHILD=1");
    }

    @Test
    void aPinThatIsOffHidesNothing() {
        print(" * Debugger PIN: off\nturned off by the user\n");

        assertThat(tail.lines()).containsExactly("turned off by the user");
    }

    @Test
    void onlyTheLastLinesAreKept() {
        print("1\n2\n3\n4\n5\n6\n7\n");

        assertThat(tail.lines()).containsExactly("3", "4", "5", "6", "7");
    }
}
