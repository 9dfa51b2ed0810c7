/**
 * Core's side of the console (the JShell and frame consoles of the {@code console} module, reached
 * through {@link io.runserverplus.spi.ConsoleProvider}): its settings and the support that finds the
 * provider and starts consoles on first need. Only the console: the terminal is
 * {@code server.Terminal}, captured output is the console module's.
 */
package io.runserverplus.core.console;
