package io.seire.kernel.setup;

/** Output indicators count what the project produced; result indicators measure the change it brought. */
public enum IndicatorKind { OUTPUT, RESULT }
