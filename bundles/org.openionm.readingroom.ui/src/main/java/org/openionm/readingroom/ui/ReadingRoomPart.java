package org.openionm.readingroom.ui;

import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/** The Reading room part: the whole desk ({@link ReadingRoomView}), connected at once when the settings name a broker. */
public class ReadingRoomPart {

    private ReadingRoomView view;

    @PostConstruct
    public void create(Composite parent) {
        view = new ReadingRoomView(parent, DeskSettings.fromSystem());
    }

    @PreDestroy
    public void dispose() {
        if (view != null && !view.isDisposed()) {
            view.dispose();
        }
    }
}
