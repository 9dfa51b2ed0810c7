/**
 * Application code for the agent and console benchmarks. Outside {@code io.runserverplus}, and
 * loaded from {@code target/classes} (a directory), so that the capture agent instruments it as it
 * would an application's build output (it leaves {@code io.runserverplus} and jars alone).
 */
package demo.bench;
