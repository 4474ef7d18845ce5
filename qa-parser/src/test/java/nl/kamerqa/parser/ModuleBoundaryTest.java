package nl.kamerqa.parser;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser is used through one package, like commonmark-java's: module-info exports {@code nl.kamerqa.parser} and
 * nothing else, and nothing public there hands out a type of the internal packages, so a caller never needs one.
 */
class ModuleBoundaryTest {

    private static final String API = "nl.kamerqa.parser";

    @Test
    void moduleExportsOnlyTheApiPackageAndOpensNothing() throws IOException, URISyntaxException {
        ModuleDescriptor descriptor;
        // beside the parser's own classes (a bare resource lookup may find another module's descriptor first)
        Path classes = Path.of(QaParser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = classes.toFile().isDirectory()
                ? Files.newInputStream(classes.resolve("module-info.class"))
                : new URL("jar:" + classes.toUri() + "!/module-info.class").openStream()) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo(API);
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly(API);
        assertThat(descriptor.exports()).allSatisfy(e -> assertThat(e.isQualified()).as("qualified export").isFalse());
        assertThat(descriptor.opens()).isEmpty();
        assertThat(descriptor.isOpen()).isFalse();
        Set<String> required = descriptor.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertThat(required).as("no framework in the parser").noneMatch(name -> name.startsWith("spring")
                || name.startsWith("org.springframework") || name.startsWith("kafka") || name.startsWith("org.mongodb"));
    }

    @Test
    void publicSignaturesOfTheApiUseNoInternalType() {
        JavaClasses parser = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(API);
        List<String> leaks = new ArrayList<>();
        for (JavaClass api : parser) {
            if (!api.getPackageName().equals(API) || !api.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaMethod method : api.getMethods()) {
                if (!method.getModifiers().contains(JavaModifier.PUBLIC)) {
                    continue;
                }
                method.getRawParameterTypes().forEach(type -> checkType(method, type, leaks));
                checkType(method, method.getRawReturnType(), leaks);
            }
            api.getFields().stream().filter(f -> f.getModifiers().contains(JavaModifier.PUBLIC))
                    .forEach(f -> {
                        if (isInternal(f.getRawType())) {
                            leaks.add(f.getFullName() + " is of " + f.getRawType().getName());
                        }
                    });
        }
        assertThat(leaks).as("internal types in the API's public signatures").isEmpty();
    }

    private static void checkType(JavaMethod method, JavaClass type, List<String> leaks) {
        if (isInternal(type)) {
            leaks.add(method.getFullName() + " uses " + type.getName());
        }
    }

    private static boolean isInternal(JavaClass type) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        return base.getPackageName().startsWith(API + ".");
    }
}
