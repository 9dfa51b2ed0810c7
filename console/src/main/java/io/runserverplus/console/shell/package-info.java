/**
 * The console engine: JShell executing in the application's JVM over its class loader, with a
 * frame's captured values bound as variables. Independent of HTTP: the debugger endpoint calls
 * {@link io.runserverplus.console.shell.ConsoleSessions#open}, {@code ConsoleSession.bindFrame} and
 * {@code ConsoleSession.eval} and renders the {@link io.runserverplus.spi.EvalResult}.
 *
 * <p>Limits, by design of local execution (there is no SecurityManager on JDK 24+):
 * <ul>
 *   <li>{@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} are refused by reading the
 *       snippet's source; application code the snippet calls, reflection and method handles are not
 *       checked and would still end the JVM.</li>
 *   <li>The time limit stops loops in snippet code (JShell weaves stop checks into snippet classes) and
 *       interrupts the snippet's threads. Application or JDK code that ignores interrupts cannot be
 *       stopped: the session is then closed and its thread abandoned (a daemon).</li>
 *   <li>An evaluation waits for threads the snippet started (JShell's local execution joins them),
 *       up to the time limit.</li>
 *   <li>Output is captured per evaluation through System.out/err replaced once by routing streams;
 *       code that kept a reference to the original streams, or that prints from threads not started
 *       by the snippet, is not captured.</li>
 *   <li>Assigning a frame variable changes the console's copy only; the frame is gone.</li>
 * </ul>
 */
package io.runserverplus.console.shell;
