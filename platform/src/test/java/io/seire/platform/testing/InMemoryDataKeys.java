package io.seire.platform.testing;

import io.seire.platform.personaldata.DataKeys;
import io.seire.platform.personaldata.MasterKey;
import io.seire.platform.personaldata.PersonalData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Data keys in memory, for rule tests that need personal data sealed without a database. */
public class InMemoryDataKeys implements DataKeys {

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private MasterCheck check;

    /** Personal data under a fresh master key, with its keys in memory. */
    public static PersonalData personalData() {
        return new PersonalData(new InMemoryDataKeys(), MasterKey.generate());
    }

    @Override
    public synchronized Optional<MasterCheck> masterCheck() {
        return Optional.ofNullable(check);
    }

    @Override
    public synchronized void storeMasterCheck(MasterCheck stored) {
        if (check == null) {
            check = stored;
        }
    }

    @Override
    public synchronized void replaceMasterCheck(MasterCheck replaced) {
        check = replaced;
    }

    @Override
    public synchronized java.util.List<Row> live() {
        return rows.values().stream().filter(r -> r.wrapped() != null).toList();
    }

    @Override
    public synchronized void rewrap(String keyId, byte[] wrapped, String masterKeyId) {
        Row row = rows.get(keyId);
        if (row != null && row.wrapped() != null) {
            rows.put(keyId, new Row(keyId, row.projectId(), row.subject(), wrapped));
        }
    }

    @Override
    public synchronized boolean anyKey() {
        return !rows.isEmpty();
    }

    @Override
    public synchronized Optional<Row> byId(String keyId) {
        return Optional.ofNullable(rows.get(keyId));
    }

    @Override
    public synchronized Optional<Row> bySubject(String projectId, String subject) {
        return rows.values().stream().filter(r -> r.projectId().equals(projectId) && r.subject().equals(subject))
                .findFirst();
    }

    @Override
    public synchronized void insert(Row row, String masterKeyId) {
        rows.put(row.keyId(), row);
    }

    @Override
    public synchronized boolean destroy(String projectId, String subject) {
        Optional<Row> row = bySubject(projectId, subject);
        if (row.isEmpty() || row.get().wrapped() == null) {
            return false;
        }
        rows.put(row.get().keyId(), new Row(row.get().keyId(), projectId, subject, null));
        return true;
    }
}
