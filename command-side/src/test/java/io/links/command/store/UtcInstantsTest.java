package io.links.command.store;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.links.api.link.ActivationSource;
import io.links.api.link.PlanActivated;
import io.links.api.link.PlanSnapshot;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Instants in events read by their digits give what Jackson's own deserializer gives, and only those. */
class UtcInstantsTest {

    private static final ObjectMapper STOCK = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final Serializer serializer = new EventStoreConfiguration().eventSerializer();

    @Test
    void instantsAsTheEventsWriteThemAreReadByTheirDigitsAsTheStockParserReadsThem() {
        Random random = new Random(7);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999Z"),
                Instant.parse("2024-02-29T12:00:00Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("2026-12-01T10:00:00.100Z")));
        for (int i = 0; i < 2_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 200_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            String written = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertThat(UtcInstants.parse(written)).as(written).isEqualTo(instant).isEqualTo(Instant.parse(written));
        }
        for (String fraction : List.of(".1", ".12", ".1234", ".12345678", ".123456789")) {
            String written = "2026-12-01T10:00:00" + fraction + "Z";
            assertThat(UtcInstants.parse(written)).as(written).isEqualTo(Instant.parse(written));
        }
    }

    @Test
    void anyOtherFormIsLeftToTheStockParser() throws Exception {
        for (String text : List.of("2026-12-01T10:00:00+01:00", "2026-12-01T10:00Z", "2026-12-01T10:00:00.Z",
                "2026-12-01T10:00:00.1234567890Z", "2026-12-01T10:00:60Z", "+12026-12-01T10:00:00Z",
                "2026-12-01t10:00:00Z", "2026-12-01T10:00:00,5Z", "2026-12-01T10:0a:00Z", "2026-12-01T24:00:00Z")) {
            assertThat(UtcInstants.parse(text)).as(text).isNull();
        }
        // and what the stock parser then makes of them is the answer, accepted or refused
        assertThat(read("\"2026-12-01T10:00:00+01:00\"")).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"))
                .isEqualTo(STOCK.readValue("\"2026-12-01T10:00:00+01:00\"", Instant.class));
        assertThat(read("1764583200.5")).isEqualTo(STOCK.readValue("1764583200.5", Instant.class));
        assertThatThrownBy(() -> read("\"2026-02-30T10:00:00Z\"")).hasStackTraceContaining("2026-02-30T10:00:00Z");
        assertThatThrownBy(() -> STOCK.readValue("\"2026-02-30T10:00:00Z\"", Instant.class))
                .hasMessageContaining("2026-02-30T10:00:00Z");
        assertThat(UtcInstants.parse("2026-02-30T10:00:00Z")).isNull();
    }

    @Test
    void theEventSerializerReadsInstantsThisWay() throws Exception {
        PlanActivated event = new PlanActivated("link-1", "act-1", new PlanSnapshot("plan-1", "EU 1 GB",
                1_000_000_000L, 30, "cov-1", List.of("eu"), false), ActivationSource.MANUAL,
                Instant.parse("2026-12-01T10:00:00.123456Z"), Instant.parse("2026-12-31T10:00:00Z"));
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        assertThat(rootDeserializerOf(Instant.class)).isInstanceOf(UtcInstants.class);
    }

    @Test
    void aPropertyWithAFormatOfItsOwnIsReadByJacksonsDeserializer() throws Exception {
        Scheduled read = serializer.deserialize(new SimpleSerializedObject<>(
                "{\"at\":\"2026-12-01 10:30\",\"plain\":\"2026-12-01T10:30:00Z\"}".getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType(Scheduled.class.getName(), null)));

        assertThat(read.at()).isEqualTo(Instant.parse("2026-12-01T10:30:00Z"));
        assertThat(read.plain()).isEqualTo(Instant.parse("2026-12-01T10:30:00Z"));
        BeanDeserializerBase scheduled = (BeanDeserializerBase) rootDeserializerOf(Scheduled.class);
        assertThat(scheduled.findProperty("plain").getValueDeserializer()).isInstanceOf(UtcInstants.class);
        assertThat(scheduled.findProperty("at").getValueDeserializer()).isInstanceOf(InstantDeserializer.class);
    }

    /** One time with a format of its own, one without. */
    record Scheduled(@JsonFormat(pattern = "yyyy-MM-dd HH:mm", timezone = "UTC") Instant at, Instant plain) {
    }

    /** The deserializer the serializer's mapper finds for a value of {@code type}. */
    private JsonDeserializer<?> rootDeserializerOf(Class<?> type) throws Exception {
        ObjectMapper mapper = ((CachingJacksonSerializer) serializer).getObjectMapper();
        DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);
        return context.findRootValueDeserializer(mapper.constructType(type));
    }

    private Instant read(String json) {
        return serializer.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType(Instant.class.getName(), null)));
    }
}
