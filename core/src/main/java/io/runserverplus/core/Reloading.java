package io.runserverplus.core;

import io.runserverplus.core.security.CookieKey;
import io.runserverplus.core.security.PinAttemptsFile;
import io.runserverplus.core.security.TrustedHosts;
import io.runserverplus.core.settings.Settings;
import io.runserverplus.core.settings.SettingsException;
import io.runserverplus.spi.ConsoleProvider;
import io.runserverplus.spi.OwnAddress;
import io.runserverplus.spi.ReloaderProvider;
import io.runserverplus.spi.SupervisedApp;
import io.runserverplus.spi.WatchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.function.BiPredicate;

/**
 * The reloader's side of {@code start()}: in the first JVM, hand over to the supervisor (found
 * through ServiceLoader) and never come back; in the child it starts, make sure the child dies with
 * its supervisor and let the start go on.
 */
final class Reloading {

    /** Looked up on first use: finding System.Logger's backend scans every jar, which start-up need not pay. */
    private static System.Logger logger() {
        return System.getLogger("runserverplus");
    }

    private Reloading() {
    }

    /** Whether this JVM is a child that a supervisor started (read from the environment: no class path scan). */
    static boolean isChild() {
        return "1".equals(System.getenv(ReloaderProvider.CHILD_ENV));
    }

