package org.dossier.entity.rest;

import com.fasterxml.jackson.annotation.JsonFilter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.ser.impl.SimpleBeanPropertyFilter;
import com.fasterxml.jackson.databind.ser.impl.SimpleFilterProvider;
import jakarta.ws.rs.BadRequestException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dossier.entity.api.StatementView;
import org.dossier.entity.repository.AnalysisRepository;

/**
 * Pages of statements written with only the fields a caller asks for. The gateway knows which fields a GraphQL query
 * selects; on the flagship query it needs about half of each statement's bytes (not the quote, the span, the speaker,
 * nor a cursor per statement), and reading the rest cost it time for nothing.
 */
final class StatementFields {

    /** Every field of a statement, in the order of {@link StatementView}. */
    static final Set<String> ALL = Arrays.stream(StatementView.class.getRecordComponents()).map(RecordComponent::getName)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    private static final String STATEMENT_FILTER = "statement";
    private static final String PAGE_FILTER = "page";

    @JsonFilter(STATEMENT_FILTER)
    private interface FilteredStatement {
    }

    @JsonFilter(PAGE_FILTER)
    private interface FilteredPage {
    }

    private final ObjectMapper mapper;

    StatementFields(ObjectMapper mapper) {
        // a copy: the filters apply to these writes alone, not to every statement the service writes
        this.mapper = mapper.copy().addMixIn(StatementView.class, FilteredStatement.class)
                .addMixIn(AnalysisRepository.Page.class, FilteredPage.class);
    }

    /**
     * The fields asked for, checked: null if the caller asked for every field. An unknown name is a 400 that names
     * it (a caller newer than this service, or a typo), never a field silently missing.
     */
    static Set<String> wanted(Collection<String> fields) {
        if (fields == null) {
            return null;
        }
        List<String> unknown = fields.stream().filter(f -> !ALL.contains(f)).toList();
        if (!unknown.isEmpty()) {
            throw new BadRequestException("fields: unknown statement field(s) " + unknown + "; known: " + ALL);
        }
        return Set.copyOf(fields);
    }

    /** The JSON of {@code value}, whose statements have only {@code fields} and whose pages have cursors if asked. */
    byte[] write(Object value, Set<String> fields, boolean cursors) {
        SimpleFilterProvider filters = new SimpleFilterProvider()
                .addFilter(STATEMENT_FILTER, SimpleBeanPropertyFilter.filterOutAllExcept(fields))
                .addFilter(PAGE_FILTER, cursors ? SimpleBeanPropertyFilter.serializeAll()
                        : SimpleBeanPropertyFilter.serializeAllExcept("cursors"));
        ObjectWriter writer = mapper.writer(filters);
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statements could not be written: " + e.getMessage(), e);
        }
    }
}
