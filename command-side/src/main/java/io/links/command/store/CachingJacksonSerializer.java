package io.links.command.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer, doing once what it does for every message it reads: finding the class a type name
 * stands for, and building a reader for that class (which looks up its deserializer). Metadata, which every event
 * carries and most handlers never look at until Axon's own correlation does, is read field by field instead of
 * through a map deserializer looked up per message; instants are read by {@link UtcInstants}. Every event read by an
 * aggregate load or an event processor passes through here, so this is a measurable part of a bulk task's work.
 */
final class CachingJacksonSerializer extends JacksonSerializer {

    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    CachingJacksonSerializer(JacksonSerializer.Builder builder) {
        super(builder);
        // registered after Axon's own metadata module, so that this deserializer is the one found
        getObjectMapper().registerModule(new SimpleModule("links-metadata")
                .addDeserializer(MetaData.class, new MetaDataFields())
                .addDeserializer(Instant.class, new UtcInstants()));
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }

    /** A class once found is remembered; an unknown one is looked for again, as it may be a later version's. */
    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class && found != Void.class) {
            classes.put(type.getName(), found);
        }
        return found;
    }

    /** Metadata as its JSON object: text values as they are, any other value as Jackson reads an untyped one. */
    static final class MetaDataFields extends JsonDeserializer<MetaData> {

        @Override
        public MetaData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                token = parser.nextToken();
            }
            Map<String, Object> entries = new HashMap<>();
            for (; token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                entries.put(key, value == JsonToken.VALUE_STRING ? parser.getText()
                        : context.readValue(parser, Object.class));
            }
            if (token != JsonToken.END_OBJECT) {
                return (MetaData) context.handleUnexpectedToken(MetaData.class, parser);
            }
            return MetaData.from(entries);
        }

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context,
                                          TypeDeserializer typeDeserializer) throws IOException {
            return typeDeserializer.deserializeTypedFromObject(parser, context);
        }
    }
}