    /** How many children the supervisor started before this JVM (0 outside a supervisor). */
    static int startIndex() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault(ReloaderProvider.START_ENV, "0"));
        } catch (NumberFormatException garbled) {
            return 0;
        }
    }

    /** In a child: where its supervisor says it serves, as {@code [addrport]} text. */
    static Optional<String> addressFromSupervisor() {
        String address = isChild() ? System.getenv(ReloaderProvider.ADDRESS_ENV) : null;
        int space = address == null ? -1 : address.lastIndexOf(' ');
        if (space <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(OwnAddressChoice.addrPort(new OwnAddress(Optional.of(address.substring(0, space)),
                    OptionalInt.of(Integer.parseInt(address.substring(space + 1))), "the supervisor's address")));
        } catch (NumberFormatException garbled) {
            return Optional.empty();
        }
    }

    /** In a child: tells the supervisor the app serves now, so that if it dies later it is restarted at once. */
    static void serving(int port) {
        String file = isChild() ? System.getenv(ReloaderProvider.SERVING_FILE_ENV) : null;
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Path serving = Path.of(file);
            Files.writeString(serving, ProcessHandle.current().pid() + " " + port);
            // Gone once this JVM's shutdown hooks have run: the supervisor need not wait for the rest of its exit.
            Path running = serving.resolveSibling(ReloaderProvider.HOOKS_DONE_PREFIX + ProcessHandle.current().pid());
            Files.writeString(running, "");
            running.toFile().deleteOnExit();
        } catch (IOException e) {
            // Then a death of this JVM waits for a change, as if it had never served.
        }
    }

    /** Found once: a ServiceLoader lookup scans every jar of the class path. */
    private static Optional<ReloaderProvider> provider;

    private static synchronized Optional<ReloaderProvider> provider() {
        if (provider == null) {
            provider = ServiceLoader.load(ReloaderProvider.class, Reloading.class.getClassLoader()).findFirst();
        }
        return provider;
    }

    /** Whether this JVM, with the reloader on, hands over to a supervisor: not a child, a reloader and a main class found. */
    static boolean canSupervise() {
        return !isChild() && provider().isPresent() && MainClass.ofThisProgram().isPresent();
    }

    /**
     * In a child that chose where to serve (no setting named an address, so the app's own settings
     * did): tells the supervisor, before serving, so its failure pages and later children use it.
     */
    static void choseAddress(String host, int port) {
        String file = isChild() ? System.getenv(ReloaderProvider.SERVING_FILE_ENV) : null;
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Path chosen = Path.of(file).resolveSibling(ReloaderProvider.OWN_ADDRESS_FILE);
            Path temp = Files.createTempFile(chosen.getParent(), "address-", ".tmp");
            Files.writeString(temp, host + " " + port);
            Files.move(temp, chosen, java.nio.file.StandardCopyOption.ATOMIC_MOVE); // never read half-written
        } catch (IOException e) {
            // Then the supervisor stops with this child, as when it cannot tell where the app serves.
        }
    }

    /**
     * In the first JVM: supervises the app and exits with the supervisor's status (never returns),
     * unless the reloader or the main class cannot be found (said in one line). In a child: makes
     * it end with its supervisor.
     *
     * @param addressNamed whether a setting names the address; if not, the first child chooses it
     *                     with the app's own settings
     */
    static void superviseUnlessChild(Settings settings, boolean addressNamed, List<String> args,
            Map<String, String> commandLine, Runnable beforeSupervising) {
        if (isChild()) {
            // The provider is found (a scan of every jar) off the start-up path.
            Thread.ofPlatform().daemon().name("runserverplus-parent-watch")
                    .start(() -> provider().ifPresent(ReloaderProvider::exitWithSupervisor));
            return;
        }
        Optional<ReloaderProvider> reloader = provider();
        if (reloader.isEmpty()) {
            logger().log(System.Logger.Level.WARNING, "The reloader is not on the class path, so the app runs without it;"
                    + " add io.runserverplus:runserverplus-reloader, or pass --noreload to say so.");
            return;
        }
        Optional<String> mainClass = MainClass.ofThisProgram();
        if (mainClass.isEmpty()) {
            logger().log(System.Logger.Level.WARNING, "The reloader cannot tell which main class started this program,"
                    + " so the app runs without it; start it with java -cp ... your.Main, or pass --noreload.");
            return;
        }
        warnAboutExtraFiles(settings);
        beforeSupervising.run();
        // Without a named address, the first child chooses with the app's own settings and says which.
        SupervisedApp app = new SupervisedApp(mainClass.get(), args, consoleJvmOptions(),
                addressNamed ? settings.address().host() : null, addressNamed ? settings.address().port() : 0, settings.reloaderType(), WatchRequest.ofClassPath(settings.extraFiles(),
                settings.excludePatterns(), settings.reloaderInterval()), sharedWithChildren(commandLine),
                trustedHost(settings), settings.staticLocations(), settings.hotswap());
        int status;
        try {
            status = reloader.get().supervise(app);
        } catch (IllegalArgumentException badSetting) {
            throw new SettingsException(badSetting.getMessage());
        }
        System.exit(status);
    }

    /**
     * What every child gets from the supervisor: one cookie key, so a reload does not ask for the
     * PIN again, one count of wrong PINs, so neither does a reload forget them, and the parsed
     * command line. (The supervisor treats these values as secrets, masked in the app's output.)
     */
    private static Map<String, String> sharedWithChildren(Map<String, String> commandLine) {
        Path attempts;
        try {
            attempts = PinAttemptsFile.create();
        } catch (IOException e) {
            throw new SettingsException("The reloader cannot create the file that keeps the debugger's wrong-PIN count"
                    + " across reloads in " + System.getProperty("java.io.tmpdir") + " (" + e.getMessage()
                    + "); make that directory writable or set -Djava.io.tmpdir, or pass --noreload.");
        }
        return Map.of(CookieKey.ENVIRONMENT, CookieKey.newKeyHex(), PinAttemptsFile.ENVIRONMENT, attempts.toString(),
                ParsedCommandLine.ENVIRONMENT, ParsedCommandLine.encode(commandLine));
    }

    /** The failure page (served on a host) shows why the app is down only to the hosts the debugger answers. */
    private static BiPredicate<String, String> trustedHost(Settings settings) {
        return (header, host) -> new TrustedHosts(settings.trustedHosts(), host).check(Optional.ofNullable(header)).trusted();
    }

    /** The capture agent (and its flags) when the console is on the class path: the child captures frame locals. */
    private static List<String> consoleJvmOptions() {
        return ServiceLoader.load(ConsoleProvider.class, Reloading.class.getClassLoader()).findFirst()
                .map(ConsoleProvider::jvmOptions).orElse(List.of());
    }

    /** A missing or unreadable --extra-file is not fatal: say so, and go on watching for it. */
    private static void warnAboutExtraFiles(Settings settings) {
        for (java.nio.file.Path file : settings.extraFiles()) {
            if (!java.nio.file.Files.exists(file)) {
                System.err.println(" * Warning: extra file \"" + file + "\" does not exist; the app reloads when it appears.");
            } else if (!java.nio.file.Files.isReadable(file)) {
                System.err.println(" * Warning: extra file \"" + file + "\" cannot be read; make it readable so its changes are seen.");
            }
        }
    }
}
