package org.dossier.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dossier.gateway.client.StatementRecord;
import org.junit.jupiter.api.Test;

/** Every field of the served {@code Statement} type says which of entity-service's statement fields it reads. */
class StatementSelectionTest {

    @Test
    void everyStatementFieldOfTheServedSchemaIsMappedToRecordFieldsThatExist() throws IOException {
        var schema = new SchemaParser().parse(Files.readString(Path.of("schema.graphql")));
        ObjectTypeDefinition statement = schema.getType("Statement", ObjectTypeDefinition.class).orElseThrow();
        var served = statement.getFieldDefinitions().stream().map(FieldDefinition::getName).toList();
        assertThat(served).isNotEmpty();
        assertThat(StatementSelection.RECORD_FIELDS.keySet())
                .as("a Statement field whose record fields are not listed would make every statement call ask for all")
                .containsAll(served);
        var recordFields = Arrays.stream(StatementRecord.class.getRecordComponents()).map(RecordComponent::getName).toList();
        StatementSelection.RECORD_FIELDS.values().forEach(read -> assertThat(recordFields).containsAll(read));
    }
}
