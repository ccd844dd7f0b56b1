package io.seire.query.export;

import io.seire.platform.web.FormatParameter;
import org.springframework.http.MediaType;

/** The representations of a view other than JSON that Seire writes itself. */
public enum Format {
    CSV(FormatParameter.CSV, "csv"),
    XLSX(FormatParameter.XLSX, "xlsx"),
    NDJSON(FormatParameter.NDJSON, "ndjson"),
    PDF(org.springframework.http.MediaType.APPLICATION_PDF, "pdf");

    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String NDJSON_TYPE = "application/x-ndjson";
    public static final String PDF_TYPE = "application/pdf";

    private final MediaType type;
    private final String extension;

    Format(MediaType type, String extension) {
        this.type = type;
        this.extension = extension;
    }

    public MediaType type() {
        return type;
    }

    public String extension() {
        return extension;
    }

    /** A binary format: sent without a charset. */
    public boolean binary() {
        return this == XLSX || this == PDF;
    }

    /** The type as sent: text with its charset. */
    public MediaType contentType() {
        return binary() ? type : new MediaType(type, java.nio.charset.StandardCharsets.UTF_8);
    }
}
