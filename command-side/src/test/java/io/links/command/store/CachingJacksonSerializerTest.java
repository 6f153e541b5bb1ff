package io.links.command.store;

import io.links.api.link.ActivationSource;
import io.links.api.link.PlanActivated;
import io.links.api.link.PlanSnapshot;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The serializer the event store uses reads back what it wrote, metadata of every kind of value included. */
class CachingJacksonSerializerTest {

    private final Serializer serializer = new EventStoreConfiguration().eventSerializer();

    @Test
    void eventsAreReadBackEqualEveryTime() {
        PlanActivated event = new PlanActivated("link-1", "act-1", new PlanSnapshot("plan-1", "EU 1 GB",
                1_000_000_000L, 30, "cov-1", List.of("eu"), false), ActivationSource.MANUAL,
                Instant.parse("2026-12-01T10:00:00.123456Z"), null);
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        for (int read = 0; read < 3; read++) {
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        }
    }

    @Test
    void metadataKeepsTextNumbersFlagsNullsListsAndMaps() {
        Map<String, Object> entries = new HashMap<>();
        entries.put("organisation_id", "org-1");
        entries.put("bulk_task_id", "task-1");
        entries.put("attempt", 3);
        entries.put("dry_run", true);
        entries.put("actor", null);
        entries.put("tags", List.of("a", "b"));
        entries.put("nested", Map.of("key", "value"));
        MetaData meta = MetaData.from(entries);

        MetaData read = serializer.deserialize(serializer.serialize(meta, byte[].class));

        assertThat(read).isEqualTo(meta);
        assertThat((MetaData) serializer.deserialize(serializer.serialize(MetaData.emptyInstance(), byte[].class)))
                .isEmpty();
    }

    @Test
    void metadataThatIsNoObjectIsRefused() {
        SerializedObject<byte[]> list = new SimpleSerializedObject<>("[\"a\"]".getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType(MetaData.class.getName(), null));

        // the metadata's own deserializer answers, not the map deserializer of Axon's
        assertThatThrownBy(() -> serializer.deserialize(list)).rootCause()
                .hasMessageContaining(MetaData.class.getName()).hasMessageNotContaining("HashMap");
    }

    @Test
    void aTypeNoClassStandsForIsUnknownEachTimeItIsAskedFor() {
        SimpleSerializedType later = new SimpleSerializedType("io.links.api.link.SomeLaterEvent", null);

        assertThat(Arrays.asList(serializer.classForType(later), serializer.classForType(later)))
                .containsOnly(UnknownSerializedType.class);
        assertThat(serializer.classForType(new SimpleSerializedType(PlanActivated.class.getName(), null)))
                .isEqualTo(PlanActivated.class);
    }
}
