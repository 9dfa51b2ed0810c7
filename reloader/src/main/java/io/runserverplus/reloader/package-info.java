/**
 * Restarts the application when its files change: the {@code watch} and {@code poll} change
 * detectors, {@link io.runserverplus.reloader.ChangeDetectors} to pick one by name, and the
 * {@link io.runserverplus.reloader.Supervisor} that runs the app in a child JVM, restarts it on
 * change and shows a failure page on the app's port while it cannot start.
 */
package io.runserverplus.reloader;
