package com.example;

import org.apiguardian.api.API;

@API(status = API.Status.INTERNAL)
final class Greeting {

    static String text() {
        return "Grüße";
    }
}
