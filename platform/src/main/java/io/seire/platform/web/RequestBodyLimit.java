package io.seire.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.lang.NonNull;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies: a CSV file ({@code text/csv}, {@code application/csv}) at {@code seire.http.max-import-bytes},
 * any other body at {@code seire.http.max-body-bytes}. The cap is checked only when something reads the body, which
 * comes after the sign-in and the access check: a request refused for who sends it is refused without its body being
 * read, however large it claims to be. A declared {@code Content-Length} over the cap is refused before the first
 * byte is read; a body without one (chunked) is refused as soon as it passes the cap.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxImport;

    public RequestBodyLimit(long maxBody, long maxImport) {
        this.maxBody = maxBody;
        this.maxImport = maxImport;
    }

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        boolean csv = isCsv(request.getContentType());
        chain.doFilter(new Capped(request, csv ? "A CSV file" : "A request body", csv ? maxImport : maxBody), response);
    }

    static boolean isCsv(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/csv") || type.startsWith("application/csv");
    }

    private static final class Capped extends HttpServletRequestWrapper {

        private final String what;
        private final long limit;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, String what, long limit) {
            super(request);
            this.what = what;
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), getContentLengthLong(), what, limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long declared;
        private final String what;
        private final long limit;
        private long read;

        CappedStream(ServletInputStream body, long declared, String what, long limit) {
            this.body = body;
            this.declared = declared;
            this.what = what;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            check(0);
            int b = body.read();
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(@NonNull byte[] buffer, int offset, int length) throws IOException {
            check(0);
            // never more than one byte past the cap, so a body over it is noticed without reading on
            int n = body.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                check(n);
            }
            return n;
        }

        private void check(int more) throws BodyTooLarge {
            read += more;
            if (declared > limit || read > limit) {
                throw new BodyTooLarge(what, limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
