-- The append lock of ADR 0019 (EventAppendOrder.APPEND_LOCK, 0x5e12ea99e7d) is taken by the event table itself:
-- a statement trigger that fires before any row of an insert (or COPY) is formed, so before the sequence gives
-- out a global index. Every appending transaction takes it, whoever inserts, and the insert no longer waits for a
-- round trip of its own to take the lock first (ADR 0059). The lock is held until the transaction ends, as before;
-- a transaction that takes it again (an insert of several statements) only counts it once more.
CREATE FUNCTION domainevententry_append_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(6464708648573);
    RETURN NULL;
END;
$$;

CREATE TRIGGER domainevententry_append_lock BEFORE INSERT ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION domainevententry_append_lock();
