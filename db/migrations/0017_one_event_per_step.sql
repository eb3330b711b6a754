-- One event per step of a request. An offer and an acceptance used to be written twice in one
-- transaction: the request's step (request.offer, request.accept) and the offer's own event
-- (offer.created, offer.accepted), and the timeline hid the second by guessing. A pair shares the
-- request and the transaction's time (and the expert, and the offer where the step named it). The
-- step takes everything the offer's event carried, and the offer's event goes. An offer's event
-- with no step beside it (the demo data wrote only those) becomes the step.
UPDATE events AS step
SET data = coalesce(step.data, '{}'::jsonb) || coalesce(pair.data, '{}'::jsonb),
    reason = coalesce(step.reason, pair.reason)
FROM events AS pair
WHERE pair.request_id = step.request_id
  AND pair.at = step.at
  AND ((step.type = 'request.offer' AND pair.type = 'offer.created') OR (step.type = 'request.accept' AND pair.type = 'offer.accepted'))
  AND (step.data ->> 'offerId' IS NULL OR step.data ->> 'offerId' = pair.data ->> 'offerId')
  AND (step.data ->> 'expertId' IS NULL OR step.data ->> 'expertId' = pair.data ->> 'expertId');
--> statement-breakpoint
DELETE FROM events AS pair
USING events AS step
WHERE pair.request_id = step.request_id
  AND pair.at = step.at
  AND ((step.type = 'request.offer' AND pair.type = 'offer.created') OR (step.type = 'request.accept' AND pair.type = 'offer.accepted'))
  AND step.data ->> 'offerId' = pair.data ->> 'offerId';
--> statement-breakpoint
UPDATE events
SET type = CASE type WHEN 'offer.created' THEN 'request.offer' ELSE 'request.accept' END,
    entity_type = 'request',
    entity_id = request_id::text,
    data = jsonb_build_object('to', CASE type WHEN 'offer.created' THEN 'offered' ELSE 'accepted' END) || coalesce(data, '{}'::jsonb)
WHERE type IN ('offer.created', 'offer.accepted') AND request_id IS NOT NULL;
