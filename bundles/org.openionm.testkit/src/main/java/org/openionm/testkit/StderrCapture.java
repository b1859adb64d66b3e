package org.openionm.testkit;

import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Sends the process's native standard error (file descriptor 2) to a file while open, so a test can
 * read what GTK and pixman print there: GTK's criticals go through GLib's structured log writer, which
 * no {@code g_log} handler sees, and pixman writes "Invalid rectangle" with {@code fprintf}. On close
 * the descriptor is restored and the captured text is echoed to the real stderr. Uses {@code dup}/
 * {@code dup2} through the Java 22+ foreign-function API, by reflection because the bundle compiles
 * for Java 21 (where that API is a preview); the build runs on JDK 25.
 * Shared by the shell's and the reading room's UI tests (test bundles cannot export classes).
 *
 * @since 0.4.1
 */
public final class StderrCapture implements AutoCloseable {

    private final Path file;
    private final FileOutputStream out;
    private final MethodHandle dup;
    private final MethodHandle dup2;
    private final MethodHandle closeFd;
    private final int saved;
    private String captured;

    public StderrCapture() throws Throwable {
        file = Files.createTempFile("openionm-stderr", ".txt");
        out = new FileOutputStream(file.toFile());
        dup = function("dup", 1);
        dup2 = function("dup2", 2);
        closeFd = function("close", 1);
        System.err.flush();
        saved = (int) dup.invoke(2);
        if (saved < 0 || (int) dup2.invoke(descriptorOf(file), 2) < 0) {
            throw new IllegalStateException("could not redirect file descriptor 2 to " + file);
        }
    }

    /** Restores stderr and returns everything written to it while captured. */
    public String text() throws Throwable {
        if (captured == null) {
            System.err.flush();
            dup2.invoke(saved, 2);
            closeFd.invoke(saved);
            out.close();
            captured = Files.readString(file, StandardCharsets.UTF_8);
            Files.deleteIfExists(file);
            System.err.print(captured); // still in the build log
        }
        return captured;
    }

    /**
     * The lines that name a GTK critical or pixman's invalid rectangle, each with the last line
     * before it that starts with {@code marker} (what the test was doing).
     */
    public List<String> gtkCriticals(String marker) throws Throwable {
        List<String> found = new java.util.ArrayList<>();
        String doing = "(start)";
        for (String line : text().lines().toList()) {
            if (line.startsWith(marker)) {
                doing = line;
            } else if (line.contains("-CRITICAL") || line.contains("Invalid rectangle")) {
                // "(SWT:123): Gtk-CRITICAL **: 00:24:16.407: text": without process id and time, to compare
                String text = line.replaceFirst("^\\(.*?\\): ", "").replaceFirst("\\*\\*: [0-9:.]+: ", "** ").trim();
                found.add(text + "  <- " + doing);
            }
        }
        return found;
    }

    @Override
    public void close() throws Exception {
        try {
            text();
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The number of the descriptor this process holds open on {@code path}, found in /proc/self/fd. */
    private static int descriptorOf(Path path) throws IOException {
        Path real = path.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).equals(real)) {
                        return Integer.parseInt(fd.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // the listing's own descriptor closes while we read
                }
            }
        }
        throw new IllegalStateException("no open descriptor on " + real);
    }

    /** A downcall handle for the libc function {@code name}(int, …) returning int. */
    private static MethodHandle function(String name, int intArguments) throws ReflectiveOperationException {
        Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
        Class<?> lookupType = Class.forName("java.lang.foreign.SymbolLookup");
        Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
        Object javaInt = Class.forName("java.lang.foreign.ValueLayout").getField("JAVA_INT").get(null);
        Object linker = linkerType.getMethod("nativeLinker").invoke(null);
        Object lookup = linkerType.getMethod("defaultLookup").invoke(linker);
        Optional<?> symbol = (Optional<?>) lookupType.getMethod("find", String.class).invoke(lookup, name);
        Object arguments = Array.newInstance(layoutType, intArguments);
        for (int i = 0; i < intArguments; i++) {
            Array.set(arguments, i, javaInt);
        }
        Object descriptor = descriptorType.getMethod("of", layoutType, arguments.getClass()).invoke(null, javaInt, arguments);
        Object options = Array.newInstance(optionType, 0);
        return (MethodHandle) linkerType.getMethod("downcallHandle", segmentType, descriptorType, options.getClass())
                .invoke(linker, symbol.orElseThrow(() -> new IllegalStateException("libc has no " + name)), descriptor, options);
    }
}
