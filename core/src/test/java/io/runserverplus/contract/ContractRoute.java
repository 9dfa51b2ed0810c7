package io.runserverplus.contract;

/** A route body every adapter serves the same way: the text returned, or the throwable thrown. */
@FunctionalInterface
public interface ContractRoute {
    String handle() throws Exception;
}
