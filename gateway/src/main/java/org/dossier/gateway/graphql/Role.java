package org.dossier.gateway.graphql;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Role")
@Description("A post a person held, with the dates (null when unknown or still held).")
public class Role {
    private final String title;
    private final UUID organizationId;
    private final LocalDate from;
    private final LocalDate to;

    public Role(String title, UUID organizationId, LocalDate from, LocalDate to) {
        this.title = title;
        this.organizationId = organizationId;
        this.from = from;
        this.to = to;
    }

    @NonNull
    @Description("The post's canonical title.")
    public String getTitle() {
        return title;
    }

    @Description("First day in the post.")
    public LocalDate getFrom() {
        return from;
    }

    @Description("Day the post ended; null while held.")
    public LocalDate getTo() {
        return to;
    }

    /** For the batch resolver of Role.organization (not a field). */
    public UUID organizationId() {
        return organizationId;
    }
}
