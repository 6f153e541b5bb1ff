package io.links.command.store;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link CommandTargets} finds the same target as Axon's own resolver, for every command there is. */
class CommandTargetsTest {

    private final CommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();
    private final CommandTargets targets = new CommandTargets();

    @Test
    void everyCommandOfTheApiIsRoutedToTheAggregateAxonsResolverFinds() throws Exception {
        List<Object> commands = new ArrayList<>();
        for (Class<?> type : apiRecords()) {
            RecordComponent target = Arrays.stream(type.getRecordComponents())
                    .filter(component -> component.isAnnotationPresent(TargetAggregateIdentifier.class)
                            || component.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class))
                    .findFirst().orElse(null);
            if (target != null) {
                commands.add(instance(type, target));
            }
        }
        assertThat(commands).as("commands of the API").hasSizeGreaterThan(20);
        for (Object command : commands) {
            VersionedAggregateIdentifier expected = axon.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            VersionedAggregateIdentifier found = targets.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            assertThat(found.getIdentifier()).as(command.getClass().getName()).isEqualTo("target-1")
                    .isEqualTo(expected.getIdentifier());
            assertThat(found.getVersion()).as(command.getClass().getName()).isEqualTo(expected.getVersion());
        }
    }

    @Test
    void fieldsMethodsVersionsAndMetaAnnotationsAreFoundAsAxonFindsThem() {
        for (Object command : List.of(new ByField("a-1", 3L), new ByField("a-2", null), new ByMethod("b-1", "7"),
                new ByMetaAnnotation("c-1"), new Versioned("d-1", 12), new ByUuid(UUID.randomUUID()),
                new MethodAndField("by-field", "by-method"))) {
            VersionedAggregateIdentifier expected = axon.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            VersionedAggregateIdentifier found = targets.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            assertThat(found).as(command.toString()).isEqualTo(expected);
            assertThat(found.getIdentifierValue()).as(command.toString()).isEqualTo(expected.getIdentifierValue());
        }
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(
                new MethodAndField("by-field", "by-method"))).getIdentifier()).isEqualTo("by-method");
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(new ByMethod("b-2", "9"))))
                .isEqualTo(new VersionedAggregateIdentifier("b-2", 9L));
    }

    @Test
    void aCommandWithoutATargetIsRefusedAsAxonRefusesIt() {
        for (Object command : List.of(new ByField(null, 1L), new Untargeted("x"), new ByMethod("b-1", "seven"))) {
            Throwable refusal = catchRefusal(axon, command);
            assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage(command)))
                    .as(command.toString()).isInstanceOf(refusal.getClass()).hasMessage(refusal.getMessage());
        }
    }

    private static Throwable catchRefusal(CommandTargetResolver resolver, Object command) {
        try {
            resolver.resolveTarget(GenericCommandMessage.asCommandMessage(command));
        } catch (RuntimeException refusal) {
            return refusal;
        }
        throw new AssertionError("Axon's resolver took " + command);
    }

    /** Every record of the shared API. */
    private static List<Class<?>> apiRecords() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
        List<Class<?>> records = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("io.links.api")) {
            records.add(ClassUtils.forName(candidate.getBeanClassName(), CommandTargetsTest.class.getClassLoader()));
        }
        return records;
    }

    /** The record with "target-1" as its target and the type's zero or null everywhere else. */
    private static Object instance(Class<?> type, RecordComponent target) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(target.getName()) ? "target-1" : zero(types[i]);
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        return null;
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD})
    @TargetAggregateIdentifier
    @interface LinkTarget {
    }

    record ByField(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    record ByMetaAnnotation(@LinkTarget String id) {
    }

    record Untargeted(String id) {
    }

    record ByUuid(@TargetAggregateIdentifier UUID id) {
    }

    /** Marked twice: Axon's resolver looks at methods before fields. */
    static final class MethodAndField {
        @TargetAggregateIdentifier
        private final String field;
        private final String method;

        MethodAndField(String field, String method) {
            this.field = field;
            this.method = method;
        }

        @TargetAggregateIdentifier
        String target() {
            return method;
        }

        @Override
        public String toString() {
            return "MethodAndField[" + field + ", " + method + "]";
        }
    }

    static final class ByMethod {
        private final String id;
        private final String version;

        ByMethod(String id, String version) {
            this.id = id;
            this.version = version;
        }

        @TargetAggregateIdentifier
        String target() {
            return id;
        }

        @TargetAggregateVersion
        String expectedVersion() {
            return version;
        }

        @Override
        public String toString() {
            return "ByMethod[" + id + ", " + version + "]";
        }
    }

    static final class Versioned {
        @TargetAggregateIdentifier
        private final String id;
        @TargetAggregateVersion
        private final int version;

        Versioned(String id, int version) {
            this.id = id;
            this.version = version;
        }
    }
}
