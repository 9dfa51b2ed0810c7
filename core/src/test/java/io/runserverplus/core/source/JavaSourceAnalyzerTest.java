package io.runserverplus.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaSourceAnalyzerTest {

    private static final SourceFile FILE = SourceFile.of("Shop.java", """
            package shop;                                              // 1
                                                                       // 2
            import java.util.List;                                     // 3
                                                                       // 4
            public class Shop {                                        // 5
                private final List<String> items;                      // 6
                                                                       // 7
                Shop(List<String> items) {                             // 8
                    this.items = items;                                // 9
                }                                                      // 10
                                                                       // 11
                int count() {                                          // 12
                    return items.stream()                              // 13
                            .filter(item -> item.length() > 3)         // 14
                            .mapToInt(item -> {                        // 15
                                return item.length();                  // 16
                            })                                         // 17
                            .sum();                                    // 18
                }                                                      // 19
                                                                       // 20
                record Price(long cents) {                             // 21
                    Price {                                            // 22
                        if (cents < 0) throw new IllegalArgumentException(); // 23
                    }                                                  // 24
                }                                                      // 25
                                                                       // 26
                static class Basket {                                  // 27
                    static { System.out.println("loaded"); }           // 28
                    void add(Object thing) {                           // 29
                        Object copy = switch (thing) {                 // 30
                            case String text -> text.strip();          // 31
                            default -> thing;                          // 32
                        };                                             // 33
                    }                                                  // 34
                }                                                      // 35
            }                                                          // 36
            """);

    private final JavaSourceAnalyzer analyzer = new JavaSourceAnalyzer();

    @Test
    void aMethodFrameMarksTheWholeMethod() {
        assertThat(analyzer.enclosingCallable(FILE, 18, "count")).contains(new LineRange(12, 19));
    }

    @Test
    void aConstructorFrameMarksTheConstructor() {
        assertThat(analyzer.enclosingCallable(FILE, 9, "<init>")).contains(new LineRange(8, 10));
    }

    @Test
    void aLambdaFrameMarksTheLambdaNotTheMethodAroundIt() {
        assertThat(analyzer.enclosingCallable(FILE, 16, "lambda$count$1")).contains(new LineRange(15, 17));
        assertThat(analyzer.enclosingCallable(FILE, 14, "lambda$count$0")).contains(new LineRange(14, 14));
    }

    @Test
    void theMethodFrameOnALineWithALambdaStillMarksTheMethod() {
        assertThat(analyzer.enclosingCallable(FILE, 14, "count")).contains(new LineRange(12, 19));
    }

    @Test
    void aRecordsCompactConstructorIsFound() {
        assertThat(analyzer.enclosingCallable(FILE, 23, "<init>")).contains(new LineRange(22, 24));
    }

    @Test
    void nestedClassesStaticInitializersAndPatternSwitchesParseAtLanguageLevel21() {
        assertThat(analyzer.enclosingCallable(FILE, 31, "add")).contains(new LineRange(29, 34));
        assertThat(analyzer.enclosingCallable(FILE, 28, "<clinit>")).contains(new LineRange(28, 28));
    }

    @Test
    void aLineOutsideAnyCallableHasNoRange() {
        assertThat(analyzer.enclosingCallable(FILE, 6, "<init>")).isEmpty();
    }

    @Test
    void aFileThatDoesNotParseHasNoRangesInsteadOfAnError() {
        SourceFile broken = SourceFile.of("Broken.java", "class Broken { void m( { }");

        assertThat(analyzer.enclosingCallable(broken, 1, "m")).isEmpty();
    }
}
