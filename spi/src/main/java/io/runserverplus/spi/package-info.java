/**
 * Ports between RunServerPlus core and its optional parts: the neutral request and response that
 * adapters translate to and from, and the {@code *Provider} interfaces found by
 * {@link java.util.ServiceLoader}. Free of third-party types so any module can depend on it.
 */
package io.runserverplus.spi;
