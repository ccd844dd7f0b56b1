package io.seire.query.export;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;

/**
 * The one typeface of every PDF Seire writes (the monitoring report, the views, reimbursement requests), DejaVu Sans Condensed (regular and bold, shipped under {@code fonts/} with its
 * licence): every Estonian, Lithuanian and Latvian letter, Cyrillic and Greek. The PDF embeds the subset it uses;
 * charts measure their text with the same font, so what they lay out is what the PDF shows.
 */
public final class DocumentFonts {

    private static final byte[] REGULAR = read("fonts/DejaVuSansCondensed.ttf");
    private static final byte[] BOLD = read("fonts/DejaVuSansCondensed-Bold.ttf");
    public static final Font AWT_REGULAR = awt(REGULAR);
    public static final Font AWT_BOLD = awt(BOLD);

    public final BaseFont regular;
    public final BaseFont bold;

    /**
     * Fonts for one document. A font subset's name gets a prefix that OpenPDF draws at random; a fixed one keeps the
     * bytes of a document the same every time (PDF readers only need it to differ between subsets of one file, and
     * the regular and bold subsets have different names anyway).
     */
    public DocumentFonts() {
        regular = pdf("DejaVuSansCondensed.ttf", REGULAR);
        bold = pdf("DejaVuSansCondensed-Bold.ttf", BOLD);
    }

    public FontMapper mapper() {
        return new FontMapper() {
            @Override
            public BaseFont awtToPdf(Font font) {
                return font.isBold() ? bold : regular;
            }

            @Override
            public Font pdfToAwt(BaseFont font, int size) {
                return (font == bold ? AWT_BOLD : AWT_REGULAR).deriveFont((float) size);
            }
        };
    }

    private static BaseFont pdf(String name, byte[] ttf) {
        try {
            BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
            font.setSecureRandom(FixedPrefix.INSTANCE);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font awt(byte[] ttf) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("The documents' font cannot be read", e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = DocumentFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers the same "random" number every time: subset prefixes become {@code NNNNNN+}. */
    private static final class FixedPrefix extends SecureRandom {
        static final FixedPrefix INSTANCE = new FixedPrefix();

        @Override
        public double nextDouble() {
            return 0.5;
        }
    }
}
