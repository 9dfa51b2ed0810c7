/** The ports of RunServerPlus: what adapters, detectors and consoles implement. JDK only. */
module io.runserverplus.spi {
    exports io.runserverplus.spi;
}
