package org.dossier.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** The gateway's cache of whole answers (see {@code http/CachedAnswers}). */
@ConfigMapping(prefix = "dossier.gateway.answer-cache")
@io.quarkus.arc.Unremovable
public interface AnswerCacheConfig {

    /** Off: every request is executed. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Longest time an answer is served. Changes announced on Kafka end an answer at once; this bounds how long the
     * changes that are not announced (an operator undoing a merge in entity-service) stay unseen.
     */
    @WithDefault("60s")
    Duration maxAge();

    /** Memory for answers and their requests; least recently used answers leave first. */
    @WithDefault("64M")
    MemorySize maxSize();

    /**
     * Fields, as {@code Type.field}, whose data changes without an announcement: an answer that selects one is never
     * stored. An article's processing status is updated by article-service from the other services' events and
     * published by nobody, so an answer could not tell when it went stale.
     */
    @WithDefault("Article.processing")
    Set<String> uncachedFields();
}
