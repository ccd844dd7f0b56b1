package io.seire.platform.personaldata;

import java.util.Optional;

/** Where data keys are kept, wrapped under the master key: {@code personal_data_key} (or memory, in rule tests). */
public interface DataKeys {

    /** A data key's row: {@code wrapped} is null once the key is destroyed. */
    record Row(String keyId, String projectId, String subject, byte[] wrapped) {
    }

    /** A value sealed under the master key that proves a configured key is the right one, and that key's id. */
    record MasterCheck(String masterKeyId, byte[] sealed) {
    }

    Optional<MasterCheck> masterCheck();

    /** Stores the check value unless one is stored already. */
    void storeMasterCheck(MasterCheck check);

    /** Replaces the check value (after every data key was wrapped anew under another master key). */
    void replaceMasterCheck(MasterCheck check);

    /** Every key that is not destroyed. */
    java.util.List<Row> live();

    /** Stores a live key wrapped anew under another master key. */
    void rewrap(String keyId, byte[] wrapped, String masterKeyId);

    boolean anyKey();

    Optional<Row> byId(String keyId);

    Optional<Row> bySubject(String projectId, String subject);

    void insert(Row row, String masterKeyId);

    /** Stores many keys at once (one JDBC batch): an import's. */
    default void insertAll(java.util.List<Row> rows, String masterKeyId) {
        rows.forEach(row -> insert(row, masterKeyId));
    }

    /** The keys of many subjects of a project, in one query. */
    default java.util.List<Row> bySubjects(String projectId, java.util.Collection<String> subjects) {
        return subjects.stream().map(s -> bySubject(projectId, s)).flatMap(Optional::stream).toList();
    }

    /** The keys of many ids, in one query (a projection's batch of events). */
    default java.util.List<Row> byIds(java.util.Collection<String> keyIds) {
        return keyIds.stream().map(this::byId).flatMap(Optional::stream).toList();
    }

    /** Forgets the wrapped key; answers whether there was one. */
    boolean destroy(String projectId, String subject);
}
