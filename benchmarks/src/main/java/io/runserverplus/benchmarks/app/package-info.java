/**
 * A small order-pricing "application" that fails the way a real request does: a bad price string
 * deep in a recursive rule evaluation, wrapped twice on the way out. The render benchmark throws
 * it once and renders its traceback page; the sources in this folder are what the page shows for
 * the application frames.
 */
package io.runserverplus.benchmarks.app;
