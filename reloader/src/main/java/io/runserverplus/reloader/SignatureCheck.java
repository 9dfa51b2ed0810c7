package io.runserverplus.reloader;

import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;

/**
 * Whether a compile changed what other classes compile against ({@link ApiFingerprint}). A class
 * is compared with what this compiler last compiled of it, else with its class file, which a
 * second javac task reads: 50-150 ms on the Javalin demo's class path, which the first save of a
 * class would wait for. So the warm-up reads ahead the classes of the source the user likely
 * edits next ({@link #readAhead}); what it read counts only while the class file has the time and
 * size it had then (an IDE's build may have rewritten it since). Used on javac's thread only.
 */
final class SignatureCheck {

    /** A class file's time and size. */
    private record Stamp(FileTime modified, long size) {
    }

    /** A class file's API as read, and the file's stamp then. */
    private record OnDisk(String fingerprint, Stamp stamp) {
    }

    private final JavaCompiler javac;
    private final StandardJavaFileManager files;
    /** What each class this compiler compiled last looks like to its users. */
    private final Map<String, String> lastCompiled = new ConcurrentHashMap<>();
    private final Map<String, OnDisk> readAhead = new ConcurrentHashMap<>();
    private final AtomicInteger classFileTasks = new AtomicInteger();

    SignatureCheck(JavaCompiler javac, StandardJavaFileManager files) {
        this.javac = javac;
        this.files = files;
    }

    /**
     * Whether any of the classes just compiled ({@code compiled}: fingerprints by name) looks
     * different to its users from before; {@code options}: javac's, to read the class path.
     */
    boolean changed(Path classes, List<String> options, Map<String, String> compiled) {
        JavacTask old = null;
        boolean changed = false;
        for (var entry : compiled.entrySet()) {
            String name = entry.getKey();
            String before = lastCompiled.get(name);
            if (before == null) {
                before = readAheadOf(classes, name).orElse(null);
            }
            if (before == null) {
                if (old == null) {
                    old = classFileTask(options);
                }
                before = fingerprintOf(old, name);
            }
            changed |= before != null && !before.equals(entry.getValue());
        }
        return changed;
    }

    /** After the class files of a successful compile are written: what they look like to their users. */
    void compiled(Map<String, String> fingerprints) {
        lastCompiled.putAll(fingerprints);
        readAhead.keySet().removeAll(fingerprints.keySet());
    }

    /** Reads the API of the named classes from their class files, for the first save of their source. */
    void readAhead(Path classes, List<String> options, Collection<String> names) {
        JavacTask task = null;
        for (String name : names) {
            if (lastCompiled.containsKey(name) || readAheadOf(classes, name).isPresent()) {
                continue;
            }
            // The file's time first: a file rewritten while javac reads it then does not match.
            Optional<Stamp> stamp = stamp(classes, name);
            if (stamp.isEmpty()) {
                continue;
            }
            if (task == null) {
                task = classFileTask(options);
            }
            String fingerprint = fingerprintOf(task, name);
            if (fingerprint != null) {
                readAhead.put(name, new OnDisk(fingerprint, stamp.get()));
            }
        }
    }

    /** The javac tasks that read class files so far: each is what a save would wait for. */
    int classFileTasks() {
        return classFileTasks.get();
    }

    /** The classes read ahead and not compiled since. */
    int readAheadClasses() {
        return readAhead.size();
    }

    /** The read-ahead fingerprint while the class file is still the one read; else it is forgotten. */
    private Optional<String> readAheadOf(Path classes, String name) {
        OnDisk read = readAhead.get(name);
        if (read == null) {
            return Optional.empty();
        }
        if (stamp(classes, name).equals(Optional.of(read.stamp()))) {
            return Optional.of(read.fingerprint());
        }
        readAhead.remove(name);
        return Optional.empty();
    }

    private static Optional<Stamp> stamp(Path classes, String name) {
        Path file = classes.resolve(name.replace('.', '/') + ".class");
        try {
            return Optional.of(new Stamp(Files.getLastModifiedTime(file), Files.size(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private JavacTask classFileTask(List<String> options) {
        classFileTasks.incrementAndGet();
        return (JavacTask) javac.getTask(null, files, null, options, null, null);
    }

    private static String fingerprintOf(JavacTask task, String name) {
        TypeElement type = task.getElements().getTypeElement(name);
        return type == null ? null : ApiFingerprint.of(type, task.getElements());
    }
}
