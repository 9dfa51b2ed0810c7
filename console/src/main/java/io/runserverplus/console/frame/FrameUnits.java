package io.runserverplus.console.frame;

import io.runserverplus.console.shell.SourceScan;
import io.runserverplus.spi.Completions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles and runs the units of a frame's console: each is a {@link UnitSource} compiled against
 * the frame's relaxed nest and defined as a hidden nestmate of the frame's class. Keeps what the
 * inputs declared: variables (in the {@link Store}), methods (carried into every later unit),
 * types (classes of the frame's package, imported by later units) and imports. Console thread only.
 */
final class FrameUnits implements FrameRunner.Stoppable {

    /** The name's start of the classes that hold the types an input declares, in the frame's package. */
    static final String TYPES_HOLDER = "$ConsoleTypes";

    /**
     * What one unit gave.
     *
     * @param name the declared variable, for {@code name ==> value}
     * @param stopped whether it was stopped (time limit or Stop)
     */
    record Outcome(boolean hasValue, Object value, String name, String error, String note, boolean stopped) {
        static Outcome nothing(String note) {
            return new Outcome(false, null, null, null, note, false);
        }

        static Outcome error(String error, String note) {
            return new Outcome(false, null, null, error, note, false);
        }
    }

    private static final List<String> BASE_IMPORTS = List.of("import java.util.*;",
            "import static io.runserverplus.console.snippet.ConsoleHelpers.*;");
    private static final Pattern STATIC_MODIFIER = Pattern.compile("(?s)^\\s*(?:@\\w+\\s+)*(?:\\w+\\s+)*?static\\s.*");
    private static final Object UNSET = new Object();

    private final FrameCompiler compiler;
    private final UnitParser parser;
    private final Store store = new Store();
    private FrameTarget target;
    /** Declared methods by name and arity, their source made static. */
    private final Map<String, String> methods = new LinkedHashMap<>();
    private final Set<String> methodNames = new LinkedHashSet<>();
    /** The user's imports, and single-type imports of the types the console declared, by simple name. */
    private final List<String> imports = new ArrayList<>();
    private final Map<String, String> typeImports = new LinkedHashMap<>();
    /** The class files of the declared types, which later units compile against. */
    private final Map<String, byte[]> declaredClasses = new HashMap<>();
    /** Numbers the holder classes of declared types: one namespace per JVM, since consoles share loaders. */
    private static final java.util.concurrent.atomic.AtomicInteger TYPE_COUNT = new java.util.concurrent.atomic.AtomicInteger();
    private final List<String> pendingNotes = new ArrayList<>();
    /** The frame source's imports that compile (one that names what the class path lacks is dropped). */
    private final List<String> sourceImports = new ArrayList<>();
    private boolean localAssignmentNoted;
    private volatile UnitClass running;
    private volatile boolean stopping;
    private volatile long runningSince;

    FrameUnits(FrameCompiler compiler) {
        this.compiler = compiler;
        this.parser = new UnitParser(compiler);
    }

    /** Binds a frame; declarations made for another frame class are forgotten (they were compiled for it). */
    void bind(FrameTarget newTarget, Map<String, Store.Slot> slots, List<String> notes) {
        if (target == null || target.frameClass != newTarget.frameClass) {
            methods.clear();
            methodNames.clear();
            if (target == null || !target.packageName.equals(newTarget.packageName)) {
                typeImports.clear();
                declaredClasses.clear();
            }
        }
        target = newTarget;
        sourceImports.clear();
        sourceImports.addAll(newTarget.sourceImports);
        store.bindFrame(slots);
        pendingNotes.clear();
        pendingNotes.addAll(notes);
    }

    Set<String> boundNames() {
        return store.names();
    }

    @Override
    public void stopRunning() {
        stopping = true;
        UnitClass u = running;
        if (u != null) {
            u.stop();
        }
    }

    @Override
    public void clearStop() {
        stopping = false;
    }

    @Override
    public long runningSince() {
        return runningSince;
    }

    boolean isSingleUnit(String source) {
        return parser.isSingleUnit(source);
    }

    Outcome evaluate(String unit, String missingVariables) {
        String note = pendingNotes.isEmpty() ? null : String.join("\n", pendingNotes);
        pendingNotes.clear();
        UnitParser.Parsed parsed;
        try {
            parsed = parser.parse(unit, context());
        } catch (RuntimeException e) {
            return Outcome.error("error: the console could not parse this input: " + e, note);
        }
        return switch (parsed.kind()) {
            case IMPORT -> importUnit(parsed, unit, note);
            case TYPE -> typeUnit(parsed, unit, note);
            case METHOD -> methodUnit(parsed, unit, note);
            default -> runUnit(parsed, unit, note, missingVariables);
        };
    }

    private ReceiverRewriter.Context context() {
        return new ReceiverRewriter.Context(target.receiver != null, target.instanceFields, target.instanceMethods,
                store.names(), methodNames, target.outer);
    }

    private List<String> imports() {
        List<String> all = new ArrayList<>(sourceImports);
        all.addAll(BASE_IMPORTS);
        all.addAll(target.nestImports);
        all.addAll(imports);
        all.addAll(typeImports.values());
        return all;
    }

    private Map<String, byte[]> overlay(boolean relaxed) {
        if (declaredClasses.isEmpty()) {
            return relaxed ? target.relaxedNest : Map.of();
        }
        Map<String, byte[]> all = new HashMap<>(declaredClasses);
        if (relaxed) {
            all.putAll(target.relaxedNest);
        }
        return all;
    }

    private String receiverType() {
        if (target.receiver == null) {
            return null;
        }
        String name = target.frameClass.getCanonicalName();
        return name != null ? name : target.types.fromValue("this", target.receiver).type();
    }

    private String qualifiedUnitName() {
        return target.packageName.isEmpty() ? UnitSource.CLASS_NAME : target.packageName + "." + UnitSource.CLASS_NAME;
    }

    private Outcome importUnit(UnitParser.Parsed parsed, String unit, String note) {
        imports.add(parsed.text().endsWith(";") ? parsed.text() : parsed.text() + ";");
        UnitSource source = source(null, List.of(), "", "", "");
        FrameCompiler.Output out = compiler.compile(qualifiedUnitName(), source.text(), overlay(true), null, false);
        if (out.failed()) {
            imports.remove(imports.size() - 1);
            return Outcome.error(UnitMessages.diagnostics(out, source, parsed, unit, null), note);
        }
        return Outcome.nothing(note);
    }

    private Outcome methodUnit(UnitParser.Parsed parsed, String unit, String note) {
        String member = STATIC_MODIFIER.matcher(parsed.text()).matches() ? parsed.text() : "static " + parsed.text();
        UnitSource source = source(member, List.of(), "", null, "");
        FrameCompiler.Output out = compiler.compile(qualifiedUnitName(), source.text(), overlay(true), null, false);
        if (out.failed()) {
            return Outcome.error(UnitMessages.diagnostics(out, source, parsed, unit, null), note);
        }
        String name = parsed.names().get(0);
        methods.put(name + "/" + arity(parsed.text()), member);
        methodNames.add(name);
        return Outcome.nothing(note);
    }

    private static int arity(String method) {
        int open = method.indexOf('(');
        int close = method.indexOf(')', open);
        String params = open < 0 || close < 0 ? "" : method.substring(open + 1, close).strip();
        int depth = 0;
        int count = params.isEmpty() ? 0 : 1;
        for (char c : params.toCharArray()) {
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            count += c == ',' && depth == 0 ? 1 : 0;
        }
        return count;
    }

    /** A declared type: a static member of a new holder class in the frame's package, imported by later units. */
    private Outcome typeUnit(UnitParser.Parsed parsed, String unit, String note) {
        String simpleName = parsed.names().get(0);
        String holder = TYPES_HOLDER + TYPE_COUNT.incrementAndGet();
        String declaration = STATIC_MODIFIER.matcher(unit).matches() ? unit : "static " + unit;
        StringBuilder text = new StringBuilder();
        if (!target.packageName.isEmpty()) {
            text.append("package ").append(target.packageName).append(";\n");
        }
        imports().forEach(i -> text.append(i).append('\n'));
        text.append("final class ").append(holder).append(" {\n");
        int at = text.length();
        text.append(declaration).append("\n}\n");
        String binary = target.packageName.isEmpty() ? holder : target.packageName + "." + holder;
        FrameCompiler.Output out = compiler.compile(binary, text.toString(), overlay(false), null, true);
        if (out.failed()) {
            return Outcome.error(UnitMessages.typeDiagnostics(out, text.toString(), at, declaration, unit), note);
        }
        List<ClassBytes> classes = new ArrayList<>(out.classes());
        classes.sort(Comparator.comparingInt(c -> c.binaryName.length())); // the holder before its members
        try {
            for (ClassBytes c : classes) {
                target.lookup.defineClass(c.bytes());
                declaredClasses.put(c.binaryName, c.bytes());
            }
        } catch (IllegalAccessException | LinkageError e) {
            return Outcome.error("error: the console could not define " + simpleName + ": " + e, note);
        }
        if (!target.packageName.isEmpty()) {
            typeImports.put(simpleName, "import " + target.packageName + "." + holder + "." + simpleName + ";");
        }
        return Outcome.nothing(note);
    }

    private UnitSource source(String member, List<UnitSource.Binding> bindings, String prefix, String body,
                              String suffix) {
        return new UnitSource(target.packageName, imports(), receiverType(), methods.values(), member, bindings,
                prefix, body, suffix);
    }

    private Outcome runUnit(UnitParser.Parsed parsed, String unit, String note, String missingVariables) {
        List<UnitSource.Binding> bindings = new ArrayList<>();
        List<String> declaredHere = parsed.kind() == UnitParser.Kind.VAR ? parsed.names() : List.of();
        for (String name : SourceScan.names(parsed.text())) {
            Store.Slot slot = store.get(name);
            if (slot != null && !parsed.declared().contains(name)) {
                bindings.add(new UnitSource.Binding(name, slot.type()));
            }
        }
        UnitParser.Kind kind = parsed.kind();
        Attempt attempt = compile(kind, parsed, bindings, declaredHere);
        if (kind == UnitParser.Kind.CALL && attempt.out.failed()) {
            kind = UnitParser.Kind.EXPRESSION; // e.g. a local assigned in the call: compile it plainly for the message
            attempt = compile(kind, parsed, bindings, declaredHere);
        }
        if (kind == UnitParser.Kind.EXPRESSION && attempt.out.failed() && isVoid(attempt)) {
            kind = UnitParser.Kind.STATEMENT;
            attempt = compile(kind, parsed, bindings, declaredHere);
        }
        if (attempt.out.failed()) {
            return Outcome.error(UnitMessages.diagnostics(attempt.out, attempt.source, parsed, unit, missingVariables), note);
        }
        if (attempt.out.classes().size() != 1) {
            return Outcome.error("error: anonymous and local classes are not supported in a console input;"
                    + " declare a class in an input of its own (class Name { ... }) and use it.", note);
        }
        Object[] in = new Object[bindings.size() + 1];
        in[0] = target.receiver;
        for (int i = 0; i < bindings.size(); i++) {
            in[i + 1] = store.get(bindings.get(i).name()).value();
        }
        Object[] out = new Object[bindings.size() + 1 + declaredHere.size()];
        java.util.Arrays.fill(out, UNSET); // a unit that never reached its finally wrote nothing back
        UnitClass unitClass;
        try {
            unitClass = UnitClass.define(target.lookup, attempt.out.classes().get(0).bytes());
        } catch (ReflectiveOperationException | LinkageError e) {
            return Outcome.error("error: the console could not load this input's class: " + e, note);
        }
        Throwable thrown = null;
        running = unitClass;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(target.frameClass.getClassLoader());
        try {
            if (stopping) {
                throw new CancellationException(UnitClass.STOPPED);
            }
            runningSince = System.nanoTime();
            unitClass.run(in, out);
        } catch (Throwable t) {
            thrown = t;
        } finally {
            runningSince = 0;
            running = null;
            Thread.currentThread().setContextClassLoader(context);
        }
        note = join(note, writeBack(bindings, in, out));
        if (stopping) {
            return new Outcome(false, null, null, UnitClass.STOPPED, note, true);
        }
        if (thrown != null) {
            return Outcome.error(UnitMessages.trace(thrown, attempt.source, qualifiedUnitName()), note);
        }
        int first = bindings.size() + 1;
        for (int i = 0; i < declaredHere.size(); i++) {
            String type = attempt.varTypes.getOrDefault(declaredHere.get(i), "java.lang.Object");
            store.put(declaredHere.get(i), new Store.Slot(type, out[first + i], false, true));
        }
        if (kind == UnitParser.Kind.EXPRESSION || kind == UnitParser.Kind.CALL && out[0] != out) {
            return new Outcome(true, out[0], null, null, note, false);
        }
        if (kind == UnitParser.Kind.VAR && declaredHere.size() == 1) {
            return new Outcome(true, out[first], declaredHere.get(0), null, note, false);
        }
        return Outcome.nothing(note);
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "\n" + b;
    }

    /** Keeps what the unit assigned to bound variables; says once that a frame local changed only here. */
    private String writeBack(List<UnitSource.Binding> bindings, Object[] in, Object[] out) {
        String note = null;
        for (int i = 0; i < bindings.size(); i++) {
            if (out[i + 1] == UNSET || out[i + 1] == in[i + 1] || Objects.equals(out[i + 1], in[i + 1]) && isBox(in[i + 1])) {
                continue;
            }
            String name = bindings.get(i).name();
            Store.Slot slot = store.get(name);
            store.put(name, new Store.Slot(slot.type(), out[i + 1], slot.frameLocal(), slot.declared()));
            if (slot.frameLocal() && !localAssignmentNoted) {
                localAssignmentNoted = true;
                note = "`" + name + "` changed in this console only: the frame has returned, so its local"
                        + " variable is gone; the console keeps the new value. (Fields, this.x = ..., change the"
                        + " live object.)";
            }
        }
        return note;
    }

    private static boolean isBox(Object o) {
        return o instanceof Number || o instanceof Boolean || o instanceof Character || o instanceof String;
    }

    /** One compilation of a unit, and the types of the variables it declared. */
    private record Attempt(UnitSource source, FrameCompiler.Output out, Map<String, String> varTypes) {}

    private Attempt compile(UnitParser.Kind kind, UnitParser.Parsed parsed, List<UnitSource.Binding> bindings,
                            List<String> declaredHere) {
        String prefix = kind == UnitParser.Kind.EXPRESSION ? "$out[0] = " : kind == UnitParser.Kind.CALL
                ? "$call($out, () -> " : "";
        StringBuilder suffix = new StringBuilder(kind == UnitParser.Kind.EXPRESSION ? ";"
                : kind == UnitParser.Kind.CALL ? ");" : "");
        String body = kind == UnitParser.Kind.STATEMENT && !parsed.text().strip().endsWith(";")
                && !parsed.text().strip().endsWith("}") ? parsed.text() + "\n;" : parsed.text();
        for (int i = 0; i < declaredHere.size(); i++) {
            suffix.append("$out[").append(bindings.size() + 1 + i).append("] = ").append(declaredHere.get(i)).append(";\n");
        }
        UnitSource source = source(null, bindings, prefix, body, suffix.toString());
        Map<String, String> varTypes = new HashMap<>();
        FrameCompiler.Inspector inspector = declaredHere.isEmpty() ? null
                : (task, unit) -> varTypes.putAll(DeclaredVariableTypes.of(task, unit, declaredHere));
        FrameCompiler.Output out = compiler.compile(qualifiedUnitName(), source.text(), overlay(true), inspector, true);
        if (out.failed() && dropBrokenSourceImports(out, source)) {
            return compile(kind, parsed, bindings, declaredHere);
        }
        return new Attempt(source, out, varTypes);
    }

    /**
     * Drops the frame source's imports that fail to compile here (e.g. of a class only on the
     * build's class path); {@code true} when one was dropped.
     */
    private boolean dropBrokenSourceImports(FrameCompiler.Output out, UnitSource source) {
        boolean dropped = false;
        for (Diagnostic<? extends JavaFileObject> d : out.diagnostics()) {
            String line = d.getKind() == Diagnostic.Kind.ERROR ? source.importOn(d.getLineNumber()) : null;
            if (line != null) {
                dropped |= sourceImports.remove(line);
            }
        }
        return dropped;
    }

    private static boolean isVoid(Attempt attempt) {
        for (Diagnostic<? extends JavaFileObject> d : attempt.out.diagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String code = d.getCode();
            String message = d.getMessage(java.util.Locale.ROOT);
            if (code.equals("compiler.err.void.not.allowed.here")
                    || code.equals("compiler.err.prob.found.req") && message.contains("void")) {
                return true;
            }
        }
        return false;
    }

    Completions complete(String code, int cursor, int offset) {
        return new UnitCompleter(compiler).complete(this::completionSource, code, cursor, offset);
    }

    /** The unit source a completion attributes: the code up to the cursor as the body, every name bound. */
    UnitCompleter.Prepared completionSource(String code) {
        ReceiverRewriter.Context context = context();
        UnitParser.Parsed parsed = parser.parse(code, context);
        List<UnitSource.Binding> bindings = new ArrayList<>();
        for (String name : store.names()) {
            if (!parsed.declared().contains(name)) {
                bindings.add(new UnitSource.Binding(name, store.get(name).type()));
            }
        }
        boolean expression = parsed.kind() == UnitParser.Kind.EXPRESSION || parsed.kind() == UnitParser.Kind.CALL;
        UnitSource source = source(null, bindings, expression ? "$out[0] = " : "", parsed.text(), expression ? ";" : "");
        return new UnitCompleter.Prepared(qualifiedUnitName(), source, parsed, overlay(true), target, methodNames);
    }
}
