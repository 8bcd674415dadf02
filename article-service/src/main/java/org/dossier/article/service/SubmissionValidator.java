package org.dossier.article.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.dossier.article.config.IngestConfig;

/** The rules every submission passes, whether it came over REST or Kafka. Each failure names its field. */
@ApplicationScoped
public class SubmissionValidator {

    private final IngestConfig config;

    public SubmissionValidator(IngestConfig config) {
        this.config = config;
    }

    public NewArticle validate(String text, String title, String url, String source, String publishedAt, String language) {
        if (text == null) {
            throw new InvalidSubmissionException("text", "text is missing");
        }
        if (text.isBlank()) {
            throw new InvalidSubmissionException("text", "text is blank");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxTextBytes()) {
            throw new InvalidSubmissionException("text", "text is " + bytes + " bytes; the limit is " + config.maxTextBytes(), 413);
        }
        return new NewArticle(text, blankToNull(title), url(url), blankToNull(source), IsoDates.parse(publishedAt, "publishedAt"), language(language));
    }

    private static String url(String url) {
        String value = blankToNull(url);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new InvalidSubmissionException("url", "url must be an absolute http(s) URL: " + value);
            }
            return value;
        } catch (URISyntaxException e) {
            throw new InvalidSubmissionException("url", "url is not a valid URL: " + e.getMessage());
        }
    }

    private static String language(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        if (!v.matches("[A-Za-z]{2,3}")) {
            throw new InvalidSubmissionException("language", "language must be an ISO 639 code such as en: " + v);
        }
        return v.toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
