package io.seire.console.web;

/** The addresses the console serves; everything else belongs to the API and its own security. */
public final class ConsolePaths {

    /** Pages (and the sign-in and sign-out addresses). */
    public static final String[] PAGES = {"/", "/login", "/logout", "/projects/**", "/programmes/**", "/admin/**"};

    /** The stylesheet and scripts, open to anyone. */
    public static final String ASSETS = "/console/**";

    private ConsolePaths() {
    }

    public static String[] all() {
        String[] all = java.util.Arrays.copyOf(PAGES, PAGES.length + 1);
        all[PAGES.length] = ASSETS;
        return all;
    }
}
