package org.dossier.gateway.graphql;

import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

/** The input types of the contract's filters. Public fields: SmallRye GraphQL binds inputs by field. */
public final class Filters {

    private Filters() {
    }

    @Input("ArticleFilter")
    @Description("Narrows a list of articles.")
    public static class ArticleFilter {
        @Description("Full-text search in title and body.")
        public String search;
        @Description("Published on or after this day.")
        public LocalDate from;
        @Description("Published on or before this day.")
        public LocalDate to;
        @Description("Only from this source.")
        public String source;
    }

    @Input("EntityFilter")
    @Description("Narrows a list of entities.")
    public static class EntityFilter {
        @Description("Only entities of this kind.")
        public Enums.EntityKind kind;
        @Description("Name or alias contains this text.")
        public String search;
    }

    @Input("OfficialFilter")
    @Description("Narrows the list of officials.")
    public static class OfficialFilter {
        @Id
        @Description("Only officials of this country (a Country id).")
        public String country;
        @Description("Name or alias contains this text.")
        public String search;
    }

    @Input("StatementFilter")
    @Description("Narrows a list of statements.")
    public static class StatementFilter {
        @Id
        @Description("Only statements about this control (a Control id).")
        public String about;
        @Id
        @Description("Only statements by this speaker (an entity id).")
        public String speaker;
        @Description("Said on or after this day.")
        public LocalDate from;
        @Description("Said on or before this day.")
        public LocalDate to;
    }

    @Input("TimelineFilter")
    @Description("Narrows a timeline.")
    public static class TimelineFilter {
        @Description("Events ending on or after this day.")
        public LocalDate from;
        @Description("Events starting on or before this day.")
        public LocalDate to;
        @Id
        @Description("Only events this entity took part in.")
        public String entity;
        @Id
        @Description("Only events about this control.")
        public String control;
    }
}
