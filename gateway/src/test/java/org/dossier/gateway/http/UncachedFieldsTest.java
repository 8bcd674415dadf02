package org.dossier.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.analysis.QueryTraverser;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which operations select a field whose changes go unannounced, by type and field, through fragments too. */
class UncachedFieldsTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query { article(id: ID): Article, node(id: ID): Node, report: Report }
            interface Node { id: ID }
            type Article implements Node { id: ID, title: String, processing: Processing }
            type Report { processing: String }
            type Processing { stored: Boolean }
            """), RuntimeWiring.newRuntimeWiring()
            .type(TypeRuntimeWiring.newTypeWiring("Node").typeResolver(env -> null)).build());

    private static boolean selectsProcessing(String query) {
        return CachedAnswers.selectsAny(QueryTraverser.newQueryTraverser().schema(SCHEMA)
                .document(Parser.parse(query)).variables(Map.of()).build(), Set.of("Article.processing"));
    }

    @Test
    void theFieldIsFoundWhereverTheOperationSelectsIt() {
        assertThat(selectsProcessing("{ article(id: 1) { processing { stored } } }")).isTrue();
        assertThat(selectsProcessing("{ node(id: 1) { ... on Article { processing { stored } } } }")).isTrue();
        assertThat(selectsProcessing("{ node(id: 1) { ...a } } fragment a on Article { processing { stored } }")).isTrue();
    }

    @Test
    void otherFieldsAndTheSameNameOnAnotherTypeAreNotIt() {
        assertThat(selectsProcessing("{ article(id: 1) { id title } }")).isFalse();
        assertThat(selectsProcessing("{ report { processing } }")).isFalse();
        assertThat(selectsProcessing("{ __typename article(id: 1) { __typename } }")).isFalse();
    }
}
