-- The autosave's write in one round trip (DraftsRepository.autosave). The same steps as the transactional save in
-- DraftsService.save, in the same order: lock the attempt row (FOR NO KEY UPDATE, so writes to one attempt take
-- turns), then check the total size against what is stored now (each statement of a plpgsql function reads a
-- fresh snapshot, so a write that held the lock meanwhile is seen), compare-and-set on the file's row and
-- revision, and record the history entry the caller prepared (skipped past the per-attempt cap). It never decides
-- an error: any outcome but 'saved' leaves everything unchanged and the caller answers through the transactional
-- path, which says exactly why.
CREATE FUNCTION draft_autosave(
    p_attempt UUID, p_file UUID, p_path TEXT, p_base INTEGER, p_content TEXT,
    p_kind "DraftRevisionKind", p_revision_content TEXT, p_max_total_bytes BIGINT, p_max_revisions INTEGER
) RETURNS TABLE (outcome TEXT, revision INTEGER, "updatedAt" TIMESTAMP(3))
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_status TEXT;
    v_others BIGINT;
    v_revision INTEGER;
    v_updated TIMESTAMP(3);
BEGIN
    SELECT a.status::text INTO v_status FROM "Attempt" a WHERE a.id = p_attempt FOR NO KEY UPDATE;
    IF v_status IS DISTINCT FROM 'IN_PROGRESS' THEN
        RETURN QUERY SELECT 'closed'::text, NULL::integer, NULL::timestamp(3);
        RETURN;
    END IF;
    SELECT coalesce(sum(octet_length(f.content)), 0) INTO v_others FROM "DraftFile" f WHERE f."attemptId" = p_attempt AND f.path <> p_path;
    IF v_others + octet_length(p_content) > p_max_total_bytes THEN
        RETURN QUERY SELECT 'too_large'::text, NULL::integer, NULL::timestamp(3);
        RETURN;
    END IF;
    -- The row id with its revision names one text: a file deleted and created again under the same path is a new row.
    UPDATE "DraftFile" f SET content = p_content, revision = f.revision + 1, "updatedAt" = now()
    WHERE f.id = p_file AND f."attemptId" = p_attempt AND f.path = p_path AND f.revision = p_base
    RETURNING f.revision, f."updatedAt" INTO v_revision, v_updated;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'changed'::text, NULL::integer, NULL::timestamp(3);
        RETURN;
    END IF;
    IF p_kind IS NOT NULL AND (SELECT count(*) FROM "DraftRevision" r WHERE r."attemptId" = p_attempt) < p_max_revisions THEN
        INSERT INTO "DraftRevision" (id, "attemptId", path, kind, content) VALUES (gen_random_uuid(), p_attempt, p_path, p_kind, p_revision_content);
    END IF;
    RETURN QUERY SELECT 'saved'::text, v_revision, v_updated;
END;
$$;
