package org.dossier.article.rest;

import java.util.UUID;

public record IngestResponse(UUID id, UUID duplicateOf) {
}
