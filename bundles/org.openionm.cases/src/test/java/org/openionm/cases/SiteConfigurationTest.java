package org.openionm.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.cases.internal.SiteConfiguration;

/** The built-in procedure types and protocol templates, and a site's files over them. */
class SiteConfigurationTest {

    /** The simulator's montage labels (driver.simulator Montage.BASE), which the built-in templates must name. */
    private static final Set<String> SIMULATOR_CHANNELS = Set.of("CP3-Fpz", "CP4-Fpz", "CPz-Fpz", "Cv5-Fpz", "Erb-L", "Erb-R",
            "Popliteal-L", "Popliteal-R", "APB-L", "APB-R", "TA-L", "TA-R", "Facial-1", "Facial-2", "C3-Cz", "C4-Cz", "AH-L", "AH-R",
            "Vastus-L", "Vastus-R", "EHL-L", "EHL-R", "Gastroc-L", "Gastroc-R", "F3-Cz", "F4-Cz", "P3-Cz", "P4-Cz", "O1-Cz", "O2-Cz",
            "ADM-L", "ADM-R");
    /** The simulator scenarios' stimulation sites. */
    private static final Set<String> SIMULATOR_SITES = Set.of("median.left", "median.right", "tibial.left", "tibial.right",
            "tcmep.C3C4", "tcmep.C4C3");

    @TempDir
    Path dir;

    @Test
    void builtInListsCoverTheIssuesProceduresAndTemplates() {
        SiteConfiguration site = SiteConfiguration.load(DataArea.embedded(dir));
        assertTrue(site.procedureTypes().containsAll(List.of("posterior spinal fusion", "scoliosis correction", "cervical decompression",
                "intramedullary spinal cord tumour", "CPA / vestibular schwannoma", "carotid endarterectomy", "thyroidectomy")),
                site.procedureTypes().toString());
        assertEquals(List.of("spine", "brain-cpa", "carotid"), site.templates().stream().map(ProtocolTemplate::id).toList());
        ProtocolTemplate spine = site.templates().get(0);
        assertEquals(List.of("ssep", "mep"), spine.modalities());
        assertEquals(Map.of("mep.alarm.preset", "spinal"), spine.settings());
        assertEquals(List.of("median.left", "median.right", "tibial.left", "tibial.right", "tcmep.C3C4", "tcmep.C4C3"),
                spine.stimulationSites());
        assertEquals("built-in", spine.source());
        assertEquals(Map.of("mep.alarm.preset", "brain"), site.templates().get(1).settings());
        ProtocolTemplate carotid = site.templates().get(2);
        assertEquals(List.of("ssep", "eeg"), carotid.modalities());
        assertEquals(List.of("carotid endarterectomy"), carotid.procedureTypes());
        for (ProtocolTemplate t : site.templates()) {
            assertTrue(SIMULATOR_CHANNELS.containsAll(t.montage()), t.id() + " montage " + t.montage());
            assertTrue(SIMULATOR_SITES.containsAll(t.stimulationSites()), t.id() + " sites " + t.stimulationSites());
            assertTrue(site.procedureTypes().containsAll(t.procedureTypes()), t.id() + " procedures " + t.procedureTypes());
        }
        assertEquals("[A-Za-z0-9-]{4,20}", site.mrnPattern().pattern(), "MRN pattern");
    }

    @Test
    void siteFilesReplaceAndExtendTheBuiltIns() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site/templates"));
        Files.writeString(site.resolve("../procedures.txt"), "# our list\nselective dorsal rhizotomy\n@built-in\nTHYROIDECTOMY\n");
        Files.writeString(site.resolve("spine.yaml"), """
                id: spine
                name: Our spine
                procedureTypes: [selective dorsal rhizotomy]
                modalities: [ssep, mep]
                stimulationSites: [tibial.left]
                montage: [CPz-Fpz]
                settings:
                  mep.alarm.preset: brain
                  ssep.alarm.confirmations: 3
                """);
        Files.writeString(site.resolve("facial.yaml"), "id: facial\nname: Facial nerve\nmodalities: [mep]\n");
        Files.writeString(dir.resolve("site/cases.properties"), "mrn.pattern=\\\\d{8}\nmrn.rule=8 digits\n");
        SiteConfiguration s = SiteConfiguration.load(DataArea.embedded(dir));

        assertEquals("selective dorsal rhizotomy", s.procedureTypes().get(0));
        assertEquals("posterior spinal fusion", s.procedureTypes().get(1), "@built-in inserts the built-in list there");
        assertEquals(1, s.procedureTypes().stream().filter(t -> t.equalsIgnoreCase("thyroidectomy")).count(), "no duplicates");
        assertEquals(List.of("spine", "brain-cpa", "carotid", "facial"), s.templates().stream().map(ProtocolTemplate::id).toList());
        ProtocolTemplate spine = s.templates().get(0);
        assertEquals("Our spine", spine.name());
        assertEquals(Map.of("mep.alarm.preset", "brain", "ssep.alarm.confirmations", "3"), spine.settings());
        assertEquals("site: site/templates/spine.yaml", spine.source());
        assertTrue(s.mrnPattern().matcher("12345678").matches());
        assertEquals("8 digits", s.mrnRule());

        CaseDetails d = CaseStoreContract.details("Doe^Jane", "ABC123", "selective dorsal rhizotomy");
        assertEquals(List.of("MRN must be 8 digits, was 'ABC123'"), validate(d));
    }

    private List<String> validate(CaseDetails d) throws Exception {
        try (CaseDatabase db = org.openionm.cases.internal.JdbcCaseDatabase.open(DataArea.embedded(dir), new TestAuditWriter())) {
            return db.cases().validate(d);
        }
    }

    @Test
    void aMalformedSiteFileIsAnErrorNamingFileAndKey() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("site/templates"));
        Files.writeString(templates.resolve("bad.yaml"), "id: bad\nname: Bad\nmodalities: [ssep]\nmontages: [CPz-Fpz]\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SiteConfiguration.load(DataArea.embedded(dir)));
        assertEquals(templates.resolve("bad.yaml") + ": unknown key 'montages' (allowed: id, modalities, montage, name, procedureTypes,"
                + " settings, stimulationSites)", e.getMessage());

        Files.writeString(templates.resolve("bad.yaml"), "id: bad\nname: Bad\nmodalities: [ssep]\nsettings:\n  preset: spinal\n");
        e = assertThrows(IllegalArgumentException.class, () -> SiteConfiguration.load(DataArea.embedded(dir)));
        assertEquals(templates.resolve("bad.yaml") + ": setting 'preset' is not <processor>.<setting>, e.g. mep.alarm.preset",
                e.getMessage());

        Files.delete(templates.resolve("bad.yaml"));
        Files.writeString(dir.resolve("site/procedures.txt"), "# nothing\n");
        e = assertThrows(IllegalArgumentException.class, () -> SiteConfiguration.load(DataArea.embedded(dir)));
        assertTrue(e.getMessage().endsWith("lists no procedure type (write @built-in to keep the built-in list)"), e.getMessage());
    }
}
