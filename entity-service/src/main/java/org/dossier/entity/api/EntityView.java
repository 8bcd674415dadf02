package org.dossier.entity.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A canonical entity as the internal API serves it. {@code control} is set for controls only. */
public record EntityView(UUID id, String key, String kind, String name, List<String> aliases, String wikidataId,
                         UUID countryId, String organizationKind, List<RoleView> roles, ControlView control) {

    /** A post held, with its dates (null = unknown or still held). */
    public record RoleView(String title, UUID organizationId, UUID countryId, LocalDate from, LocalDate to) {
    }

    public record ControlView(String measure, UUID imposedById, List<UUID> targetIds, List<UUID> itemIds) {
    }
}
