package org.dossier.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.dossier.events.EventCodec;

@ApplicationScoped
public class CodecProducer {

    @Produces
    @ApplicationScoped
    EventCodec eventCodec() {
        return new EventCodec(new ObjectMapper());
    }
}
