package io.seire.query.export;

/**
 * A column of a table: its heading in both languages and what its cells hold, which decides how they are written
 * (CSV: decimal mark and date order of the language; XLSX: number and date cells with their formats). A cell of a
 * number column may still hold text (a text indicator's value): it is then written as text.
 */
public record Column(Words label, Kind kind) {

    public enum Kind {
        /** Short text. */
        TEXT,
        /** Narrative text, wrapped in XLSX. */
        LONG_TEXT,
        /** An amount with its currency's minor digits, e.g. 1234.50. */
        MONEY,
        /** A decimal as entered (an indicator value, a rate). */
        NUMBER,
        /** A percentage as the API gives it (33.33 for 33.33 %), two decimals. */
        PERCENT,
        /** Another decimal the API gives with two decimals (full-time equivalents). */
        DECIMAL,
        /** A day. */
        DATE,
        /** An instant, written in UTC. */
        TIMESTAMP
    }

    public static Column text(String et, String en) {
        return new Column(new Words(et, en), Kind.TEXT);
    }

    public static Column longText(String et, String en) {
        return new Column(new Words(et, en), Kind.LONG_TEXT);
    }

    public static Column money(String et, String en) {
        return new Column(new Words(et, en), Kind.MONEY);
    }

    public static Column number(String et, String en) {
        return new Column(new Words(et, en), Kind.NUMBER);
    }

    public static Column percent(String et, String en) {
        return new Column(new Words(et, en), Kind.PERCENT);
    }

    public static Column decimal(String et, String en) {
        return new Column(new Words(et, en), Kind.DECIMAL);
    }

    public static Column date(String et, String en) {
        return new Column(new Words(et, en), Kind.DATE);
    }

    public static Column timestamp(String et, String en) {
        return new Column(new Words(et, en), Kind.TIMESTAMP);
    }
}
