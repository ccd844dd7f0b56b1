package io.seire.query.export;

import io.seire.platform.web.FormatParameter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * How a view is to be written when it is not JSON: the format the request asked for ({@code format=} first, then
 * {@code Accept}), among those the handler offers, and the language ({@code lang=}, then {@code Accept-Language},
 * then English). A controller method takes it as a parameter.
 */
public record Rendering(Format format, Language language) {

    public static final String LANG = "lang";

    /** Resolves a {@link Rendering} parameter of a handler method from its request. */
    public static final class Resolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Rendering.class;
        }

        @Override
        public Object resolveArgument(@NonNull MethodParameter parameter, ModelAndViewContainer mav,
                                      @NonNull NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
            HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
            if (request == null) {
                throw new IllegalStateException("A rendering is chosen for an HTTP request only");
            }
            Language language = Language.of(request.getParameter(LANG), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            return new Rendering(format(request), language);
        }

        /** The first of the handler's formats the request accepts, in the order of the request's preference. */
        static Format format(HttpServletRequest request) {
            List<Format> offered = offered(request);
            for (MediaType accepted : accepted(request)) {
                for (Format format : offered) {
                    if (accepted.getQualityValue() > 0 && accepted.includes(format.type())) {
                        return format;
                    }
                }
            }
            return offered.get(0);
        }

        /** What the handler produces for this request, as the mapping matched it. */
        private static List<Format> offered(HttpServletRequest request) {
            Object producible = request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
            List<Format> offered = new ArrayList<>();
            for (Format format : Format.values()) {
                if (producible instanceof Collection<?> types && types.stream()
                        .anyMatch(t -> t instanceof MediaType m && m.isCompatibleWith(format.type()))) {
                    offered.add(format);
                }
            }
            return offered.isEmpty() ? List.of(Format.CSV, Format.XLSX) : offered;
        }

        private static List<MediaType> accepted(HttpServletRequest request) {
            MediaType byParameter = FormatParameter.requested(request);
            if (byParameter != null) {
                return List.of(byParameter);
            }
            List<MediaType> accepted = new ArrayList<>();
            for (String header : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
                try {
                    accepted.addAll(MediaType.parseMediaTypes(header));
                } catch (InvalidMediaTypeException unreadable) {
                    // refused before the handler was chosen (RequestHeaders); nothing to prefer here
                }
            }
            // a stable sort: among equal qualities the order the client wrote
            accepted.sort((a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue()));
            return accepted;
        }
    }
}
