package io.runserverplus.reloader;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * What other classes compile against in a class: its declaration and its non-private members
 * (types, names, constant values, which javac copies into the classes that use them), nested
 * classes included. Two fingerprints differ when a class that uses this one may need compiling
 * again. Built the same way from javac's model of a source and of a class file, so the version on
 * disk and the version just compiled compare.
 */
final class ApiFingerprint {

    private ApiFingerprint() {
    }

    static String of(TypeElement type, Elements elements) {
        var lines = new ArrayList<String>();
        add(type, elements, lines);
        return String.join("\n", lines.stream().sorted().toList());
    }

    private static void add(TypeElement type, Elements elements, List<String> lines) {
        lines.add(type.getQualifiedName() + " " + type.getKind() + " " + type.getModifiers()
                + " " + type.getTypeParameters().stream().map(p -> p + ":" + p.getBounds()).toList()
                + " extends " + type.getSuperclass() + " implements " + type.getInterfaces()
                + " permits " + type.getPermittedSubclasses());
        for (Element member : type.getEnclosedElements()) {
            if (member.getModifiers().contains(Modifier.PRIVATE)
                    || elements.getOrigin(member) == Elements.Origin.SYNTHETIC) {
                continue;
            }
            String prefix = type.getQualifiedName() + "." + member.getSimpleName() + " " + member.getKind()
                    + " " + member.getModifiers();
            if (member instanceof TypeElement nested) {
                add(nested, elements, lines);
            } else if (member instanceof VariableElement field) {
                lines.add(prefix + " " + field.asType() + " = " + field.getConstantValue());
            } else if (member instanceof ExecutableElement method && member.getKind() != ElementKind.STATIC_INIT
                    && member.getKind() != ElementKind.INSTANCE_INIT) {
                lines.add(prefix + " " + method.getTypeParameters() + " " + method.getReturnType() + " ("
                        + method.getParameters().stream().map(p -> p.asType().toString()).collect(Collectors.joining(","))
                        + ") throws " + method.getThrownTypes() + " default " + method.getDefaultValue()
                        + (method.isVarArgs() ? " varargs" : ""));
            }
        }
    }
}
