package io.seire.kernel.setup;

/** How values add up over periods: SUM of increments, the LATEST level, or the MAX reached. */
public enum Aggregation { SUM, LATEST, MAX }
