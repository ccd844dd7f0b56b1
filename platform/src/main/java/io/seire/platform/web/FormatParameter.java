package io.seire.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.lang.NonNull;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * {@code format=csv|xlsx|pdf|json|ndjson} on a read asks for that representation exactly as the matching
 * {@code Accept} header would, and wins over the header (a link in a browser cannot set headers). Only reads take
 * it: a write answers JSON whatever its query says, so that a stray parameter can never turn a recorded write into a
 * refusal. A value Seire does not write is refused by {@link Check} with 406 (ADR 0026).
 */
public final class FormatParameter implements ContentNegotiationStrategy {

    public static final String NAME = "format";
    public static final MediaType CSV = MediaType.parseMediaType("text/csv");
    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    /** Every value {@code format} may take, and the type it stands for. */
    public static final Map<String, MediaType> FORMATS;

    static {
        Map<String, MediaType> formats = new LinkedHashMap<>();
        formats.put("json", MediaType.APPLICATION_JSON);
        formats.put("csv", CSV);
        formats.put("xlsx", XLSX);
        formats.put("pdf", MediaType.APPLICATION_PDF);
        formats.put("ndjson", NDJSON);
        FORMATS = java.util.Collections.unmodifiableMap(formats);
    }

    @Override
    @NonNull
    public List<MediaType> resolveMediaTypes(@NonNull NativeWebRequest webRequest) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        MediaType type = request == null ? null : requested(request);
        return type == null ? MEDIA_TYPE_ALL_LIST : List.of(type);
    }

    /** The type a read asks for with {@code format}; null when it names none Seire knows (or is not a read). */
    public static MediaType requested(HttpServletRequest request) {
        String[] values = values(request);
        if (values.length == 0 || distinct(values) != 1) {
            return null;
        }
        return FORMATS.get(values[0].toLowerCase(Locale.ROOT));
    }

    /** The read's {@code format} values that say something: a blank one counts as none, as for every parameter. */
    private static String[] values(HttpServletRequest request) {
        String[] values = isRead(request) ? request.getParameterValues(NAME) : null;
        return values == null ? new String[0] : Arrays.stream(values).filter(v -> !v.isBlank()).toArray(String[]::new);
    }

    private static long distinct(String[] values) {
        return Arrays.stream(values).map(v -> v.toLowerCase(Locale.ROOT)).distinct().count();
    }

    private static boolean isRead(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
    }

    /** Refuses a read whose {@code format} is not one Seire writes (406), or that gives it twice (400). */
    public static final class Check implements HandlerInterceptor {

        @Override
        public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                 @NonNull Object handler) throws HttpMediaTypeNotAcceptableException {
            String[] values = values(request);
            if (values.length == 0) {
                return true;
            }
            if (distinct(values) > 1) {
                throw InvalidRequest.of(NAME, "is given more than once; give one of " + String.join(", ", FORMATS.keySet()));
            }
            if (!FORMATS.containsKey(values[0].toLowerCase(Locale.ROOT))) {
                throw new UnknownFormat(values[0]);
            }
            return true;
        }
    }

    /** {@code format} names a representation Seire does not write at all. */
    static final class UnknownFormat extends HttpMediaTypeNotAcceptableException {

        UnknownFormat(String value) {
            super(List.copyOf(FORMATS.values()));
            String message = "'" + io.seire.kernel.Bounds.shortened(value) + "' is not a format Seire writes; ask for one of "
                    + String.join(", ", FORMATS.keySet()) + " (each view says which it offers)";
            getBody().setType(URI.create("/problems/not-acceptable"));
            getBody().setTitle("This representation is not available");
            getBody().setDetail(NAME + ": " + message);
            getBody().setProperty("errors", List.of(FieldError.of(NAME, message)));
        }
    }
}
