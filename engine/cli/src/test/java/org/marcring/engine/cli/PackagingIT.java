package org.marcring.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcRecord;
import org.marcring.engine.Pipeline;

/** What the built jars say about themselves: module names, no borrowed module descriptor. */
class PackagingIT {

    @Test
    void theExecutableJarIsTheAutomaticModuleOrgMarcringCli() throws Exception {
        Path jar = Jar.path();

        List<String> modules = ModuleFinder.of(jar).findAll().stream()
                .map(ModuleReference::descriptor)
                .map(d -> d.name() + (d.isAutomatic() ? " (automatic)" : ""))
                .collect(Collectors.toList());

        assertEquals(List.of("org.marcring.cli (automatic)"), modules);
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals("org.marcring.cli", file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
            assertTrue(file.stream().noneMatch(e -> e.getName().endsWith("module-info.class")
                    || e.getName().startsWith("META-INF/versions/")), "no module descriptor, not multi-release");
            assertTrue(!file.isMultiRelease());
        }
    }

    @Test
    void theLibraryJarsNameTheirModules() throws Exception {
        assertEquals("org.marcring.codec", moduleNameOfJarHolding(MarcRecord.class));
        assertEquals("org.marcring.engine", moduleNameOfJarHolding(Pipeline.class));
    }

    private static String moduleNameOfJarHolding(Class<?> type) throws Exception {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        assumeTrue(Files.isRegularFile(location), type + " comes from " + location + ", not a jar");
        try (JarFile file = new JarFile(location.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
        }
    }
}
