package io.runserverplus.core.security;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The bits the PIN is made of, read from this process and machine. Public bits are what a
 * visitor might guess (user, classes, paths); private bits are what they cannot see remotely
 * (the MAC address, the machine id). Containers often share one machine id and cgroup, so the
 * working directory and the main class's code source are added: two projects on one machine or
 * in look-alike containers get different PINs, while restarts of one project keep its PIN.
 */
final class MachineBits {
    private MachineBits() {
    }

    /**
     * @param mainClass   the class whose {@code main} started the program, if known
     * @param application the web app's class or adapter name
     */
    public static List<String> publicBits(Optional<String> mainClass, String application) {
        return List.of(System.getProperty("user.name", ""), mainClass.orElse(""), application,
                codeSource(mainClass));
    }

    public static List<String> privateBits(Optional<String> mainClass) {
        List<String> bits = new ArrayList<>();
        bits.add(macAddress());
        bits.add(machineId());
        bits.add(Path.of("").toAbsolutePath().toString());
        bits.add(codeSource(mainClass));
        return bits;
    }

    /** Where the main class was loaded from: its project's target/classes, or its jar. */
    static String codeSource(Optional<String> mainClass) {
        if (mainClass.isEmpty()) {
            return "";
        }
        try {
            Class<?> type = Class.forName(mainClass.get(), false, loader());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            return location == null ? "" : location.toString();
        } catch (ClassNotFoundException | LinkageError | SecurityException unavailable) {
            return "";
        }
    }

    /** The first non-loopback interface's hardware address, as uuid.getnode() picks one. */
    static String macAddress() {
        try {
            for (NetworkInterface each : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                byte[] address = each.isLoopback() ? null : each.getHardwareAddress();
                if (address != null && address.length > 0) {
                    return HexFormat.of().formatHex(address);
                }
            }
        } catch (SocketException | RuntimeException unreadable) {
            // no interfaces to read: the other bits still make the PIN
        }
        return "";
    }

    /** {@code /etc/machine-id}, else the boot id, plus the cgroup line as Werkzeug adds it. */
    static String machineId() {
        String id = read(Path.of("/etc/machine-id")).or(() -> read(Path.of("/proc/sys/kernel/random/boot_id")))
                .orElse("");
        String cgroup = read(Path.of("/proc/self/cgroup"))
                .map(text -> text.lines().findFirst().orElse(""))
                .map(line -> line.substring(line.lastIndexOf('/') + 1))
                .orElse("");
        return id + cgroup;
    }

    private static Optional<String> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : MachineBits.class.getClassLoader();
    }
}
