package io.seire.query.read;

import io.seire.platform.web.InvalidRequest;
import java.util.List;

/** Lists are paged with {@code page} (from 0) and {@code size} (default 50, at most 1000). */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw InvalidRequest.of("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw InvalidRequest.of("size", "must be between 1 and " + MAX_SIZE);
        }
        return new Paging(p, s);
    }

    public long offset() {
        return (long) page * size;
    }

    /** The answer shape of every list: {@code {"items", "page", "size", "total"}}. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public <T> Page<T> page(List<T> items, long total) {
        return new Page<>(items, page, size, total);
    }
}
