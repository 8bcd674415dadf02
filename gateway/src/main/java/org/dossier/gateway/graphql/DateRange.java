package org.dossier.gateway.graphql;

import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("DateRange")
@Description("Days from start to end, both inclusive, with the precision the text gave.")
public record DateRange(@NonNull LocalDate start, @NonNull LocalDate end, @NonNull Enums.Granularity granularity) {
}
