package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiling on change with real javac on real files, without the child JVMs. */
class SourceChangesTest {

    @TempDir
    Path dir;

    private SampleProject project;
    private SourceChanges changes;
    private SourceCompiler compiler;

    @BeforeEach
    void project() throws Exception {
        project = new SampleProject(dir);
        List<SourceSet> sets = SourceSet.detect(List.of(), List.of(project.classes));
        compiler = SourceCompiler.create(project.classes.toString(), CompileOptions.DEFAULTS).orElseThrow();
        changes = new SourceChanges(sets, compiler);
    }

    @AfterEach
    void close() {
        changes.close();
    }

    @Test
    void everySaveOfTheSameFileIsCompiledAsItIsThenAndAnotherFileBetweenChangesNothing() throws Exception {
        for (String text : List.of("first save", "second save", "third save")) {
            Files.writeString(project.source("Greeting"), SampleProject.greeting(text, "!"));

            SourceChanges.Outcome outcome = changes.apply(Set.of(project.source("Greeting")));

            assertThat(outcome.errors()).isEmpty();
            assertThat(new String(Files.readAllBytes(project.classFile("Greeting")), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as("the class as saved now").contains(text);
        }
        Files.writeString(project.source("Greeting"), SampleProject.greeting("broken", "!").replace("return", "retur"));
        assertThat(changes.apply(Set.of(project.source("Greeting"))).errors()).isNotEmpty();
        Files.writeString(project.source("Greeting"), SampleProject.greeting("fixed", "!"));
        assertThat(changes.apply(Set.of(project.source("Greeting"))).errors()).isEmpty();
        assertThat(new String(Files.readAllBytes(project.classFile("Greeting")), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("fixed");
        Files.writeString(project.source("Main"), Files.readString(project.source("Main")) + "\n// another file\n");
        assertThat(changes.apply(Set.of(project.source("Main"))).errors()).as("another file: a task of its own").isEmpty();
        Files.writeString(project.source("Greeting"), SampleProject.greeting("after another file", "!"));
        assertThat(changes.apply(Set.of(project.source("Greeting"))).errors()).isEmpty();
        assertThat(new String(Files.readAllBytes(project.classFile("Greeting")), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("after another file");
    }

    @Test
    void theLayoutGivesTheSourcesAndResourcesOfAWatchedClassDirectory() throws Exception {
        Files.createDirectories(dir.resolve("src/main/resources"));
        assertThat(SourceSet.detect(List.of(), List.of(project.classes))).containsExactly(
                new SourceSet(dir.resolve("src/main/java"), project.classes, false),
                new SourceSet(dir.resolve("src/main/resources"), project.classes, true));
        assertThat(SourceSet.detect(List.of(), List.of(dir.resolve("elsewhere")))).isEmpty();
    }

    @Test
    void theGradleLayoutAndTestClassesToo() throws Exception {
        Path gradle = dir.resolve("gradle-project");
        Path main = Files.createDirectories(gradle.resolve("build/classes/java/main"));
        Path mainResources = Files.createDirectories(gradle.resolve("build/resources/main"));
        Path testClasses = Files.createDirectories(dir.resolve("target/test-classes"));
        for (String sources : List.of("gradle-project/src/main/java", "gradle-project/src/main/resources", "src/test/java")) {
            Files.createDirectories(dir.resolve(sources));
        }

        assertThat(SourceSet.detect(List.of(), List.of(main, mainResources, testClasses))).containsExactly(
                new SourceSet(gradle.resolve("src/main/java"), main, false),
                new SourceSet(gradle.resolve("src/main/resources"), mainResources, true),
                new SourceSet(dir.resolve("src/test/java"), testClasses, false));
    }

    @Test
    void aChangedResourceIsCopiedToTheClassDirectoryAndADeletedOneDeleted() throws Exception {
        Path resources = Files.createDirectories(dir.resolve("src/main/resources/templates"));
        try (var withResources = new SourceChanges(SourceSet.detect(List.of(), List.of(project.classes)), null)) {
            Path page = Files.writeString(resources.resolve("page.html"), "<p>new</p>");

            assertThat(withResources.apply(Set.of(page)).reload()).containsExactly(project.classes.resolve("templates/page.html"));
            assertThat(project.classes.resolve("templates/page.html")).hasContent("<p>new</p>");
            assertThat(withResources.apply(Set.of(project.classes.resolve("templates/page.html"))).reload())
                    .as("the copy, seen again").isEmpty();

            Files.delete(page);
            assertThat(withResources.apply(Set.of(page)).reload()).containsExactly(project.classes.resolve("templates/page.html"));
            assertThat(project.classes.resolve("templates/page.html")).doesNotExist();
        }
    }

    @Test
    void aResourceThatCannotBeCopiedIsOneLineAndStopsNothing() throws Exception {
        Path resources = Files.createDirectories(dir.resolve("src/main/resources"));
        Files.createDirectories(project.classes.resolve("page.html/in-the-way"));
        try (var withResources = new SourceChanges(SourceSet.detect(List.of(), List.of(project.classes)), null)) {
            Path page = Files.writeString(resources.resolve("page.html"), "<p>new</p>");
            Path other = Files.writeString(resources.resolve("other.txt"), "other");

            SourceChanges.Outcome outcome = withResources.apply(new java.util.LinkedHashSet<>(List.of(page, other)));

            assertThat(outcome.notes()).singleElement().asString()
                    .startsWith(" * Cannot bring '" + page + "' into '" + project.classes + "': ");
            assertThat(outcome.reload()).containsExactly(project.classes.resolve("other.txt"));
        }
    }

    /** A processor on the class path, as Lombok is under an IDE run: it generates {@code app.Generated}. */
    private Path processorOnTheClassPath() throws Exception {
        Path processor = Files.createDirectories(dir.resolve("processor"));
        Path source = Files.writeString(processor.resolve("GeneratingProcessor.java"), """
                import java.io.Writer;
                import java.util.Set;
                import javax.annotation.processing.*;
                import javax.lang.model.SourceVersion;
                import javax.lang.model.element.TypeElement;

                @SupportedAnnotationTypes("*")
                public class GeneratingProcessor extends AbstractProcessor {
                    private boolean done;
                    @Override public SourceVersion getSupportedSourceVersion() { return SourceVersion.latestSupported(); }
                    @Override public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                        if (!done) {
                            done = true;
                            try (Writer out = processingEnv.getFiler().createSourceFile("app.Generated").openWriter()) {
                                out.write("package app; public final class Generated { public static String text() { return \\"generated\\"; } }");
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                        return false;
                    }
                }
                """);
        javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", processor.toString(), source.toString());
        Path services = Files.createDirectories(processor.resolve("META-INF/services"));
        Files.writeString(services.resolve("javax.annotation.processing.Processor"), "GeneratingProcessor\n");
        return processor;
    }

    @Test
    void annotationProcessorsOnTheClassPathRunAsTheBuildRanThem() throws Exception {
        String classPath = project.classes + java.io.File.pathSeparator + processorOnTheClassPath();
        try (var withProcessor = new SourceChanges(SourceSet.detect(List.of(), List.of(project.classes)),
                SourceCompiler.create(classPath, CompileOptions.DEFAULTS).orElseThrow())) {
            Files.writeString(project.source("Greeting"), SampleProject.greeting("x", "!")
                    .replace("return \"x\";", "return Generated.text();"));

            SourceChanges.Outcome outcome = withProcessor.apply(Set.of(project.source("Greeting")));

            assertThat(outcome.errors()).isEmpty();
            assertThat(outcome.reload()).contains(project.classFile("Generated"), project.classFile("Greeting"));
        }
    }

    @Test
    void javacWarmsUpInTheBackgroundWithoutWritingAnythingUntilTheFirstSave() throws Exception {
        Map<Path, String> classesBefore = contents(project.classes);

        changes.warmUp();
        awaitUntil(() -> compiler.warmUpCompiles() >= SourceCompiler.WARM_UP_COMPILES, "the warm-up compiles");

        assertThat(contents(project.classes)).as("what the warm-up wrote").isEqualTo(classesBefore);
    }

    @Test
    void aSaveDuringTheWarmUpIsCompiledAsAlwaysAndEndsTheWarmUp() throws Exception {
        changes.warmUp();
        awaitUntil(() -> compiler.warmUpCompiles() >= 1, "the first warm-up compile");
        Files.writeString(project.source("Greeting"), SampleProject.greeting("howdy", "!"));

        SourceChanges.Outcome outcome = changes.apply(Set.of(project.source("Greeting")));

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.reload()).containsExactly(project.classFile("Greeting"));
        int warmedAtTheSave = compiler.warmUpCompiles();
        Thread.sleep(1_000); // ten warm-up rounds' worth of waiting: none may start after a save
        assertThat(compiler.warmUpCompiles()).isLessThanOrEqualTo(warmedAtTheSave + 1);
    }

    @Test
    void underHotSwapJavacKeepsWarmingBetweenSavesWithoutWritingAnything() throws Exception {
        compiler.keepWarmBetweenSaves();
        Files.writeString(project.source("Greeting"), SampleProject.greeting("howdy", "!"));
        assertThat(changes.apply(Set.of(project.source("Greeting"))).errors()).isEmpty();
        Map<Path, String> classesAfterTheSave = contents(project.classes);

        awaitUntil(() -> compiler.warmUpCompiles() >= 3, "warm-up compiles after the save");

        assertThat(contents(project.classes)).as("what the warm-up wrote").isEqualTo(classesAfterTheSave);
        Files.writeString(project.source("Greeting"), SampleProject.greeting("hello again", "!"));
        SourceChanges.Outcome next = changes.apply(Set.of(project.source("Greeting")));
        assertThat(next.errors()).isEmpty();
        assertThat(next.reload()).containsExactly(project.classFile("Greeting"));
    }

    @Test
    void theWarmUpReadsTheNewestSourcesClassFileSoItsFirstSaveWaitsForNoSuchReading() throws Exception {
        Files.setLastModifiedTime(project.source("Greeting"), FileTime.from(Instant.now().plusSeconds(1)));
        changes.warmUp();
        awaitUntil(() -> compiler.signatures().readAheadClasses() == 1, "Greeting's class file read ahead");
        int readings = compiler.signatures().classFileTasks();

        Files.writeString(project.source("Greeting"), SampleProject.greeting("howdy", "!"));
        SourceChanges.Outcome body = changes.apply(Set.of(project.source("Greeting")));
        Files.writeString(project.source("Greeting"), SampleProject.greeting("howdy", "?"));
        SourceChanges.Outcome constant = changes.apply(Set.of(project.source("Greeting")));

        assertThat(body.reload()).as("a body change").containsExactly(project.classFile("Greeting"));
        assertThat(constant.notes()).first().asString()
                .isEqualTo(" * A signature changed in 'Greeting.java': compiling every source again");
        assertThat(compiler.signatures().classFileTasks()).as("class files read by the saves").isEqualTo(readings);
    }

    @Test
    void aClassFileRewrittenAfterTheWarmUpReadItIsReadAgain() throws Exception {
        Files.setLastModifiedTime(project.source("Greeting"), FileTime.from(Instant.now().plusSeconds(1)));
        changes.warmUp();
        awaitUntil(() -> compiler.signatures().readAheadClasses() == 1, "Greeting's class file read ahead");
        // An IDE builds a new constant, Main included; then the user saves the old one back.
        Files.writeString(project.source("Greeting"), SampleProject.greeting("hello", "?"));
        project.build();
        Files.writeString(project.source("Greeting"), SampleProject.greeting("hello", "!"));

        SourceChanges.Outcome outcome = changes.apply(Set.of(project.source("Greeting")));

        assertThat(outcome.notes()).first().asString()
                .isEqualTo(" * A signature changed in 'Greeting.java': compiling every source again");
        assertThat(new String(Files.readAllBytes(project.classFile("Main")), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("Main compiled against the saved constant").contains("! from ").doesNotContain("? from ");
    }

    private static Map<Path, String> contents(Path directory) throws Exception {
        try (var walk = Files.walk(directory)) {
            var contents = new java.util.TreeMap<Path, String>();
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                contents.put(file, java.util.HexFormat.of().formatHex(Files.readAllBytes(file)));
            }
            return contents;
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aBodyChangeCompilesThatFileOnlyAndItsOwnWritesAreNotAChangeAgain() throws Exception {
        byte[] mainBefore = Files.readAllBytes(project.classFile("Main"));
        Files.writeString(project.source("Greeting"), SampleProject.greeting("howdy", "!"));

        SourceChanges.Outcome outcome = changes.apply(Set.of(project.source("Greeting")));

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.reload()).containsExactly(project.classFile("Greeting"));
        assertThat(outcome.notes()).singleElement().asString().startsWith(" * Compiled 'Greeting.java' in ");
        assertThat(Files.readAllBytes(project.classFile("Main"))).isEqualTo(mainBefore);
        // The detector then reports the class file the compile wrote, and an IDE writes the same bytes.
        Files.write(project.classFile("Greeting"), Files.readAllBytes(project.classFile("Greeting")));
        assertThat(changes.apply(Set.of(project.classFile("Greeting"))).reload()).isEmpty();
    }

    @Test
    void aClassFileOthersWroteWithOtherBytesIsAChange() throws Exception {
        Files.writeString(project.source("Greeting"), SampleProject.greeting("howdy", "!"));
        changes.apply(Set.of(project.source("Greeting")));

        Files.write(project.classFile("Greeting"), new byte[] {(byte) 0xCA, (byte) 0xFE});

        assertThat(changes.apply(Set.of(project.classFile("Greeting"))).reload())
                .containsExactly(project.classFile("Greeting"));
    }

    @Test
    void aSourceAnIdeCompiledAlreadyIsNotCompiledAgain() throws Exception {
        Files.writeString(project.source("Greeting"), SampleProject.greeting("howdy", "!"));
        project.build();
        Files.setLastModifiedTime(project.source("Greeting"), FileTime.from(Instant.now().minusSeconds(10)));

        SourceChanges.Outcome outcome = changes.apply(Set.of(project.source("Greeting"), project.classFile("Greeting")));

        assertThat(outcome.notes()).isEmpty();
        assertThat(outcome.compiled()).isFalse();
        assertThat(outcome.reload()).containsExactly(project.classFile("Greeting"));
    }

    @Test
    void aChangedConstantRecompilesTheClassesThatCopiedIt() throws Exception {
        byte[] mainBefore = Files.readAllBytes(project.classFile("Main"));
        Files.writeString(project.source("Greeting"), SampleProject.greeting("hello", "?"));

        SourceChanges.Outcome outcome = changes.apply(Set.of(project.source("Greeting")));

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.notes()).first().asString()
                .isEqualTo(" * A signature changed in 'Greeting.java': compiling every source again");
        assertThat(outcome.reload()).contains(project.classFile("Greeting"), project.classFile("Main"));
        assertThat(Files.readAllBytes(project.classFile("Main"))).isNotEqualTo(mainBefore);
    }

    @Test
    void aRemovedMethodMakesItsCallersFailAndTheNextSaveRetriesThem() throws Exception {
        Files.writeString(project.source("Greeting"), SampleProject.greeting("hello", "!")
                .replace("text()", "text(int times)"));

        SourceChanges.Outcome broken = changes.apply(Set.of(project.source("Greeting")));

        assertThat(broken.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(project.source("Main"));
            assertThat(error.line()).isEqualTo(15);
            assertThat(error.message()).contains("method text in class app.Greeting cannot be applied to given types", "required: int");
        });
        assertThat(broken.reload()).isEmpty();

        Files.writeString(project.source("Greeting"), SampleProject.greeting("hello", "!"));
        SourceChanges.Outcome fixed = changes.apply(Set.of(project.source("Greeting")));
        assertThat(fixed.errors()).isEmpty();
        assertThat(fixed.compiled()).isTrue();
    }
}
