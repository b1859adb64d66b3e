package org.openionm.recording.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and creates numbered segment files {@code base-NNN.ext}. The next number follows the highest
 * one in the folder (so segments sort in recording order even if one was deleted), and the file is
 * created atomically (CREATE_NEW): whatever else writes to the folder, an existing file is never
 * replaced.
 */
final class SegmentFiles {

    private SegmentFiles() {
    }

    static Path createNext(Path folder, String base, String extension) throws IOException {
        Pattern numbered = Pattern.compile(Pattern.quote(base) + "-(\\d{3,9})" + Pattern.quote(extension),
                Pattern.CASE_INSENSITIVE);
        int highest = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path p : stream) {
                Matcher m = numbered.matcher(p.getFileName().toString());
                if (m.matches()) {
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                }
            }
        }
        for (int n = highest + 1;; n++) {
            Path file = folder.resolve(String.format(Locale.ROOT, "%s-%03d%s", base, n, extension));
            try {
                return Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                // made by someone else since the listing: take the next number
            }
        }
    }
}
