package org.dossier.article.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dossier.article.Article;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    public Optional<Article> findByContentHash(String hash) {
        return find("contentHash", hash).firstResultOptional();
    }

    public Optional<Article> findByUrl(String url) {
        return find("url", url).firstResultOptional();
    }

    public List<Article> withIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
