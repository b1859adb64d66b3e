package org.openionm.cases;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Map;
import java.util.Objects;

/**
 * Where OpenIONM keeps cases: the case database (H2 files under {@code db/} unless a JDBC URL is
 * configured) and each case's folder under {@code cases/<id>/}. The folder comes from
 * {@code --data <dir>}, else the {@code OPENIONM_DATA} environment variable, else
 * {@code ~/.openionm/data}; the workbench and every command use the same rule.
 *
 * @param jdbcUrl a PostgreSQL (or other) JDBC URL, or null for the embedded H2 database
 */
public record DataArea(Path root, String jdbcUrl, String jdbcUser, String jdbcPassword) {

    public static final String ENVIRONMENT_VARIABLE = "OPENIONM_DATA";
    /** System property the launcher sets from {@code --data} / the environment. */
    public static final String PROPERTY = "openionm.data";

    /** The file in the data area that configures a server database instead of the embedded one. */
    public static final String STORE_PROPERTIES = "store.properties";

    public DataArea {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /** The embedded-database data area at {@code root}. */
    public static DataArea embedded(Path root) {
        return new DataArea(root, null, null, null);
    }

    /**
     * The data area by the documented rule: an explicit folder (may be null), else the
     * environment, else {@code ~/.openionm/data}; a {@code store.properties} in it may name a
     * {@code jdbc.url}, {@code jdbc.user}, {@code jdbc.password}.
     */
    public static DataArea resolve(String explicitFolder, Map<String, String> environment) {
        String folder = explicitFolder != null && !explicitFolder.isBlank() ? explicitFolder
                : environment.getOrDefault(ENVIRONMENT_VARIABLE, "");
        Path root = folder.isBlank() ? Path.of(System.getProperty("user.home"), ".openionm", "data") : Path.of(folder);
        Path config = root.resolve(STORE_PROPERTIES);
        if (!Files.isRegularFile(config)) {
            return embedded(root);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + config + ": " + e.getMessage(), e);
        }
        return new DataArea(root, p.getProperty("jdbc.url"), p.getProperty("jdbc.user"), p.getProperty("jdbc.password"));
    }

    public Path databaseFolder() {
        return root.resolve("db");
    }

    public Path casesFolder() {
        return root.resolve("cases");
    }

    /** The folder of one case's recordings. */
    public Path caseFolder(String caseId) {
        return casesFolder().resolve(caseId);
    }

    /** The JDBC URL without the password, for messages: never print credentials. */
    public String describeLocation() {
        return embeddedDatabase() ? databaseFolder().toString() : jdbcUrl.replaceAll("(?i)password=[^&;]*", "password=***");
    }

    public boolean embeddedDatabase() {
        return jdbcUrl == null || jdbcUrl.isBlank();
    }
}
