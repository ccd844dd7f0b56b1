package io.seire.platform.personaldata;

import io.seire.kernel.PersonalText;
import io.seire.kernel.RuleViolation;
import io.seire.platform.web.RetryLater;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Crypto-shredding of personal data (ADR 0035). Each subject (a staff member, a record with free text) has a data key
 * of its own in {@code personal_data_key}, stored wrapped under the operator's {@link MasterKey}; events carry only
 * the text sealed under it ({@link PersonalText}). Destroying the key erases the text everywhere it is read from,
 * while the stored events, and the hash chain over their bytes, stay as they are.
 *
 * <p>Keys and clear text never go into events, snapshots, messages or logs.
 */
public class PersonalData {

    /** What an erased person's name reads as, everywhere. */
    public static final String ERASED = "[erased]";
    /** What redacted free text reads as, everywhere. */
    public static final String REDACTED = "[redacted]";

    private static final byte[] CHECK = "seire personal data master key check".getBytes(StandardCharsets.UTF_8);

    private final DataKeys keys;
    private final MasterKey master;

    /**
     * Checks the master key against the stored keys: once personal data has been encrypted, a node without the master
     * key, or with another one, refuses to start (it could neither read nor write that data).
     */
    public PersonalData(DataKeys keys, MasterKey master) {
        this(keys, master, null);
    }

    /**
     * As above; when the stored data keys are still wrapped under {@code previous}, they are first wrapped anew under
     * {@code master} (a rotation). Each key is rewrapped on its own and the check value last, so a rotation cut short
     * is simply completed by the next start with both keys.
     */
    public PersonalData(DataKeys keys, MasterKey master, MasterKey previous) {
        this.keys = keys;
        this.master = master;
        if (master != null && previous != null) {
            rotate(previous);
        }
        checkMasterKey();
    }

