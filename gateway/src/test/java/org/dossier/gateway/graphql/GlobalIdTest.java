package org.dossier.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Global ids are base64url of "Type:uuid", without padding, as clients have stored them (no Quarkus). */
class GlobalIdTest {

    @Test
    void ids_are_the_base64url_of_type_and_uuid_and_decode_back() {
        Random random = new Random(23);
        for (String type : new String[] {"Statement", "Control", "Article", "Country", "X", "TimelineEvent", "Sprache_é"}) {
            for (int i = 0; i < 2_000; i++) {
                UUID id = i == 0 ? new UUID(0, 0) : i == 1 ? new UUID(-1, -1) : new UUID(random.nextLong(), random.nextLong());
                String expected = Base64.getUrlEncoder().withoutPadding()
                        .encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
                String encoded = GlobalId.of(type, id);
                assertThat(encoded).as("%s %s", type, id).isEqualTo(expected);
                assertThat(GlobalId.decode(encoded)).isEqualTo(new GlobalId(type, id));
            }
        }
    }
}
