package io.runserverplus.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.core.security.PinGenerator.GeneratedPin;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PinGeneratorTest {

    private static final List<String> PUBLIC = List.of("alice", "com.acme.Main", "io.runserverplus.adapter.javalin.JavalinApp",
            "file:/home/alice/shop/target/classes/");
    private static final List<String> PRIVATE = List.of("0242ac110002", "4f1c0d8e9a0b4c5d8e7f6a5b4c3d2e1f",
            "/home/alice/shop", "file:/home/alice/shop/target/classes/");

    @Test
    void thePinLooksLikeWerkzeugsAndTheCookieNameIsOurs() {
        GeneratedPin pin = PinGenerator.generate(PUBLIC, PRIVATE, Optional.empty());

        assertThat(pin.pin()).matches("\\d{3}-\\d{3}-\\d{3}");
        assertThat(pin.cookieName()).matches("__rsp_debugger__[0-9a-f]{20}");
    }

    @Test
    void theSameProjectOnTheSameMachineGetsTheSamePinEveryTime() {
        assertThat(PinGenerator.generate(List.copyOf(PUBLIC), List.copyOf(PRIVATE), Optional.empty()))
                .isEqualTo(PinGenerator.generate(PUBLIC, PRIVATE, Optional.empty()));
    }

    @Test
    void anotherProjectInALookAlikeContainerGetsAnotherPin() {
        // Same user, same main class name, same machine id and MAC: only where the project lives differs.
        List<String> otherPublic = List.of("alice", "com.acme.Main", "io.runserverplus.adapter.javalin.JavalinApp",
                "file:/home/alice/blog/target/classes/");
        List<String> otherPrivate = List.of("0242ac110002", "4f1c0d8e9a0b4c5d8e7f6a5b4c3d2e1f",
                "/home/alice/blog", "file:/home/alice/blog/target/classes/");
        List<String> otherDirectoryOnly = List.of("0242ac110002", "4f1c0d8e9a0b4c5d8e7f6a5b4c3d2e1f",
                "/home/alice/shop-copy", "file:/home/alice/shop/target/classes/");

        GeneratedPin pin = PinGenerator.generate(PUBLIC, PRIVATE, Optional.empty());
        GeneratedPin other = PinGenerator.generate(otherPublic, otherPrivate, Optional.empty());
        GeneratedPin otherDirectory = PinGenerator.generate(PUBLIC, otherDirectoryOnly, Optional.empty());

        assertThat(other.pin()).isNotEqualTo(pin.pin());
        assertThat(other.cookieName()).isNotEqualTo(pin.cookieName());
        assertThat(otherDirectory.pin()).isNotEqualTo(pin.pin());
    }

    @Test
    void bitsAreSeparatedSoThatMovingCharactersBetweenThemChangesThePin() {
        assertThat(PinGenerator.generate(List.of("ab", "c"), List.of(), Optional.empty()))
                .isNotEqualTo(PinGenerator.generate(List.of("a", "bc"), List.of(), Optional.empty()));
    }

    @Test
    void aFixedPinIsUsedAsGivenAndGroupedLikeWerkzeugs() {
        assertThat(PinGenerator.generate(PUBLIC, PRIVATE, Optional.of("123456789")).pin()).isEqualTo("123-456-789");
        assertThat(PinGenerator.group("1234")).isEqualTo("1234");
        assertThat(PinGenerator.group("12345678")).isEqualTo("1234-5678");
        assertThat(PinGenerator.group("1234567890")).isEqualTo("12345-67890");
        assertThat(PinGenerator.group("1234567")).isEqualTo("1234567");
    }

    @Test
    void thisMachinesBitsIncludeTheWorkingDirectoryAndAMachineId() {
        List<String> bits = MachineBits.privateBits(Optional.of(PinGeneratorTest.class.getName()));

        assertThat(bits).contains(java.nio.file.Path.of("").toAbsolutePath().toString());
        assertThat(bits.get(3)).startsWith("file:").endsWith("/");
        assertThat(MachineBits.machineId()).isNotEmpty();
    }
}
