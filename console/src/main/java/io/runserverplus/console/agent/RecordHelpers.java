package io.runserverplus.console.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The synthetic methods of one class that box a frame's variables and hand them to the recorder:
 * one per distinct list of variable types, {@code private static Throwable
 * rsp$locals$<types>(Throwable t, <the variables>, String site)}, which returns {@code t}.
 *
 * <p>Why: the boxing, the {@code Object[]} and the call written out in each handler made
 * instrumented methods 4-6 times their size, past the JIT's inlining limits (C1 inlines callees of
 * at most 35 bytes, C2 hot ones of at most 325): small hot methods stopped being inlined. A handler
 * now only loads the variables and calls the helper, a few bytes. The name encodes the types, so a
 * class instrumented twice gets the same methods.
 */
final class RecordHelpers {
    static final String PREFIX = "rsp$locals$";
    private static final String THROWABLE = "java/lang/Throwable";

    private final String owner;
    private final boolean isInterface;
    private final Map<String, String> descriptors = new LinkedHashMap<>(); // name -> descriptor

    RecordHelpers(String owner, boolean isInterface) {
        this.owner = owner;
        this.isInterface = isInterface;
    }

    /** The call to the helper for variables of these descriptors (references given as {@code Object}). */
    MethodInsnNode call(List<String> types) {
        StringBuilder name = new StringBuilder(PREFIX);
        StringBuilder descriptor = new StringBuilder("(L" + THROWABLE + ";");
        for (String type : types) {
            name.append(type.charAt(0));
            descriptor.append(type);
        }
        descriptor.append("Ljava/lang/String;)L").append(THROWABLE).append(';');
        descriptors.putIfAbsent(name.toString(), descriptor.toString());
        return new MethodInsnNode(Opcodes.INVOKESTATIC, owner, name.toString(), descriptor.toString(), isInterface);
    }

    /** Adds the helpers asked for so far to {@code node}. */
    void addTo(ClassNode node) {
        for (Map.Entry<String, String> helper : descriptors.entrySet()) {
            node.methods.add(helper(helper.getKey(), helper.getValue()));
        }
    }

    /**
     * {@code try { CapturedFrames.record(t, site, new Object[] {box(v1), ...}); } catch (Throwable e) { }
     * return t;} The recorder never throws, but boxing and the array may (out of memory or stack).
     */
    private static MethodNode helper(String name, String descriptor) {
        MethodNode method = new MethodNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                name, descriptor, null, null);
        Type[] args = Type.getArgumentTypes(descriptor);
        int siteSlot = 0;
        List<Object> frameLocals = new ArrayList<>();
        for (Type arg : args) {
            siteSlot += arg.getSize();
            frameLocals.add(frameType(arg));
        }
        siteSlot -= 1; // the String is last
        InsnList code = method.instructions;
        LabelNode start = new LabelNode(), end = new LabelNode(), handler = new LabelNode();
        code.add(start);
        code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        code.add(new VarInsnNode(Opcodes.ALOAD, siteSlot));
        int count = args.length - 2;
        code.add(pushInt(count));
        code.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/Object"));
        int slot = 1;
        for (int i = 0; i < count; i++) {
            Type type = args[i + 1];
            code.add(new InsnNode(Opcodes.DUP));
            code.add(pushInt(i));
            code.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), slot));
            box(code, type);
            code.add(new InsnNode(Opcodes.AASTORE));
            slot += type.getSize();
        }
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, MethodInstrumenter.RECORDER, "record",
                "(Ljava/lang/Throwable;Ljava/lang/String;[Ljava/lang/Object;)V", false));
        code.add(end);
        code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        code.add(new InsnNode(Opcodes.ARETURN));
        code.add(handler);
        code.add(new FrameNode(Opcodes.F_NEW, frameLocals.size(), frameLocals.toArray(), 1, new Object[] {THROWABLE}));
        code.add(new InsnNode(Opcodes.POP));
        code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        code.add(new InsnNode(Opcodes.ARETURN));
        method.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
        return method;
    }

    private static Object frameType(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT -> Opcodes.INTEGER;
            case Type.FLOAT -> Opcodes.FLOAT;
            case Type.LONG -> Opcodes.LONG;
            case Type.DOUBLE -> Opcodes.DOUBLE;
            default -> type.getInternalName();
        };
    }

    static AbstractInsnNode pushInt(int value) {
        if (value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        return value <= Byte.MAX_VALUE ? new IntInsnNode(Opcodes.BIPUSH, value) : new IntInsnNode(Opcodes.SIPUSH, value);
    }

    static void box(InsnList code, Type type) {
        String boxed = switch (type.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.CHAR -> "java/lang/Character";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.FLOAT -> "java/lang/Float";
            case Type.LONG -> "java/lang/Long";
            case Type.DOUBLE -> "java/lang/Double";
            default -> null;
        };
        if (boxed != null) {
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, boxed, "valueOf",
                    "(" + type.getDescriptor() + ")L" + boxed + ";", false));
        }
    }
}
