package org.dossier.article.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.dossier.article.Article;
import org.hibernate.Session;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    /** A stored article as far as exact-duplicate checks need it. */
    public record StoredKey(UUID id, String url, String contentHash) {
    }

    /** A new article row, written as is. */
    public record NewRow(UUID id, String text, String title, String url, String source, OffsetDateTime publishedAt,
            String publishedHint, String language, String contentHash, String sectionsJson, byte[] minhash, UUID duplicateOf,
            OffsetDateTime receivedAt) {
    }

    /** Stored articles with any of these URLs or content hashes, in one query whatever the number asked for. */
    public List<StoredKey> withUrlOrContentHash(Collection<String> urls, Collection<String> hashes) {
        return session().doReturningWork(connection -> {
            // Two index scans, not one OR: the URL index is partial and the hash index unique.
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT id, url, content_hash FROM article WHERE url = ANY(?)
                    UNION
                    SELECT id, url, content_hash FROM article WHERE content_hash = ANY(CAST(? AS bpchar[]))""")) {
                query.setArray(1, connection.createArrayOf("text", urls.toArray()));
                query.setArray(2, connection.createArrayOf("text", hashes.toArray()));
                List<StoredKey> found = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        found.add(new StoredKey(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3).strip()));
                    }
                }
                return found;
            }
        });
    }

    /** Inserts the rows in one round trip (the driver rewrites the batch into multi-row INSERTs). */
    public void insertAll(List<NewRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO article (id, text, title, url, source, published_at, published_hint, language, content_hash,
                        sections, minhash, duplicate_of, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)""")) {
                for (NewRow row : rows) {
                    insert.setObject(1, row.id());
                    insert.setString(2, row.text());
                    insert.setString(3, row.title());
                    insert.setString(4, row.url());
                    insert.setString(5, row.source());
                    insert.setObject(6, row.publishedAt(), Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.setString(7, row.publishedHint());
                    insert.setString(8, row.language());
                    insert.setString(9, row.contentHash());
                    insert.setString(10, row.sectionsJson());
                    insert.setBytes(11, row.minhash());
                    insert.setObject(12, row.duplicateOf());
                    insert.setObject(13, row.receivedAt(), Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    public List<Article> withIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }
}
