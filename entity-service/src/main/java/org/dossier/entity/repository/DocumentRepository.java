package org.dossier.entity.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.dossier.entity.Document;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {
}
