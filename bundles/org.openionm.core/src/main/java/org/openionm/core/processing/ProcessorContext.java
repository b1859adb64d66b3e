package org.openionm.core.processing;

import java.util.List;
import java.util.Map;

import org.openionm.core.model.Channel;

/**
 * What a processor receives at start: the channels of this acquisition, its effective settings and
 * where to send its results.
 */
public interface ProcessorContext {

    /** All channels of the acquisition; a processor picks those whose role it accepts. */
    List<Channel> channels();

    /** Effective value of every declared setting, by key (defaults already applied). */
    Map<String, Double> settings();

    ProcessorOutput output();
}
