package io.seire.query.read;

/** A project a reader may see, and how much of its history the view is computed from. */
public record ProjectScope(ProjectRow project, Horizon horizon) {

    public String id() {
        return project.id();
    }

    public long maxPosition() {
        return horizon.maxPosition();
    }

    public String money(java.math.BigDecimal amount) {
        return Decimals.money(amount, project.minorDigits());
    }
}
