package io.seire.kernel.setup;

/** What an indicator value is: a number, a percentage 0-100, or text. */
public enum Measure { NUMBER, PERCENTAGE, TEXT }
