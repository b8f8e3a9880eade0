-- Unread counts and thread pages at scale (ADR 0127, `accord bench messages`). Every unread count
-- walks a reader's unread messages per thread after its marker, and its latest-visible lookup walks back
-- from the newest: with (thread_id, id) alone each step fetched the message's row (its body too) to test
-- everyone, the author and posted_at. This index covers those columns, so the walk reads the index only
-- (the access-list probe into case_message_grants stays for messages not to everyone). It replaces
-- case_messages_thread, of which it is an extension.
CREATE INDEX case_messages_unread ON case_messages (thread_id, id, everyone, author_org, author_member, posted_at);
DROP INDEX case_messages_thread;
