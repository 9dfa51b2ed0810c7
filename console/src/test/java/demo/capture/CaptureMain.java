package demo.capture;

import io.runserverplus.spi.CapturedFrame;
import io.runserverplus.console.agent.CapturedFrames;
import io.runserverplus.console.agent.ExitGuard;
import io.runserverplus.spi.CapturedVariable;
import io.runserverplus.console.agent.FrameLocals;
import io.runserverplus.console.agent.testfixture.Library;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of CaptureAgentIT: runs every scenario, and prints for each the captured frames
 * and the stack trace, in a line format the test parses.
 */
public final class CaptureMain {
    interface Failing {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Object lock = new Object();
        Map<String, Failing> scenarios = new LinkedHashMap<>();
        scenarios.put("plain", () -> Scenarios.plain(3));
        scenarios.put("wide", () -> Scenarios.wide("why", 40L, 3.0));
        scenarios.put("slotReuse", Scenarios::slotReuse);
        scenarios.put("instance", () -> new Scenarios.Account().withdraw(25));
        scenarios.put("constructor", () -> new Scenarios.Widget("w", 4));
        scenarios.put("beforeSuper", () -> new Scenarios.Early("e"));
        scenarios.put("lambda", () -> Scenarios.lambda("abc"));
        scenarios.put("synchronized", () -> Scenarios.synchronizedBlock(lock));
        scenarios.put("tryFinally", Scenarios::tryFinally);
        scenarios.put("switch", () -> Scenarios.switches(2, "b"));
        scenarios.put("loops", () -> Scenarios.loops(List.of("one", "two")));
        scenarios.put("rethrowsOwn", Scenarios::rethrowsOwn);
        scenarios.put("nested", () -> Scenarios.level1(1));
        scenarios.put("caughtInside", Scenarios::caughtInside);
        scenarios.put("library", () -> Library.call(() -> Scenarios.level3(7)));
        scenarios.put("stackOverflow", () -> Scenarios.recurse(0));
        scenarios.put("interfaceDefault", () -> new Scenarios.Greeter() { }.greet("bob"));
        scenarios.put("staticInit", () -> System.out.println(Scenarios.BadInit.VALUE));
        scenarios.put("noDebug", () -> invoke("demo.nog.NoDebug", "run"));
        scenarios.put("tooLarge", () -> invoke("demo.gen.Big", "big", 5));
        scenarios.put("largeNeighbour", () -> invoke("demo.gen.Big", "small", 6));
        scenarios.put("hotSwap", () -> {
            Scenarios.Swapped.class.getDeclaredMethods(); // loaded, and linked, before
            Redefiner.redefine(Scenarios.Swapped.class);
            Scenarios.Swapped.fail(5);
        });
        scenarios.put("arrayIndex", () -> Scenarios.at(new int[] {1, 2}, 3));
        scenarios.put("division", () -> Scenarios.ratio(50, 0));
        scenarios.put("nullField", () -> new Scenarios.Holder().nextCount());
        scenarios.put("manyVariables", () -> invoke("demo.gen.Wide", "many", java.util.stream.IntStream.range(0, 254).boxed().toArray()));
        System.out.println("agent " + FrameLocals.agentActive());
        System.out.println("recorder-loader " + CapturedFrames.class.getClassLoader());
        System.out.println("exit-guard " + ExitGuard.active() + (ExitGuard.active() ? " " + ExitProbe.run() : ""));
        for (Map.Entry<String, Failing> scenario : scenarios.entrySet()) {
            System.out.println("=== " + scenario.getKey());
            try {
                scenario.getValue().run();
                System.out.println("no exception");
            } catch (Throwable t) {
                boolean wrapped = t instanceof InvocationTargetException || t instanceof ExceptionInInitializerError;
                report(wrapped ? t.getCause() : t);
            }
        }
        // The synchronized block's monitor was released on the way out: another thread gets it.
        Thread other = Thread.ofPlatform().start(() -> {
            synchronized (lock) {
                System.out.println("lock free");
            }
        });
        other.join(TimeUnit.SECONDS.toMillis(10));
        System.out.flush();
        System.exit(0); // the app's own exit: the guard lets it through (a refusal would end with status 1)
    }

    private static void report(Throwable t) {
        for (CapturedFrame frame : FrameLocals.of(t)) {
            System.out.println("frame " + frame.className() + " " + frame.methodName() + " " + frame.descriptor());
            for (CapturedVariable v : frame.variables()) {
                Object value = v.value() == t ? "SELF" : v.value();
                System.out.println("var " + v.name() + " : " + v.declaredType() + " = " + value);
            }
        }
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        System.out.println("trace-begin");
        System.out.print(trace.toString().replace("\r\n", "\n"));
        System.out.println("trace-end");
    }

    private static void invoke(String className, String method, Object... args) throws Exception {
        Class<?> type = Class.forName(className);
        for (var m : type.getDeclaredMethods()) {
            if (m.getName().equals(method)) {
                m.setAccessible(true);
                m.invoke(null, args);
                return;
            }
        }
        throw new NoSuchMethodException(method);
    }
}
