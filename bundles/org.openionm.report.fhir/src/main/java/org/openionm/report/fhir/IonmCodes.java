package org.openionm.report.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Quantity;

/**
 * The codes the FHIR export uses. No LOINC code for an IONM, evoked-potential or EEG report, nor for
 * an evoked latency/amplitude, was found (docs/fhir.md; /work/shared/domain reference C.5), so every code
 * is from the local code system {@link #SYSTEM}, documented in docs/fhir.md, until verified LOINC codes
 * replace them. Units are UCUM ({@code uV}, {@code ms}, {@code %}), as {@code Units} in core writes them.
 *
 * @since 0.2.0
 */
public final class IonmCodes {

    /** The local code system. */
    public static final String SYSTEM = "http://openionm.org/fhir/CodeSystem/ionm";
    /** UCUM. */
    public static final String UCUM = "http://unitsofmeasure.org";
    /** FHIR's observation categories ({@code procedure}). */
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    public static final String REPORT = "ionm-report";
    public static final String CATEGORY_IONM = "ionm";
    public static final String EVOKED_BASELINE = "evoked-baseline";
    public static final String BASELINE = "baseline";
    public static final String SIGNIFICANT_CHANGE = "significant-change";
    public static final String LATENCY = "latency";
    public static final String AMPLITUDE = "amplitude";
    public static final String AMPLITUDE_CHANGE = "amplitude-change";
    public static final String LATENCY_CHANGE = "latency-change";
    public static final String VALUE = "value";
    public static final String VALUE_CHANGE = "value-change";

    /** Code → display, as docs/fhir.md lists them. */
    public static final Map<String, String> DISPLAY = Map.ofEntries(
            Map.entry(REPORT, "Intraoperative neurophysiological monitoring report"),
            Map.entry(CATEGORY_IONM, "Intraoperative neurophysiological monitoring"),
            Map.entry(EVOKED_BASELINE, "Evoked potential baseline (latency and amplitude)"),
            Map.entry(BASELINE, "Baseline value"),
            Map.entry(SIGNIFICANT_CHANGE, "Significant change from baseline (alarm criterion met)"),
            Map.entry(LATENCY, "Latency"),
            Map.entry(AMPLITUDE, "Amplitude"),
            Map.entry(AMPLITUDE_CHANGE, "Amplitude change from baseline"),
            Map.entry(LATENCY_CHANGE, "Latency change from baseline"),
            Map.entry(VALUE, "Measured value"),
            Map.entry(VALUE_CHANGE, "Value change from baseline"));

    /** UCUM code → human unit. */
    private static final Map<String, String> UNIT_DISPLAY = Map.of("uV", "µV", "ms", "ms", "%", "%", "s", "s", "mA", "mA", "Hz", "Hz");

    private IonmCodes() {
    }

    /** A concept with one local coding. */
    public static CodeableConcept concept(String code) {
        String display = DISPLAY.get(code);
        if (display == null) {
            throw new IllegalArgumentException("no local code '" + code + "' (known: " + DISPLAY.keySet() + ")");
        }
        return new CodeableConcept().addCoding(new Coding(SYSTEM, code, display));
    }

    /** Observation category {@code procedure}: IONM values are measured during a procedure. */
    static CodeableConcept procedureCategory() {
        return new CodeableConcept().addCoding(new Coding(OBSERVATION_CATEGORY, "procedure", "Procedure"));
    }

    /** A UCUM quantity rounded to 4 significant decimals (what the measurement resolves, no float noise). */
    public static Quantity quantity(double value, String ucum) {
        Quantity q = new Quantity();
        q.setValue(BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
        q.setSystem(UCUM);
        q.setCode(ucum);
        q.setUnit(UNIT_DISPLAY.getOrDefault(ucum, ucum));
        return q;
    }
}
