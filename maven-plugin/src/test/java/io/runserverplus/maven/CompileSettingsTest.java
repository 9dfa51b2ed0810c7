package io.runserverplus.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What runserverplus:run tells the supervisor about how the build compiles. */
class CompileSettingsTest {

    @TempDir
    Path base;

    @Test
    void theCompilerPluginsConfigurationWinsOverTheProjectsProperties() {
        MavenProject app = project("app");
        app.getProperties().setProperty("maven.compiler.release", "21");
        app.getProperties().setProperty("project.build.sourceEncoding", "UTF-8");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        configuration.addChild(element("release", "17"));
        configuration.addChild(element("encoding", "ISO-8859-1"));
        Xpp3Dom processors = new Xpp3Dom("annotationProcessors");
        processors.addChild(element("annotationProcessor", "com.example.FirstProcessor"));
        processors.addChild(element("annotationProcessor", "com.example.SecondProcessor"));
        configuration.addChild(processors);
        Plugin compiler = new Plugin();
        compiler.setGroupId("org.apache.maven.plugins");
        compiler.setArtifactId("maven-compiler-plugin");
        compiler.setConfiguration(configuration);
        app.getBuild().addPlugin(compiler);

        List<String> options = CompileSettings.jvmOptions(app, List.of(), List.of("/repo/proc.jar", "/repo/dep.jar"));

        assertThat(options).containsExactly(
                "-Drunserverplus.compile.sourceRoots=" + base.resolve("app/src/java") + "=" + base.resolve("app/target/classes"),
                "-Drunserverplus.compile.release=17",
                "-Drunserverplus.compile.encoding=ISO-8859-1",
                "-Drunserverplus.compile.processorPath=/repo/proc.jar" + File.pathSeparator + "/repo/dep.jar",
                "-Drunserverplus.compile.processors=com.example.FirstProcessor,com.example.SecondProcessor");
    }

    @Test
    void theModulesTheAppUsesBringTheirSourceRootsButNotTheirGeneratedOnes() {
        MavenProject app = project("app");
        app.getProperties().setProperty("maven.compiler.release", "21");
        MavenProject greeting = project("greeting");
        greeting.addCompileSourceRoot(base.resolve("greeting/target/generated-sources/annotations").toString());

        List<String> options = CompileSettings.jvmOptions(app, List.of(greeting), List.of());

        assertThat(options).containsExactly("-Drunserverplus.compile.sourceRoots="
                        + base.resolve("app/src/java") + "=" + base.resolve("app/target/classes") + File.pathSeparator
                        + base.resolve("greeting/src/java") + "=" + base.resolve("greeting/target/classes"),
                "-Drunserverplus.compile.release=21");
    }

    private MavenProject project(String name) {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId(name);
        model.setVersion("1");
        Build build = new Build();
        build.setDirectory(base.resolve(name + "/target").toString());
        build.setOutputDirectory(base.resolve(name + "/target/classes").toString());
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.addCompileSourceRoot(base.resolve(name + "/src/java").toString());
        return project;
    }

    private static Xpp3Dom element(String name, String value) {
        Xpp3Dom element = new Xpp3Dom(name);
        element.setValue(value);
        return element;
    }
}
