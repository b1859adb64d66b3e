import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes the signature files from the two jars the JVM loads classes from itself at every start of the
 * workbench: the Equinox launcher and the framework (org.eclipse.osgi). The JVM checks a signed jar's
 * signature when it first loads a class from it, which cost 0.27 s of the first trace (issue 15,
 * docs/performance.md); bundles are loaded by Equinox, which checks no signatures, so theirs are kept.
 * Run by the build on its product and by './openionm site' on an installation:
 * {@code java releng/unsign/Unsign.java <plugins folder>}.
 */
public final class Unsign {

    private static final List<String> JARS = List.of("org.eclipse.equinox.launcher_", "org.eclipse.osgi_");
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: java Unsign.java <plugins folder>");
            System.exit(2);
        }
        Path plugins = Path.of(args[0]);
        for (String prefix : JARS) {
            try (var found = Files.list(plugins)) {
                List<Path> jars = found.filter(p -> p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().endsWith(".jar")).toList();
                if (jars.size() != 1) {
                    System.err.println("expected one " + prefix + "*.jar in " + plugins + ", found " + jars.size());
                    System.exit(1);
                }
                unsign(jars.get(0));
            }
        }
    }

    private static void unsign(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".unsigned");
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(tmp);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                if (SIGNATURE.matcher(e.getName()).matches()) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(e)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
