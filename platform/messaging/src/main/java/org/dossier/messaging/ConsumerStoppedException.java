package org.dossier.messaging;

/**
 * The service is shutting down while a message was being handled: the message is left unacknowledged, so that it is
 * read again after the restart. Never dead-lettered.
 */
public class ConsumerStoppedException extends RuntimeException {
    public ConsumerStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
