package org.dossier.article.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dossier.article.Article;
import org.dossier.article.repository.ArticleRepository;
import org.dossier.article.repository.ArticleSearchRepository;
import org.dossier.article.repository.ArticleSearchRepository.Criteria;
import org.dossier.article.repository.ArticleSearchRepository.Hit;
import org.dossier.article.repository.ArticleSearchRepository.Position;

/** Search and listing of articles, a page at a time, with opaque cursors. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ArticleSearch {

    public static final int MAX_PAGE = 100;

    public record Found(Article article, double rank, String snippet, String cursor) {
    }

    public record Page(long totalCount, List<Found> items, boolean hasNextPage, String endCursor) {
    }

    private final ArticleSearchRepository search;
    private final ArticleRepository articles;

    ArticleSearch(ArticleSearchRepository search, ArticleRepository articles) {
        this.search = search;
        this.articles = articles;
    }

    public Page find(Criteria criteria, String after, int first) {
        if (first < 1 || first > MAX_PAGE) {
            throw new InvalidSubmissionException("first", "first must be between 1 and " + MAX_PAGE + ", not " + first);
        }
        List<Hit> hits = search.search(criteria, decode(after, criteria), first + 1);
        boolean more = hits.size() > first;
        List<Hit> page = more ? hits.subList(0, first) : hits;
        Map<UUID, Article> byId = articles.withIds(page.stream().map(Hit::id).toList()).stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
        List<Found> items = page.stream().map(h -> new Found(byId.get(h.id()), h.rank(), h.snippet(), encode(h, criteria))).toList();
        return new Page(search.count(criteria), items, more, items.isEmpty() ? null : items.get(items.size() - 1).cursor());
    }

    private static String encode(Hit hit, Criteria criteria) {
        String key = criteria.ranked() ? "r|" + hit.rank() + "|" + hit.id() : "t|" + hit.datedAt() + "|" + hit.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor belongs to one kind of listing: a ranked search's cursor is no good for a newest-first list. */
    private static Position decode(String cursor, Criteria criteria) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 3 && criteria.ranked() && parts[0].equals("r")) {
                return new Position(Double.parseDouble(parts[1]), null, UUID.fromString(parts[2]));
            }
            if (parts.length == 3 && !criteria.ranked() && parts[0].equals("t")) {
                return new Position(0, OffsetDateTime.parse(parts[1]), UUID.fromString(parts[2]));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // reported below
        }
        throw new InvalidSubmissionException("after", "after is not a cursor of this listing: " + cursor);
    }
}
