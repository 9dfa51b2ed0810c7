package com.example.greeting;

public final class Greeting {

    private Greeting() {
    }

    public static String text() {
        return "Hello from the greeting module";
    }
}
