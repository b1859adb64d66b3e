package org.openionm.recording.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * What an index was built from: the recording's size, modification time and a checksum of its
 * header record (which holds the record count), so a cached index is used only for the very file
 * it describes — a file rewritten, extended or replaced gets a new index.
 */
public record SourceIdentity(long size, long modifiedMillis, long headerCrc) {

    /** Header bytes checked: the fixed EDF header and the first signal headers, enough to see any rewrite of it. */
    static final int CHECKED_BYTES = 256 * 8;

    public static SourceIdentity of(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, CHECKED_BYTES));
            while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
                // read until the buffer is full or the file ends
            }
            CRC32 crc = new CRC32();
            crc.update(head.array(), 0, head.position());
            return new SourceIdentity(size, Files.getLastModifiedTime(file).toMillis(), crc.getValue());
        }
    }
}
