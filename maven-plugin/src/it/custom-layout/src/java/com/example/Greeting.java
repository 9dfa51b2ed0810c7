package com.example;

final class Greeting {

    static String text() {
        return "Grüße";
    }
}
