package io.runserverplus.core.standby;

/** The Guice flag RunServerPlus sets before Guice's classes are first initialised. */
public final class GuiceFlags {

    private GuiceFlags() {
    }

    /**
     * Guice's bytecode generation (only needed for AOP, which we do not use) reaches for
     * sun.misc.Unsafe and makes JDK 24+ print a deprecation warning at every start; reflection
     * does the same job here. A value the user set wins.
     */
    public static void quiet() {
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
    }
}
