package org.dossier.article.service;

import java.util.UUID;

/** @param created false when the submission was an exact duplicate of {@code id} */
public record IngestResult(UUID id, boolean created, UUID duplicateOf) {
}
