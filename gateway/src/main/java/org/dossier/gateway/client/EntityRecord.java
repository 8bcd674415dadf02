package org.dossier.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** entity-service's view of a canonical entity; unknown fields are ignored so the service can grow. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EntityRecord(UUID id, String key, String kind, String name, List<String> aliases, String wikidataId,
                           UUID countryId, String organizationKind, List<RoleRecord> roles, ControlRecord control) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RoleRecord(String title, UUID organizationId, UUID countryId, LocalDate from, LocalDate to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ControlRecord(String measure, UUID imposedById, List<UUID> targetIds, List<UUID> itemIds) {
    }
}
