package io.runserverplus.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuthCookieTest {

    private static final String PIN = "123456789";

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final AuthCookie cookies = new AuthCookie(clock);

    @Test
    void aCookieIsAcceptedForSevenDaysAndNotASecondLonger() {
        String value = cookies.issue(PIN);

        clock.advance(Duration.ofDays(7));
        assertThat(cookies.accepts(value, PIN)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cookies.accepts(value, PIN)).isFalse();
    }

    @Test
    void aCookieFromTheFutureIsRefusedBeyondASmallClockSkew() {
        String value = cookies.issue(PIN);

        clock.advance(Duration.ofMinutes(-1));
        assertThat(cookies.accepts(value, PIN)).as("within the skew").isTrue();
        clock.advance(Duration.ofSeconds(-1));
        assertThat(cookies.accepts(value, PIN)).as("beyond the skew").isFalse();
    }

    @Test
    void aCookieForAnotherPinIsRefused() {
        assertThat(cookies.accepts(cookies.issue("987654321"), PIN)).isFalse();
    }

    @Test
    void anotherServersCookieIsRefusedEvenForTheSamePin() {
        assertThat(new AuthCookie(clock).accepts(cookies.issue(PIN), PIN)).isFalse();
    }

    @Test
    void aTimestampMovedBackToLiveLongerBreaksTheSignature() {
        String value = cookies.issue(PIN);
        long issued = Long.parseLong(value.substring(0, value.indexOf('|')));

        assertThat(cookies.accepts((issued + 100) + value.substring(value.indexOf('|')), PIN)).isFalse();
    }

    @Test
    void garbledValuesAreRefusedWithoutFailing() {
        for (String garbled : new String[] {"", "|", "abc|def", "1|", "|" + "0".repeat(64), "-5|" + "0".repeat(64),
                "99999999999999999999|" + "0".repeat(64), "1e3|" + "0".repeat(64), "+1|" + "0".repeat(64)}) {
            assertThat(cookies.accepts(garbled, PIN)).as(garbled).isFalse();
        }
    }
}
