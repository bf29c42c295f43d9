package dev.sweep.kafka;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One broker for every test class of a run that asks for it ({@code @ExtendWith(SharedBroker.class)} and a
 * {@link Broker} parameter, as of a {@code @BeforeAll} method): started for the first, closed once all ran, so that a
 * class does not pay for a start of its own. Each class writes topics of its own; one that stops the broker starts it
 * again before it ends.
 */
public final class SharedBroker implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBroker.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Broker.class;
    }

    @Override
    public Broker resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root's store closes what it holds (an AutoCloseable) when the run ends.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Broker.class, type -> start(),
                Broker.class);
    }

    private static Broker start() {
        try {
            return Broker.start();
        } catch (Exception e) {
            throw new ParameterResolutionException("cannot start the in-process broker", e);
        }
    }
}
