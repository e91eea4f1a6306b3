-- send_requested_at: when an analyst asked to send a draft passport to the agency; null when
-- nobody did. Hubs that send drafts automatically leave it empty.
-- send_claimed_at: when a route started sending the approval e-mail. Another route sends the
-- same draft only after this claim is older than the claim timeout, so two routes never send
-- one draft at the same moment, and a send that died is retried later.
ALTER TABLE passport ADD COLUMN send_requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE passport ADD COLUMN send_claimed_at TIMESTAMP WITH TIME ZONE;
