-- Every sign-in updates its account's row (the one-time code's step, failure counts). With
-- full pages each such update moved the row to another page and added an entry to each of the
-- table's four indexes; room left on each page lets the new version stay beside the old one
-- (a HOT update: no index entry, and the old version is pruned on the page). Applies to pages
-- filled from now on.
ALTER TABLE identity.accounts SET (fillfactor = 80);
