package org.dossier.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema the gateway serves is exported to gateway/schema.graphql, which frontends and partners build on.
 * graphql-inspector compares them:
 * <ul>
 *   <li>against the public contract (../shared/contract/schema-minimum.graphql) no breaking change is ever allowed;</li>
 *   <li>any difference from the exported file fails the build until the file is updated deliberately:
 *       {@code ./mvnw -pl gateway verify -Ddossier.schema.update=true}, which refuses breaking changes unless
 *       {@code -Ddossier.schema.accept-breaking=true} says they are meant.</li>
 * </ul>
 */
@QuarkusTest
class SchemaExportTest {

    private static final Path EXPORTED = Path.of("schema.graphql").toAbsolutePath();
    private static final Path CONTRACT = Path.of("../../shared/contract/schema-minimum.graphql").toAbsolutePath().normalize();

    @TestHTTPResource("/graphql/schema.graphql")
    URL schemaUrl;

    @Test
    void theServedSchemaKeepsTheContractAndMatchesTheExportedFile() throws Exception {
        String served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(schemaUrl.toString())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Path current = Path.of("target/schema-served.graphql").toAbsolutePath();
        Files.writeString(current, served);

        assertThat(CONTRACT).as("the public contract beside the project").exists();
        assertThat(breaking(NodeScript.run("schema-diff.mjs", CONTRACT.toString(), current.toString())))
                .as("changes that break the public contract").isEmpty();

        if (Files.exists(EXPORTED) && Files.readString(EXPORTED).equals(served)) {
            return;
        }
        JsonNode changes = Files.exists(EXPORTED)
                ? NodeScript.run("schema-diff.mjs", EXPORTED.toString(), current.toString()) : null;
        List<String> breaking = changes == null ? List.of() : breaking(changes);
        boolean update = Boolean.getBoolean("dossier.schema.update");
        boolean acceptBreaking = Boolean.getBoolean("dossier.schema.accept-breaking");
        if (update && (breaking.isEmpty() || acceptBreaking)) {
            Files.writeString(EXPORTED, served);
            return;
        }
        assertThat(breaking).as("breaking changes to gateway/schema.graphql; if they are meant, rerun with "
                + "-Ddossier.schema.update=true -Ddossier.schema.accept-breaking=true").isEmpty();
        assertThat(served).as("gateway/schema.graphql is not the schema the gateway serves (" + summary(changes)
                + "); rerun with -Ddossier.schema.update=true to export it").isEqualTo(Files.exists(EXPORTED) ? Files.readString(EXPORTED) : "");
    }

    private static List<String> breaking(JsonNode changes) {
        List<String> found = new ArrayList<>();
        changes.forEach(c -> {
            if ("BREAKING".equals(c.get("criticality").asText())) {
                found.add(c.get("message").asText());
            }
        });
        return found;
    }

    private static String summary(JsonNode changes) {
        if (changes == null) {
            return "no exported file yet";
        }
        List<String> messages = new ArrayList<>();
        changes.forEach(c -> messages.add(c.get("criticality").asText() + ": " + c.get("message").asText()));
        return messages.isEmpty() ? "same schema, different text" : String.join("; ", messages);
    }
}
