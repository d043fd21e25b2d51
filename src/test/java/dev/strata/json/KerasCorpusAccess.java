package dev.strata.json;

import java.util.List;

/** The corpus files that must load, for tests in other packages. */
public final class KerasCorpusAccess {
    private KerasCorpusAccess() {
    }

    public static List<String> loadable() {
        return KerasCorpusTest.LOADABLE;
    }
}
