package org.dossier.article.rest;

import org.dossier.article.service.NewArticle;
import org.dossier.article.service.SubmissionValidator;

/** The ingest JSON shape of the public contract. Unknown fields are rejected, not dropped. */
public record ArticleSubmission(String text, String title, String url, String source, String publishedAt, String language) {

    public NewArticle validatedBy(SubmissionValidator validator) {
        return validator.validate(text, title, url, source, publishedAt, language);
    }
}
