/**
 * The console engine: JShell executing in the application's JVM over its class loader, with a
 * frame's captured values bound as variables.
 */
package io.runserverplus.console.shell;
