package io.runserverplus.core.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The values given to the builder, one typed field per {@link Setting} (empty when the builder was
 * not given it), so that {@link SettingsResolver} reads each back with its own type. A setter called
 * again replaces the value; the builder's {@code addX(..)} methods build the longer list themselves.
 */
public final class BuilderSettings {
    private String addrPort;
    private Boolean ipv6;
    private Boolean noReload;
    private String reloaderType;
    private Duration reloaderInterval;
    private List<Path> extraFiles;
    private List<String> excludePatterns;
    private String certFile;
    private String keyFile;
    private StartupMessages startupMessages;
    private Boolean browser;
    private Boolean hotswap;
    private Path output;
    private DebugPin debugPin;
    private List<String> trustedHosts;
    private Optional<String> consolePath;
    private Duration consoleTimeLimit;
    private List<String> staticLocations;
    private Boolean liveReload;

    /** No value given: every setting comes from the other sources. */
    public static BuilderSettings none() {
        return new BuilderSettings();
    }

    /** A copy, so that a start resolves the values the builder held when it was called. */
    public BuilderSettings copy() {
        BuilderSettings copy = new BuilderSettings();
        copy.addrPort = addrPort;
        copy.ipv6 = ipv6;
        copy.noReload = noReload;
        copy.reloaderType = reloaderType;
        copy.reloaderInterval = reloaderInterval;
        copy.extraFiles = extraFiles;
        copy.excludePatterns = excludePatterns;
        copy.certFile = certFile;
        copy.keyFile = keyFile;
        copy.startupMessages = startupMessages;
        copy.browser = browser;
        copy.output = output;
        copy.debugPin = debugPin;
        copy.trustedHosts = trustedHosts;
        copy.consolePath = consolePath;
        copy.consoleTimeLimit = consoleTimeLimit;
        copy.staticLocations = staticLocations;
        copy.liveReload = liveReload;
        copy.hotswap = hotswap;
        return copy;
    }

    /** {@link Settings#ADDRPORT}. */
    public BuilderSettings addrPort(String addrPort) {
        this.addrPort = addrPort;
        return this;
    }

    public Optional<String> addrPort() {
        return Optional.ofNullable(addrPort);
    }

    /** {@link Settings#IPV6}. */
    public BuilderSettings ipv6(Boolean ipv6) {
        this.ipv6 = ipv6;
        return this;
    }

    public Optional<Boolean> ipv6() {
        return Optional.ofNullable(ipv6);
    }

    /** {@link Settings#NORELOAD}. */
    public BuilderSettings noReload(Boolean noReload) {
        this.noReload = noReload;
        return this;
    }

    public Optional<Boolean> noReload() {
        return Optional.ofNullable(noReload);
    }

    /** {@link Settings#RELOADER_TYPE}. */
    public BuilderSettings reloaderType(String reloaderType) {
        this.reloaderType = reloaderType;
        return this;
    }

    public Optional<String> reloaderType() {
        return Optional.ofNullable(reloaderType);
    }

    /** {@link Settings#RELOADER_INTERVAL}. */
    public BuilderSettings reloaderInterval(Duration reloaderInterval) {
        this.reloaderInterval = reloaderInterval;
        return this;
    }

    public Optional<Duration> reloaderInterval() {
        return Optional.ofNullable(reloaderInterval);
    }

    /** {@link Settings#EXTRA_FILES}. */
    public BuilderSettings extraFiles(List<Path> extraFiles) {
        this.extraFiles = List.copyOf(extraFiles);
        return this;
    }

    public Optional<List<Path>> extraFiles() {
        return Optional.ofNullable(extraFiles);
    }

    /** {@link Settings#EXCLUDE_PATTERNS}. */
    public BuilderSettings excludePatterns(List<String> excludePatterns) {
        this.excludePatterns = List.copyOf(excludePatterns);
        return this;
    }

    public Optional<List<String>> excludePatterns() {
        return Optional.ofNullable(excludePatterns);
    }

    /** {@link Settings#CERT_FILE}. */
    public BuilderSettings certFile(String certFile) {
        this.certFile = certFile;
        return this;
    }

    public Optional<String> certFile() {
        return Optional.ofNullable(certFile);
    }

    /** {@link Settings#KEY_FILE}. */
    public BuilderSettings keyFile(String keyFile) {
        this.keyFile = keyFile;
        return this;
    }

    public Optional<String> keyFile() {
        return Optional.ofNullable(keyFile);
    }

    /** {@link Settings#STARTUP_MESSAGES}. */
    public BuilderSettings startupMessages(StartupMessages startupMessages) {
        this.startupMessages = startupMessages;
        return this;
    }

    public Optional<StartupMessages> startupMessages() {
        return Optional.ofNullable(startupMessages);
    }

    /** {@link Settings#HOTSWAP}. */
    public BuilderSettings hotswap(Boolean hotswap) {
        this.hotswap = hotswap;
        return this;
    }

    public Optional<Boolean> hotswap() {
        return Optional.ofNullable(hotswap);
    }

    /** {@link Settings#BROWSER}. */
    public BuilderSettings browser(Boolean browser) {
        this.browser = browser;
        return this;
    }

    public Optional<Boolean> browser() {
        return Optional.ofNullable(browser);
    }

    /** {@link Settings#OUTPUT}. */
    public BuilderSettings output(Path output) {
        this.output = output;
        return this;
    }

    public Optional<Path> output() {
        return Optional.ofNullable(output);
    }

    /** {@link Settings#DEBUG_PIN}. */
    public BuilderSettings debugPin(DebugPin debugPin) {
        this.debugPin = debugPin;
        return this;
    }

    public Optional<DebugPin> debugPin() {
        return Optional.ofNullable(debugPin);
    }

    /** {@link Settings#TRUSTED_HOSTS}. */
    public BuilderSettings trustedHosts(List<String> trustedHosts) {
        this.trustedHosts = List.copyOf(trustedHosts);
        return this;
    }

    public Optional<List<String>> trustedHosts() {
        return Optional.ofNullable(trustedHosts);
    }

    /** {@link Settings#CONSOLE_PATH}. */
    public BuilderSettings consolePath(Optional<String> consolePath) {
        this.consolePath = consolePath;
        return this;
    }

    public Optional<Optional<String>> consolePath() {
        return Optional.ofNullable(consolePath);
    }

    /** {@link Settings#CONSOLE_TIME_LIMIT}. */
    public BuilderSettings consoleTimeLimit(Duration consoleTimeLimit) {
        this.consoleTimeLimit = consoleTimeLimit;
        return this;
    }

    public Optional<Duration> consoleTimeLimit() {
        return Optional.ofNullable(consoleTimeLimit);
    }

    /** {@link Settings#STATIC_LOCATIONS}. */
    public BuilderSettings staticLocations(List<String> staticLocations) {
        this.staticLocations = List.copyOf(staticLocations);
        return this;
    }

    public Optional<List<String>> staticLocations() {
        return Optional.ofNullable(staticLocations);
    }

    /** {@link Settings#LIVE_RELOAD}. */
    public BuilderSettings liveReload(Boolean liveReload) {
        this.liveReload = liveReload;
        return this;
    }

    public Optional<Boolean> liveReload() {
        return Optional.ofNullable(liveReload);
    }
}
