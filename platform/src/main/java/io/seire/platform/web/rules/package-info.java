/**
 * Field rules of request records, as Bean Validation constraints: whether a field is given ({@code @NotBlank},
 * {@code @NotNull}), whether a decimal string is a number and in range ({@link io.seire.platform.web.rules.Decimal}),
 * and rules that tie fields of one request together ({@link io.seire.platform.web.rules.RulesInCode}). A
 * request that breaks them is refused with 400 naming each field ({@link io.seire.platform.web.rules.Violations}),
 * before any command is built. Rules that need the project's state are the aggregate's.
 */
package io.seire.platform.web.rules;
