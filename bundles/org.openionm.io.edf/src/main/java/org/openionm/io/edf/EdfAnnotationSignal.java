package org.openionm.io.edf;

import java.util.List;

/**
 * What the annotation signal of an EDF+/BDF+ file says, as {@link EdfReader} read it: the annotations,
 * the start of every data record, and the defects it tolerated on the way. Reading it means one read
 * per data record — the whole file on a cold disk for an 8-hour recording — so a review index keeps
 * it and hands it back to {@link EdfReader#open(java.nio.file.Path, EdfAnnotationSignal)} for the
 * very same file.
 *
 * @since 0.3.0
 */
public record EdfAnnotationSignal(List<EdfAnnotation> annotations, List<Double> recordStarts, List<String> warnings) {

    public EdfAnnotationSignal {
        annotations = List.copyOf(annotations);
        recordStarts = List.copyOf(recordStarts);
        warnings = List.copyOf(warnings);
    }
}
