package org.openionm.cases.ui;

import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;

/** Hands command-line arguments to the E4 application as the launcher would. */
final class TestApplicationContext implements IApplicationContext {

    private final String[] args;

    TestApplicationContext(String... args) {
        this.args = args.clone();
    }

    @Override
    public Map<String, Object> getArguments() {
        return Map.of(APPLICATION_ARGS, args);
    }

    @Override
    public void applicationRunning() {
    }

    @Override
    public String getBrandingApplication() {
        return null;
    }

    @Override
    public String getBrandingName() {
        return "OpenIONM (test)";
    }

    @Override
    public String getBrandingDescription() {
        return null;
    }

    @Override
    public String getBrandingId() {
        return null;
    }

    @Override
    public String getBrandingProperty(String key) {
        return null;
    }

    @Override
    public Bundle getBrandingBundle() {
        return null;
    }

    @Override
    public void setResult(Object result, IApplication application) {
    }
}
