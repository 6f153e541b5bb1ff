package io.links.command.store;

import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;

/**
 * Finds the aggregate a command is for as {@link AnnotationCommandTargetResolver} does, by the field or method of the
 * command marked {@link TargetAggregateIdentifier} (and {@link TargetAggregateVersion}), but looks for those members
 * once per command class: Axon's resolver walks every method and field of the class and their annotations for each
 * command it routes, a measurable share of a bulk item's work. The aggregates name this bean in their
 * {@code @Aggregate(commandTargetResolver = ...)}.
 */
@Component(CommandTargets.BEAN)
public class CommandTargets implements CommandTargetResolver {

    /** The bean's name, as {@code @Aggregate} refers to it. */
    public static final String BEAN = "commandTargets";

    private final ClassValue<Target> targets = new ClassValue<>() {
        @Override
        protected Target computeValue(Class<?> type) {
            return new Target(type, member(type, TargetAggregateIdentifier.class),
                    member(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Target target = targets.get(command.getPayloadType());
        Object identifier = target.read(target.identifier(), command.getPayload());
        if (identifier == null) {
            throw new IllegalArgumentException("Invalid command. It does not identify the target aggregate. Make "
                    + "sure at least one of the fields or methods in the [" + target.type().getSimpleName()
                    + "] class contains the @TargetAggregateIdentifier annotation and that it returns a non-null "
                    + "value.");
        }
        Object version = target.read(target.version(), command.getPayload());
        // the identifier as the command holds it, as Axon's resolver passes it on (to creation policies, for one)
        return new VersionedAggregateIdentifier(identifier, version == null ? null : asLong(version));
    }

    private static Long asLong(Object version) {
        try {
            return version instanceof Number number ? number.longValue() : Long.parseLong(version.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
    }

    /**
     * The first method, else the first field, carrying the annotation, meta-annotations included, in the order
     * Axon's resolver looks at them.
     */
    private static AccessibleObject member(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                return ReflectionUtils.ensureAccessible(method);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return ReflectionUtils.ensureAccessible(field);
            }
        }
        return null;
    }

    /**
     * Where a command class keeps its target.
     *
     * @param type       the command class
     * @param identifier its identifier member, or null when it has none
     * @param version    its version member, or null when it has none
     */
    private record Target(Class<?> type, AccessibleObject identifier, AccessibleObject version) {

        Object read(AccessibleObject member, Object command) {
            if (member == null) {
                return null;
            }
            try {
                return member instanceof Method method ? method.invoke(command)
                        : ((Field) member).get(command);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("An exception occurred while extracting aggregate information "
                        + "from command " + type.getName() + " (" + ((Member) member).getName() + ")", e);
            } catch (IllegalAccessException e) {
                throw new IllegalArgumentException("could not read " + ((Member) member).getName() + " of command "
                        + type.getName(), e);
            }
        }
    }
}
