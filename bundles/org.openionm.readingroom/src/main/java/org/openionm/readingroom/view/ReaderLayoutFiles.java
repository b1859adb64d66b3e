package org.openionm.readingroom.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * Where a reader's {@link ReaderLayout} is kept: {@code <data area>/reading-room/layout-<user>.properties},
 * the data area by the workbench's rule ({@code -Dopenionm.data}, else {@code OPENIONM_DATA}, else
 * {@code ~/.openionm/data}). Written whole to a temporary file and moved into place, so a crash never
 * leaves half a layout.
 *
 * @since 0.2.0
 */
public final class ReaderLayoutFiles {

    private ReaderLayoutFiles() {
    }

    /** The data area's folder for layouts by the workbench's rule. */
    public static Path folder(String dataProperty, Map<String, String> environment) {
        String data = dataProperty != null && !dataProperty.isBlank() ? dataProperty : environment.getOrDefault("OPENIONM_DATA", "");
        Path root = data.isBlank() ? Path.of(System.getProperty("user.home"), ".openionm", "data") : Path.of(data.strip());
        return root.resolve("reading-room");
    }

    /** The file of one reader (a user name outside [A-Za-z0-9._-] has those characters replaced by '_'). */
    public static Path file(Path folder, String reader) {
        String name = reader == null || reader.isBlank() ? "default" : reader.strip().replaceAll("[^A-Za-z0-9._-]", "_");
        return folder.resolve("layout-" + name + ".properties");
    }

    /** The saved layout, empty when there is none; an unreadable or wrong file throws, naming it. */
    public static Optional<ReaderLayout> load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ReaderLayout.parse(Files.readString(file, StandardCharsets.ISO_8859_1)));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static void save(Path file, ReaderLayout layout) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, layout.toText(), StandardCharsets.ISO_8859_1);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
