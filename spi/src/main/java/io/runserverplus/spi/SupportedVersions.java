package io.runserverplus.spi;

import java.util.Optional;

/**
 * The versions of a framework that an adapter supports: from {@code lowest} up to, not including,
 * the next major version. An adapter checks the version it finds at start, so an app whose build
 * pins an older framework fails with one sentence instead of losing the page to a
 * {@code NoSuchMethodError} at its first request.
 *
 * @param framework  the framework's name as users write it, e.g. {@code Helidon}
 * @param lowest     the lowest version tested, e.g. {@code 4.3.0}; its first number is the major version
 * @param dependency what to change in the app's build, e.g. {@code io.helidon:helidon-bom}
 */
public record SupportedVersions(String framework, String lowest, String dependency) {

    /**
     * Why {@code found} cannot be used, or empty when it is in range or unknown (a framework
     * repackaged without its version is given the benefit of the doubt).
     */
    public Optional<String> problemWith(String found) {
        if (found == null || found.isBlank() || numbers(found).length == 0) {
            return Optional.empty();
        }
        int[] version = numbers(found);
        int[] low = numbers(lowest);
        if (version[0] == low[0] && compare(version, low) >= 0) {
            return Optional.empty();
        }
        return Optional.of(framework + " " + found.strip() + " is not supported by RunServerPlus, which works with "
                + framework + " " + lowest + " and newer " + low[0] + ".x versions; set " + dependency
                + " to a version in that range in your build.");
    }

    /** "4.3.0-M1" as 4, 3, 0: the leading dot-separated numbers. */
    private static int[] numbers(String version) {
        String[] parts = version.strip().split("[.\\-+]");
        int count = 0;
        while (count < parts.length && !parts[count].isEmpty() && parts[count].chars().allMatch(Character::isDigit)) {
            count++;
        }
        int[] numbers = new int[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return numbers;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int difference = Integer.compare(i < a.length ? a[i] : 0, i < b.length ? b[i] : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }
}
