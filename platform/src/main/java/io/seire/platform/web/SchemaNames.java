package io.seire.platform.web;

import io.swagger.v3.core.jackson.TypeNameResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * The names of the OpenAPI document's schemas. By default they are the classes' simple names, so two records both
 * called {@code View} or {@code CorrectionRequest} (in different capabilities) became one schema, and the document
 * described one of the endpoints wrongly.
 *
 * <p>Here a class keeps its simple name unless another Seire class has the same; then both are named after their
 * enclosing class as well, without its {@code Controller} suffix ({@code FinanceCorrectionRequest},
 * {@code ResultsCorrectionRequest}), or after their package when they are not nested; a name that still collides
 * takes the package in front too. The names are worked out once for all Seire classes, so they do not depend on the
 * order in which the document meets them. An explicit {@code @Schema(name = …)} still wins.
 */
public class SchemaNames extends TypeNameResolver {

    private final String basePackage;
    private volatile Map<String, String> names;

    public SchemaNames(String basePackage) {
        this.basePackage = basePackage;
    }

    @Override
    protected String getNameOfClass(Class<?> cls) {
        return nameOf(cls);
    }

    /** The schema name of a class, as described above. */
    public String nameOf(Class<?> cls) {
        return names().getOrDefault(cls.getName(), cls.getSimpleName());
    }

    /** Every Seire class's schema name, by binary class name. */
    public Map<String, String> names() {
        Map<String, String> known = names;
        if (known == null) {
            known = assign(scan());
            names = known;
        }
        return known;
    }

    /** Every named class under the base package (nested ones too), by binary name. */
    private List<String> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        List<String> classes = new ArrayList<>();
        scanner.findCandidateComponents(basePackage).forEach(d -> {
            String name = d.getBeanClassName();
            if (!Character.isDigit(name.charAt(name.lastIndexOf('$') + 1))) { // anonymous classes are never schemas
                classes.add(name);
            }
        });
        return classes;
    }

    /** Names for the classes: each starts at its simple name and takes a longer one while it collides. */
    static Map<String, String> assign(List<String> classes) {
        Map<String, Integer> level = new HashMap<>();
        classes.forEach(c -> level.put(c, 0));
        for (int round = 0; round < 4; round++) {
            Map<String, List<String>> byName = new TreeMap<>();
            classes.forEach(c -> byName.computeIfAbsent(name(c, level.get(c)), k -> new ArrayList<>()).add(c));
            boolean changed = false;
            for (List<String> group : byName.values()) {
                if (group.size() > 1) {
                    // the longest-named keep growing; one that still has its shorter name keeps it
                    int highest = group.stream().mapToInt(level::get).max().orElseThrow();
                    for (String c : group) {
                        if (level.get(c) == highest) {
                            level.put(c, highest + 1);
                            changed = true;
                        }
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        Map<String, String> names = new HashMap<>();
        classes.forEach(c -> names.put(c, name(c, level.get(c))));
        return names;
    }

    /**
     * Level 0: the simple name; 1: the enclosing class's name (the package's for a top-level class) in front; 2: the
     * package's in front of that; beyond: the binary name.
     */
    static String name(String binaryName, int level) {
        String pkg = binaryName.substring(0, binaryName.lastIndexOf('.'));
        String[] nesting = binaryName.substring(pkg.length() + 1).split("\\$");
        String simple = nesting[nesting.length - 1];
        String packagePart = capitalise(pkg.substring(pkg.lastIndexOf('.') + 1));
        boolean nested = nesting.length > 1;
        String outer = nested ? nesting[nesting.length - 2].replaceFirst("Controller$", "") : packagePart;
        return switch (level) {
            case 0 -> simple;
            case 1 -> outer + simple;
            case 2 -> nested ? packagePart + outer + simple : binaryName.replace('.', '_');
            default -> binaryName.replace('.', '_').replace('$', '_');
        };
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
