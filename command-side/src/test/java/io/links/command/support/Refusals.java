package io.links.command.support;

import io.links.api.error.ErrorCode;
import io.links.api.error.LinksException;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import static org.hamcrest.Matchers.containsString;

/** How the aggregate fixture tests expect a refusal: the rule's code, its reason in words, and nothing recorded. */
public final class Refusals {

    private Refusals() {
    }

    public static void refusedWith(ResultValidator<?> result, ErrorCode code, String reason) {
        result.expectException(LinksException.class)
                .expectExceptionMessage(containsString(reason))
                .expectNoEvents();
        result.expectException(withCode(code));
    }

    public static Matcher<Throwable> withCode(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof LinksException refusal && refusal.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code " + code);
            }
        };
    }
}
