package io.seire.tools.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Counts the rows of every sheet of an XLSX file by reading its sheet XML as a stream: nothing is held. (A
 * {@code ZipInputStream} cannot read POI's streamed entries; the central directory can.) */
final class XlsxRows {

    private static final byte[] ROW = "<row ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private XlsxRows() {
    }

    static long count(Path xlsx) throws IOException {
        long rows = 0;
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().startsWith("xl/worksheets/sheet") && entry.getName().endsWith(".xml")) {
                    try (InputStream in = new BufferedInputStream(zip.getInputStream(entry))) {
                        rows += occurrences(in);
                    }
                }
            }
        }
        return rows;
    }

    private static long occurrences(InputStream in) throws IOException {
        long found = 0;
        int matched = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == ROW[matched]) {
                    matched++;
                    if (matched == ROW.length) {
                        found++;
                        matched = 0;
                    }
                } else {
                    matched = b == ROW[0] ? 1 : 0;
                }
            }
        }
        return found;
    }
}