    private void rotate(MasterKey previous) {
        Optional<DataKeys.MasterCheck> check = keys.masterCheck();
        if (check.isEmpty() || opens(master, check.get().sealed()) || !opens(previous, check.get().sealed())) {
            return; // nothing sealed, already rotated, or not under that previous key (the check below says so)
        }
        for (DataKeys.Row row : keys.live()) {
            try {
                master.unwrap(row.wrapped(), row.keyId());
                continue; // rewrapped by a rotation cut short
            } catch (GeneralSecurityException underPrevious) {
                // rewrap below
            }
            try {
                keys.rewrap(row.keyId(), master.wrap(previous.unwrap(row.wrapped(), row.keyId()), row.keyId()),
                        master.id());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Data key " + row.keyId() + " opens with neither the master key "
                        + master.id() + " nor the previous one " + previous.id());
            }
        }
        keys.replaceMasterCheck(new DataKeys.MasterCheck(master.id(), master.seal(CHECK, CHECK)));
    }

    private static boolean opens(MasterKey key, byte[] sealedCheck) {
        try {
            key.open(sealedCheck, CHECK);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private void checkMasterKey() {
        Optional<DataKeys.MasterCheck> check = keys.masterCheck();
        if (master == null) {
            if (check.isPresent() || keys.anyKey()) {
                throw new IllegalStateException("Personal data in this database is encrypted, but no master key is "
                        + "configured: set SEIRE_MASTER_KEY (or seire.personal-data.master-key-file) to the master key "
                        + "it was encrypted with (README, Personal data). Without it, names can be neither read nor "
                        + "written.");
            }
            return;
        }
        if (check.isEmpty()) {
            keys.storeMasterCheck(new DataKeys.MasterCheck(master.id(), master.seal(CHECK, CHECK)));
            check = keys.masterCheck();
        }
        try {
            master.open(check.orElseThrow().sealed(), CHECK);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The configured master key for personal data (key id " + master.id()
                    + ") is not the one this database's personal data is encrypted with (key id "
                    + check.get().masterKeyId() + "): configure that key (SEIRE_MASTER_KEY or "
                    + "seire.personal-data.master-key-file), or restore it from its backup (README, Personal data).");
        }
    }

    /** Whether this node can seal new personal data: without a master key, a write that needs one answers 503. */
    public void requireMasterKey() {
        if (master == null) {
            throw new RetryLater("personal-data-key-missing", "No master key for personal data",
                    "This node has no master key for personal data (SEIRE_MASTER_KEY), so it cannot record names "
                            + "or free text (descriptions, notes, narratives). "
                            + "Ask the operator to configure it.", 3600);
        }
    }

    /**
     * Seals {@code text} under the data key of {@code subject} in the project, creating the key on first use. Runs in
     * the write's transaction: if the write is rolled back, so is a new key. Null stays null.
     */
    public PersonalText seal(String projectId, String subject, String text) {
        if (text == null) {
            return null;
        }
        requireMasterKey();
        DataKeys.Row row = keys.bySubject(projectId, subject).orElseGet(() -> {
            String keyId = UUID.randomUUID().toString();
            DataKeys.Row created = new DataKeys.Row(keyId, projectId, subject, master.wrap(Aead.newKey(), keyId));
            keys.insert(created, master.id());
            return created;
        });
        if (row.wrapped() == null) {
            throw RuleViolation.conflict("personal-data-erased", null,
                    "The personal data of " + subject + " has been erased; it cannot be recorded again.");
        }
        byte[] sealed = Aead.encrypt(unwrap(row), text.getBytes(StandardCharsets.UTF_8), associated(row.keyId()));
        return PersonalText.sealed(row.keyId(), Base64.getEncoder().encodeToString(sealed));
    }

    /**
     * The clear text, or {@code whenGone} if its key has been destroyed. Text recorded before encryption (read
     * through the upcaster) is answered as it was stored.
     */
    public String open(PersonalText text, String whenGone) {
        if (text == null) {
            return null;
        }
        if (text.keyId() == null) {
            return text.legacyClear();
        }
        Optional<DataKeys.Row> row = keys.byId(text.keyId());
        if (row.isEmpty() || row.get().wrapped() == null || text.ciphertext() == null) {
            return whenGone;
        }
        try {
            byte[] plain = Aead.decrypt(unwrap(row.get()), Base64.getDecoder().decode(text.ciphertext()),
                    associated(text.keyId()));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Personal data under key " + text.keyId() + " does not open with its key");
        }
    }

    /**
     * Seals free text of records that are new (an expenditure, an indicator value being recorded): each non-blank text
     * under a new key of its own subject, all keys stored in one batch, in the write's transaction. Blank or null text
     * gets no key and is answered null. No key is looked up: a new record's subjects have none yet.
     */
    public List<PersonalText> sealNew(String projectId, List<String> subjects, List<String> texts) {
        return sealUnder(projectId, subjects, texts, Map.of());
    }

    /**
     * Seals free text of records that may have been recorded before (a correction, a later progress report): each
     * non-blank text under its subject's key, which is created if there is none yet, so every version of a record's
     * field is under one key and one redaction covers them all. One query finds the existing keys, one batch stores
     * the new ones. A subject whose key is destroyed (redacted) cannot be given text again (409).
     */
    public List<PersonalText> seal(String projectId, List<String> subjects, List<String> texts) {
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) != null && !texts.get(i).isBlank()) {
                wanted.add(subjects.get(i));
            }
        }
        if (wanted.isEmpty()) {
            return java.util.Collections.nCopies(texts.size(), null);
        }
        requireMasterKey();
        Map<String, DataKeys.Row> existing = new HashMap<>();
        for (DataKeys.Row row : keys.bySubjects(projectId, wanted)) {
            existing.put(row.subject(), row);
        }
        return sealUnder(projectId, subjects, texts, existing);
    }

    /**
     * Seals each non-blank text under its subject's key in {@code existing}, or under a new key (stored in one batch)
     * for a subject without one; blank or null text is answered null. A destroyed key refuses new text (409).
     */
    private List<PersonalText> sealUnder(String projectId, List<String> subjects, List<String> texts,
                                         Map<String, DataKeys.Row> existing) {
        List<PersonalText> sealed = new ArrayList<>(texts.size());
        List<DataKeys.Row> created = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                sealed.add(null);
                continue;
            }
            requireMasterKey();
            DataKeys.Row row = existing.get(subjects.get(i));
            if (row == null) {
                String keyId = UUID.randomUUID().toString();
                SecretKey key = Aead.newKey();
                created.add(new DataKeys.Row(keyId, projectId, subjects.get(i), master.wrap(key, keyId)));
                sealed.add(sealWith(key, keyId, text));
            } else if (row.wrapped() == null) {
                throw RuleViolation.conflict("redacted-text-stays-redacted", null, "The text of "
                        + subjects.get(i) + " has been redacted; it cannot be given new text.");
            } else {
                sealed.add(sealWith(unwrap(row), row.keyId(), text));
            }
        }
        if (!created.isEmpty()) {
            keys.insertAll(created, master.id());
        }
        return sealed;
    }

    /**
     * A redacted field as a later version of its record carries it: under its destroyed key, with no ciphertext, so it
     * opens as {@link #REDACTED} wherever it is read.
     */
    public PersonalText redacted(String projectId, String subject) {
        return keys.bySubject(projectId, subject).map(r -> PersonalText.sealed(r.keyId(), null))
                .orElseThrow(() -> new IllegalStateException("No key for the redacted " + subject));
    }

    /**
     * Redacts a subject's text: destroys its key, in the redacting write's transaction. Text recorded before it was
     * sealed has no key; it gets a destroyed one, so later versions of its record can refer to it as redacted.
     */
    public void redact(String projectId, String subject) {
        if (!keys.destroy(projectId, subject) && keys.bySubject(projectId, subject).isEmpty()) {
            keys.insertAll(List.of(new DataKeys.Row(UUID.randomUUID().toString(), projectId, subject, null)),
                    master == null ? "none" : master.id());
        }
    }

    /**
     * Opens the texts of a batch of events: their keys are read in one query, each key unwrapped at most once. An
     * opener lives no longer than the batch it was made for (a projection's transaction), so no unwrapped key outlives
     * a redaction that commits after it.
     */
    public Opener opener(java.util.Collection<String> keyIds) {
        Map<String, DataKeys.Row> rows = new HashMap<>();
        for (DataKeys.Row row : keys.byIds(keyIds)) {
            rows.put(row.keyId(), row);
        }
        return new Opener(rows);
    }

    /** Opens the texts sealed under the keys it read; a key it did not read is looked up on its own. */
    public final class Opener {
        private final Map<String, DataKeys.Row> rows;
        private final Map<String, SecretKey> unwrapped = new HashMap<>();

        private Opener(Map<String, DataKeys.Row> rows) {
            this.rows = rows;
        }

        /** The clear text; {@code whenGone} if its key is destroyed; as stored if it was recorded in the clear. */
        public String open(PersonalText text, String whenGone) {
            if (text == null) {
                return null;
            }
            if (text.keyId() == null) {
                return text.legacyClear();
            }
            DataKeys.Row row = rows.computeIfAbsent(text.keyId(), id -> keys.byId(id).orElse(null));
            if (row == null || row.wrapped() == null || text.ciphertext() == null) {
                return whenGone;
            }
            SecretKey key = unwrapped.computeIfAbsent(row.keyId(), id -> unwrap(row));
            return openWith(key, text);
        }
    }

    private static PersonalText sealWith(SecretKey key, String keyId, String text) {
        byte[] sealed = Aead.encrypt(key, text.getBytes(StandardCharsets.UTF_8), associated(keyId));
        return PersonalText.sealed(keyId, Base64.getEncoder().encodeToString(sealed));
    }

    private static String openWith(SecretKey key, PersonalText text) {
        try {
            return new String(Aead.decrypt(key, Base64.getDecoder().decode(text.ciphertext()),
                    associated(text.keyId())), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Personal data under key " + text.keyId() + " does not open with its key");
        }
    }

    /** Whether the subject has a data key that is not destroyed. */
    public boolean hasLiveKey(String projectId, String subject) {
        return keys.bySubject(projectId, subject).map(r -> r.wrapped() != null).orElse(false);
    }

    /**
     * Destroys a subject's data key, in the erasing write's transaction: from its commit on, nothing sealed under it
     * can be read again by anyone. Answers whether there was a key to destroy.
     */
    public boolean destroy(String projectId, String subject) {
        return keys.destroy(projectId, subject);
    }

    private SecretKey unwrap(DataKeys.Row row) {
        if (master == null) {
            throw new IllegalStateException("No master key for personal data is configured on this node");
        }
        try {
            return master.unwrap(row.wrapped(), row.keyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Data key " + row.keyId() + " does not open with the master key "
                    + master.id());
        }
    }

    private static byte[] associated(String keyId) {
        return ("personal-text\0" + keyId).getBytes(StandardCharsets.UTF_8);
    }

}
