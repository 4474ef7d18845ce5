package nl.kamerqa.query.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A free-text query parameter or path variable (party, documentId, q, ids): at most 200 characters and no control
 * characters, which have no business in a name, an id or a search term and would only end up in logs and patterns.
 * The pattern spells out Unicode's Cc range (U+0000-U+001F, U+007F-U+009F) instead of {@code \P{Cc}}: it appears in
 * the OpenAPI document, and client generators read patterns as ECMAScript regexes, where {@code \P{..}} needs a flag.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Size(max = FilterText.MAX_LENGTH, message = "must be at most " + FilterText.MAX_LENGTH + " characters")
@Pattern(regexp = "^[^\\x00-\\x1F\\x7F-\\x9F]*$", message = "must not contain control characters")
public @interface FilterText {

    int MAX_LENGTH = 200;

    String message() default "invalid filter text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
