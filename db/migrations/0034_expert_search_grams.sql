-- The directory's text search through an index. Chinese has no spaces, so a query term is matched
-- as a substring; a trigram index cannot serve a two-character term, so each expert carries the set
-- of its characters and pairs of adjacent characters (search_grams, GIN-indexed): an expert can
-- contain a term only if it has all of the term's pairs (a one-character term: that character).
-- The query keeps the exact substring test on the few rows the index returns (lib/roster/search-sql.ts).
-- Kept exact by triggers, whatever code writes: the expert's own text, its specialties and served
-- regions, and renames of a specialty or region. The folding is defined once, here, and matches
-- normalizeSearchText (lib/roster/search-text.ts).

ALTER TABLE "experts" ADD COLUMN "search_grams" text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
-- normalizeSearchText: NFKC, lower case, runs of white space (JavaScript's \s) to one space, trimmed.
CREATE FUNCTION search_normalize(p_text text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(lower(normalize(p_text, NFKC)),
    '[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+', ' ', 'g'), ' ')
$$;
--> statement-breakpoint
-- Every character and every pair of adjacent characters within a word of the normalised text (a
-- query term holds no space, so pairs across words or fields could never be asked for).
CREATE FUNCTION search_grams(p_text text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT x.gram ORDER BY x.gram), '{}'::text[])
  FROM unnest(string_to_array(search_normalize(p_text), ' ')) AS w(word)
  CROSS JOIN LATERAL generate_series(1, char_length(w.word)) AS i(n)
  CROSS JOIN LATERAL (VALUES (substr(w.word, i.n, 1)), (substr(w.word, i.n, 2))) AS x(gram)
$$;
--> statement-breakpoint
-- The grams an expert matching this term must have: its pairs, or its one character.
CREATE FUNCTION search_term_grams(p_term text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(g.gram) FILTER (WHERE char_length(g.gram) = 2), array_agg(g.gram), '{}'::text[])
  FROM unnest(search_grams(p_term)) AS g(gram)
$$;
--> statement-breakpoint
-- An expert's grams: its own text and the names (both languages) of its specialties and served regions.
CREATE FUNCTION expert_search_grams(p_expert uuid, p_name text, p_organization text, p_title text, p_bio text)
RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT search_grams(concat_ws(' ', p_name, p_organization, p_title, p_bio,
    (SELECT string_agg(s.name_zh || ' ' || s.name_en, ' ')
      FROM expert_specialties es JOIN specialties s ON s.code = es.specialty_code WHERE es.expert_id = p_expert),
    (SELECT string_agg(r.name_zh || ' ' || r.name_en, ' ')
      FROM expert_regions er JOIN regions r ON r.code = er.region_code WHERE er.expert_id = p_expert)))
$$;
--> statement-breakpoint
-- Recomputes these experts' grams, writing only the rows that change.
CREATE FUNCTION refresh_expert_search_grams(p_experts uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE experts e SET search_grams = x.grams
  FROM (
    SELECT id, expert_search_grams(id, name, organization, title, bio) AS grams FROM experts WHERE id = ANY (p_experts)
  ) x
  WHERE e.id = x.id AND e.search_grams IS DISTINCT FROM x.grams
$$;
--> statement-breakpoint
CREATE FUNCTION experts_search_grams_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_grams := expert_search_grams(NEW.id, NEW.name, NEW.organization, NEW.title, NEW.bio);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER experts_search_grams BEFORE INSERT OR UPDATE OF name, organization, title, bio ON experts
  FOR EACH ROW EXECUTE FUNCTION experts_search_grams_fill();
--> statement-breakpoint
CREATE FUNCTION expert_taxonomy_search_grams() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_old uuid;
  v_new uuid;
BEGIN
  IF TG_OP <> 'INSERT' THEN v_old := OLD.expert_id; END IF;
  IF TG_OP <> 'DELETE' THEN v_new := NEW.expert_id; END IF;
  PERFORM refresh_expert_search_grams(ARRAY[v_old, v_new]);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Triggers fire in name order: these ("..._grams") run before "..._routing_profile", so the expert's
-- row is locked before routing takes its advisory lock, the order an update of the expert takes them in.
CREATE TRIGGER expert_specialties_grams AFTER INSERT OR UPDATE OR DELETE ON expert_specialties
  FOR EACH ROW EXECUTE FUNCTION expert_taxonomy_search_grams();
--> statement-breakpoint
CREATE TRIGGER expert_regions_grams AFTER INSERT OR UPDATE OR DELETE ON expert_regions
  FOR EACH ROW EXECUTE FUNCTION expert_taxonomy_search_grams();
--> statement-breakpoint
CREATE FUNCTION taxonomy_rename_search_grams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'specialties' THEN
    PERFORM refresh_expert_search_grams(ARRAY(SELECT expert_id FROM expert_specialties WHERE specialty_code = NEW.code));
  ELSE
    PERFORM refresh_expert_search_grams(ARRAY(SELECT expert_id FROM expert_regions WHERE region_code = NEW.code));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER specialties_search_grams AFTER UPDATE OF name_zh, name_en ON specialties
  FOR EACH ROW WHEN (OLD.name_zh IS DISTINCT FROM NEW.name_zh OR OLD.name_en IS DISTINCT FROM NEW.name_en)
  EXECUTE FUNCTION taxonomy_rename_search_grams();
--> statement-breakpoint
CREATE TRIGGER regions_search_grams AFTER UPDATE OF name_zh, name_en ON regions
  FOR EACH ROW WHEN (OLD.name_zh IS DISTINCT FROM NEW.name_zh OR OLD.name_en IS DISTINCT FROM NEW.name_en)
  EXECUTE FUNCTION taxonomy_rename_search_grams();
--> statement-breakpoint
-- The backfill, before the index is built (one build instead of one insert per row).
SELECT refresh_expert_search_grams(ARRAY(SELECT id FROM experts));
--> statement-breakpoint
CREATE INDEX "experts_search_grams_idx" ON "experts" USING gin ("search_grams");
