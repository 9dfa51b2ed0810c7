package io.runserverplus.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultSourceLocatorTest {

    @TempDir
    Path temp;

    @Test
    void applicationSourcesComeFromTheSourceRootsInOrder() throws IOException {
        Path first = write(temp.resolve("first/com/acme/Shop.java"), "class Shop { /* first */ }");
        write(temp.resolve("second/com/acme/Shop.java"), "class Shop { /* second */ }");
        DefaultSourceLocator locator = new DefaultSourceLocator(
                List.of(temp.resolve("first"), temp.resolve("second")), temp.resolve("no-src.zip"));

        Optional<SourceFile> found = locator.locate("com.acme.Shop$Cart", "Shop.java", "", Optional.empty());

        assertThat(found).hasValueSatisfying(file -> {
            assertThat(file.displayPath()).isEqualTo(first.toString());
            assertThat(file.text()).contains("first");
        });
    }

    @Test
    void anUnchangedFileIsReadOnceAndAnEditedOneAfresh() throws IOException {
        Path file = write(temp.resolve("src/com/acme/Shop.java"), "class Shop { /* before */ }");
        DefaultSourceLocator locator = new DefaultSourceLocator(List.of(temp.resolve("src")), temp.resolve("no-src.zip"));

        SourceFile first = locator.locate("com.acme.Shop", "Shop.java", "", Optional.empty()).orElseThrow();
        SourceFile again = locator.locate("com.acme.Shop", "Shop.java", "", Optional.empty()).orElseThrow();
        Files.writeString(file, "class Shop { /* after the edit */ }");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        SourceFile edited = locator.locate("com.acme.Shop", "Shop.java", "", Optional.empty()).orElseThrow();

        assertThat(again).isSameAs(first);
        assertThat(edited.text()).contains("after the edit");
    }

    @Test
    void librarySourcesComeFromTheSourcesJarBesideTheJar() throws IOException {
        Path jar = temp.resolve("repo/lib-1.0.jar");
        zip(jar, "com/lib/Tool.class", "bytes");
        zip(temp.resolve("repo/lib-1.0-sources.jar"), "com/lib/Tool.java", "package com.lib; class Tool {}");
        DefaultSourceLocator locator = new DefaultSourceLocator(List.of(), temp.resolve("no-src.zip"));
        URL classFile = URI.create("jar:" + jar.toUri() + "!/com/lib/Tool.class").toURL();

        Optional<SourceFile> found = locator.locate("com.lib.Tool", "Tool.java", "", Optional.of(classFile));

        assertThat(found).hasValueSatisfying(file -> {
            assertThat(file.text()).isEqualTo("package com.lib; class Tool {}");
            assertThat(file.displayPath()).endsWith("lib-1.0-sources.jar!/com/lib/Tool.java");
        });
    }

    @Test
    void jdkSourcesComeFromSrcZipByModule() throws IOException {
        Path srcZip = temp.resolve("src.zip");
        zip(srcZip, "java.base/java/lang/Thread.java", "package java.lang; public class Thread {}");
        DefaultSourceLocator locator = new DefaultSourceLocator(List.of(), srcZip);

        Optional<SourceFile> found = locator.locate("java.lang.Thread", "Thread.java", "java.base", Optional.empty());

        assertThat(found).hasValueSatisfying(file -> assertThat(file.text()).contains("public class Thread"));
    }

    @Test
    void missingOrCorruptArchivesAndUnknownFilesFindNothing() throws IOException {
        Path corrupt = write(temp.resolve("src.zip"), "this is not a zip");
        DefaultSourceLocator locator = new DefaultSourceLocator(List.of(temp.resolve("nowhere")), corrupt);

        assertThat(locator.locate("java.lang.Thread", "Thread.java", "java.base", Optional.empty())).isEmpty();
        assertThat(locator.locate("com.acme.Gen", "", "", Optional.empty())).isEmpty();
        assertThat(locator.locate("com.acme.Kotlin", "Kotlin.kt", "", Optional.empty())).isEmpty();
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void zip(Path archive, String entry, String text) throws IOException {
        Files.createDirectories(archive.getParent());
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
