CREATE INDEX "events_region_at_idx" ON "events" USING btree ("region_code","at");--> statement-breakpoint
CREATE INDEX "events_at_idx" ON "events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "events_actor_idx" ON "events" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE INDEX "events_type_at_idx" ON "events" USING btree ("type","at");--> statement-breakpoint
CREATE UNIQUE INDEX "events_appointment_ended_once" ON "events" USING btree ("entity_id",("data" ->> 'termEnd')) WHERE "events"."type" = 'expert.appointmentEnded';--> statement-breakpoint
-- The district of every event (hand-written below; the indexes above are generated). A writer may
-- name the district (recordEvent's regionCode, e.g. an export names its admin's); when it leaves it
-- null, events_fill_region derives it from the record the event is about, so no caller can forget
-- it. Always the county (the first six digits of a GB/T 2260 code); null = zone-wide.
-- Checked entity kind by entity kind by lib/audit/audit-events.db.test.ts (see db/README.md).
CREATE FUNCTION audit_uuid(value text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN value::uuid END
$$;
--> statement-breakpoint
-- An account's district: an admin's scope, a station's region, a company's region, an expert's home.
CREATE FUNCTION user_region_code(account uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT left(coalesce(
    u.region_scope,
    (SELECT s.region_code FROM stations s WHERE s.id = u.station_id),
    (SELECT en.region_code FROM enterprises en WHERE en.id = u.enterprise_id),
    (SELECT ex.home_region_code FROM experts ex WHERE ex.user_id = u.id)
  ), 6)
  FROM users u WHERE u.id = account
$$;
--> statement-breakpoint
CREATE FUNCTION event_region_code(p_entity_type text, p_entity_id text, p_request_id uuid) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
  entity uuid := audit_uuid(p_entity_id);
  code text;
BEGIN
  IF p_request_id IS NOT NULL THEN
    SELECT r.region_code INTO code FROM requests r WHERE r.id = p_request_id;
    IF code IS NOT NULL THEN RETURN left(code, 6); END IF;
  END IF;
  IF entity IS NULL THEN RETURN NULL; END IF;
  CASE p_entity_type
    WHEN 'request' THEN SELECT r.region_code INTO code FROM requests r WHERE r.id = entity;
    WHEN 'dispute' THEN SELECT r.region_code INTO code FROM disputes d JOIN requests r ON r.id = d.request_id WHERE d.id = entity;
    WHEN 'recovery' THEN SELECT r.region_code INTO code FROM recoveries x JOIN requests r ON r.id = x.request_id WHERE x.id = entity;
    WHEN 'offer' THEN SELECT r.region_code INTO code FROM offers o JOIN requests r ON r.id = o.request_id WHERE o.id = entity;
    WHEN 'message' THEN SELECT r.region_code INTO code FROM messages m JOIN requests r ON r.id = m.request_id WHERE m.id = entity;
    WHEN 'attachment' THEN SELECT r.region_code INTO code FROM attachments a JOIN requests r ON r.id = a.request_id WHERE a.id = entity;
    WHEN 'return_visit' THEN SELECT r.region_code INTO code FROM return_visits v JOIN requests r ON r.id = v.request_id WHERE v.id = entity;
    WHEN 'expert' THEN SELECT ex.home_region_code INTO code FROM experts ex WHERE ex.id = entity;
    WHEN 'application' THEN
      SELECT ex.home_region_code INTO code FROM expert_applications a JOIN experts ex ON ex.id = a.expert_id WHERE a.id = entity;
    WHEN 'station' THEN SELECT s.region_code INTO code FROM stations s WHERE s.id = entity;
    WHEN 'enterprise' THEN SELECT en.region_code INTO code FROM enterprises en WHERE en.id = entity;
    WHEN 'user' THEN code := user_region_code(entity);
    WHEN 'api_token' THEN SELECT user_region_code(t.user_id) INTO code FROM api_tokens t WHERE t.id = entity;
    ELSE code := NULL;
  END CASE;
  RETURN left(code, 6);
END;
$$;
--> statement-breakpoint
CREATE FUNCTION events_fill_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.region_code := CASE
    WHEN NEW.region_code IS NOT NULL THEN left(NEW.region_code, 6)
    ELSE event_region_code(NEW.entity_type, NEW.entity_id, NEW.request_id)
  END;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_fill_region BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_fill_region();
--> statement-breakpoint
UPDATE events SET region_code = event_region_code(entity_type, entity_id, request_id) WHERE region_code IS NULL;
