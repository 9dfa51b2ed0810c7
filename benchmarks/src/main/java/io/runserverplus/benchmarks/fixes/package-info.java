/**
 * Prototypes of proposed changes to core, built only from core's public API (a decorator and a
 * subclass) so {@code benchmarks/run render --explain} can measure what they would save before
 * core is changed. Not used by anything but the benchmarks.
 */
package io.runserverplus.benchmarks.fixes;
