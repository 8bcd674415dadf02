package org.dossier.messaging;

/** An event that failed every attempt at processing; it goes to the dead-letter topic. */
public class EventProcessingException extends RuntimeException {
    public EventProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
