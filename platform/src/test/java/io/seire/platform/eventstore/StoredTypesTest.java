package io.seire.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.finance.ExpenditureCancelled;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * The stored types a replay looks up are remembered, and every answer is Axon's own serializer's: the same class, the
 * same stored type and revision, the same payload back, and an unknown type still read as unknown.
 */
class StoredTypesTest {

    private final StoredTypes remembering = new StoredTypes(StoredJson.mapper(), new EventVersionResolver());
    private final JacksonSerializer axons = JacksonSerializer.builder().objectMapper(StoredJson.mapper())
            .revisionResolver(new EventVersionResolver()).build();

    @Test
    void a_payload_is_written_and_read_back_as_axons_serializer_does_and_its_class_and_reader_are_looked_up_once() {
        ExpenditureCancelled event = new ExpenditureCancelled("Šveits-2026", "E-1", "topelt sisestatud 🧾");

        SerializedObject<byte[]> mine = remembering.serialize(event, byte[].class);
        SerializedObject<byte[]> theirs = axons.serialize(event, byte[].class);
        assertThat(mine.getType()).isEqualTo(theirs.getType());
        assertThat(mine.getType().getRevision()).isEqualTo("1");
        assertThat(new String(mine.getData(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(theirs.getData(), java.nio.charset.StandardCharsets.UTF_8));

        for (int i = 0; i < 3; i++) {
            assertThat((Object) remembering.deserialize(theirs)).isEqualTo(event);
        }
        assertThat(remembering.classForType(theirs.getType())).isEqualTo(ExpenditureCancelled.class);
        assertThat(remembering.classForType(new SimpleSerializedType(ExpenditureCancelled.class.getName(), null)))
                .isEqualTo(ExpenditureCancelled.class);
        assertThat(remembering.getReader(ExpenditureCancelled.class))
                .isSameAs(remembering.getReader(ExpenditureCancelled.class));
        assertThat(remembering.typeForClass(ExpenditureCancelled.class))
                .isSameAs(remembering.typeForClass(ExpenditureCancelled.class));
    }

    @Test
    void metadata_and_the_empty_type_read_as_axons_serializer_reads_them() {
        MetaData metaData = MetaData.with("actor", "mari").and("reason", "õige summa");
        SerializedObject<byte[]> stored = axons.serialize(metaData, byte[].class);

        assertThat((Object) remembering.deserialize(stored)).isEqualTo(metaData);
        assertThat((Object) remembering.deserialize(stored)).isEqualTo(metaData);
        assertThat(remembering.typeForClass(null)).isEqualTo(axons.typeForClass(null));
        assertThat(remembering.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
    }

    @Test
    void a_type_no_class_answers_to_reads_as_unknown_every_time() {
        SimpleSerializedType gone = new SimpleSerializedType("io.seire.kernel.finance.NoSuchEvent", "1");
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>("{}".getBytes(), byte[].class, gone);

        for (int i = 0; i < 2; i++) {
            assertThat(remembering.classForType(gone)).isEqualTo(UnknownSerializedType.class);
            assertThat((Object) remembering.deserialize(stored)).isInstanceOf(UnknownSerializedType.class);
        }
    }
}
