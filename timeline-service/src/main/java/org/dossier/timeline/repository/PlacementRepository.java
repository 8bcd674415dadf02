package org.dossier.timeline.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.dossier.timeline.ArticlePlacement;

@ApplicationScoped
public class PlacementRepository implements PanacheRepositoryBase<ArticlePlacement, UUID> {
}
