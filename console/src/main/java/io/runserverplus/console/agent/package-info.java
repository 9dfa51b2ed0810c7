/**
 * The {@code -javaagent} that records, when an exception leaves a method of the application, the
 * method's {@code this}, parameters and locals in scope, so the console can bind them.
 */
package io.runserverplus.console.agent;
