package org.openionm.recording;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfRecordingInfo;

/**
 * What and where a {@link Recorder} records.
 * <p>
 * With a {@link #segments segmented} spec every recording start writes a new numbered file
 * {@code <baseName>-001.bdf}, {@code -002} … in {@link #folder()}; the number follows the highest
 * one already there and an existing file is never replaced. A {@link #singleFile single-file} spec
 * (the {@code simulate} command's {@code --out}) writes exactly one named file and replaces it, as a
 * command line tool that was given the name is expected to.
 *
 * @param folder              where the files go (must exist)
 * @param baseName            segment files are {@code baseName-NNN.edf|.bdf}; for a single file its whole name
 * @param singleFile          true: one file named {@code baseName}, replaced if present, one start only
 * @param format              EDF+ (16 bit) or BDF+ (24 bit)
 * @param info                patient and recording identification for the header; its start is
 *                            replaced by the wall-clock time at which each file starts
 * @param prefiltering        the EDF "prefiltering" text of every signal, e.g. "HP:10Hz LP:3000Hz"
 * @param endSample           samples from this index on are not recorded ({@link Long#MAX_VALUE}: no end)
 * @param lowDiskWarning      listeners are warned when the recording time left on the volume falls below this
 * @since 0.2.0
 */
public record RecordingSpec(Path folder, String baseName, boolean singleFile, EdfFormat format, EdfRecordingInfo info,
        String prefiltering, long endSample, Duration lowDiskWarning) {

    /** Warn an hour ahead: time to free space or change the disk before the case outlasts it. */
    public static final Duration DEFAULT_LOW_DISK_WARNING = Duration.ofMinutes(60);

    /** @since 0.2.0 */
    public RecordingSpec {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(baseName, "baseName");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(prefiltering, "prefiltering");
        Objects.requireNonNull(lowDiskWarning, "lowDiskWarning");
        if (baseName.isBlank() || baseName.contains("/") || baseName.contains("\\")) {
            throw new IllegalArgumentException("baseName must be a plain file name, was '" + baseName + "'");
        }
        if (endSample <= 0) {
            throw new IllegalArgumentException("endSample must be positive, was " + endSample);
        }
        if (lowDiskWarning.isNegative()) {
            throw new IllegalArgumentException("lowDiskWarning must not be negative, was " + lowDiskWarning);
        }
    }

    /**
     * Numbered segments {@code baseName-NNN.edf|.bdf} in {@code folder}, no end, the default low-disk warning.
     *
     * @since 0.2.0
     */
    public static RecordingSpec segments(Path folder, String baseName, EdfFormat format, EdfRecordingInfo info,
            String prefiltering) {
        return new RecordingSpec(folder, baseName, false, format, info, prefiltering, Long.MAX_VALUE,
                DEFAULT_LOW_DISK_WARNING);
    }

    /**
     * Exactly {@code file} (replaced if present), no end, the default low-disk warning.
     *
     * @since 0.2.0
     */
    public static RecordingSpec singleFile(Path file, EdfFormat format, EdfRecordingInfo info, String prefiltering) {
        Path absolute = file.toAbsolutePath();
        return new RecordingSpec(absolute.getParent(), absolute.getFileName().toString(), true, format, info, prefiltering,
                Long.MAX_VALUE, DEFAULT_LOW_DISK_WARNING);
    }

    /**
     * The same spec recording samples below {@code sample} only (the command line's fixed duration).
     *
     * @since 0.2.0
     */
    public RecordingSpec withEndSample(long sample) {
        return new RecordingSpec(folder, baseName, singleFile, format, info, prefiltering, sample, lowDiskWarning);
    }

    /**
     * The same spec warning when less than {@code left} of recording fits on the volume.
     *
     * @since 0.2.0
     */
    public RecordingSpec withLowDiskWarning(Duration left) {
        return new RecordingSpec(folder, baseName, singleFile, format, info, prefiltering, endSample, left);
    }
}
