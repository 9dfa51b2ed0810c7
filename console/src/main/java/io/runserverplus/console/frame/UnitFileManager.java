package io.runserverplus.console.frame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * javac's file manager for console units: the application's class path as on disk, except the
 * classes of {@link #overlay} (the frame's nest relaxed, the types the console declared), which are
 * served from memory in place of (or beside) the real ones; compiled classes are kept in memory.
 * One compilation at a time (on the compiler's thread).
 */
final class UnitFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {

    private Map<String, byte[]> overlay = Map.of();
    private final List<ClassBytes> output = new ArrayList<>();

    UnitFileManager(StandardJavaFileManager standard) {
        super(standard);
    }

    /** Sets the in-memory classes the next compilation sees, and forgets the last one's output. */
    void prepare(Map<String, byte[]> classes) {
        overlay = classes;
        output.clear();
    }

    /** The classes the last compilation wrote. */
    List<ClassBytes> output() {
        return List.copyOf(output);
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                         boolean recurse) throws IOException {
        Iterable<JavaFileObject> listed = super.list(location, packageName, kinds, recurse);
        if (location != StandardLocation.CLASS_PATH || !kinds.contains(JavaFileObject.Kind.CLASS) || overlay.isEmpty()) {
            return listed;
        }
        List<JavaFileObject> files = new ArrayList<>();
        Set<String> served = new HashSet<>();
        for (var e : overlay.entrySet()) {
            String name = e.getKey();
            int dot = name.lastIndexOf('.');
            String pkg = dot < 0 ? "" : name.substring(0, dot);
            if (pkg.equals(packageName) || recurse && pkg.startsWith(packageName + ".")) {
                files.add(new ClassBytes(name, e.getValue()));
                served.add(name);
            }
        }
        if (served.isEmpty()) {
            return listed;
        }
        for (JavaFileObject f : listed) {
            if (!served.contains(inferBinaryName(location, f))) {
                files.add(f);
            }
        }
        return files;
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        return file instanceof ClassBytes c ? c.binaryName : super.inferBinaryName(location, file);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return a instanceof ClassBytes || b instanceof ClassBytes ? a == b : super.isSameFile(a, b);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                               FileObject sibling) {
        ClassBytes out = new ClassBytes(className, new byte[0]);
        output.add(out);
        return out;
    }

    @Override
    public boolean hasLocation(Location location) {
        return location == StandardLocation.CLASS_OUTPUT || super.hasLocation(location);
    }

}
