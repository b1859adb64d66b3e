package org.openionm.acquisition;

/** Handle to a consumer added to the engine. */
public interface ConsumerRegistration extends AutoCloseable {

    String name();

    /** Blocks handed to the consumer since it was added. */
    long deliveredBlocks();

    /** Blocks the consumer missed because its queue was full. */
    long missedBlocks();

    /** Removes the consumer; its thread ends after the item it is processing. */
    @Override
    void close();
}
