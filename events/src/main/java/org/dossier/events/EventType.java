package org.dossier.events;

/**
 * One kind of event: its logical CloudEvents type, the payload record, the topic it travels on and its JSON Schema
 * (on the classpath under {@code schemas/<type>.schema.json}).
 */
public record EventType<T>(String name, Class<T> payloadClass, String topic) {

    public String schemaResource() {
        return "schemas/" + name + ".schema.json";
    }
}
